import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteSqlClient } from '@libs/event-store';

/**
 * A new PGlite database costs an initdb in WebAssembly (15–25 s on the CI machine); opening an existing one ≈ 1 s.
 * Tests therefore copy a cleanly closed, empty template made once per PGlite version, instead of each running
 * its own initdb. The product itself still creates its database from scratch on first start.
 */
// The package does not export its package.json: read it from node_modules to key the template by version.
const pgliteVersion = (
  JSON.parse(readFileSync(join(process.cwd(), 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as {
    version: string;
  }
).version;
const template = join(tmpdir(), `cr-pglite-template-${pgliteVersion}`);

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function ensureTemplate(): Promise<void> {
  if (await exists(join(template, 'pglite', 'PG_VERSION'))) return;
  const building = await mkdtemp(join(tmpdir(), 'cr-pglite-building-'));
  const client = await PgliteSqlClient.open(join(building, 'pglite'));
  await client.close();
  // Another run may have finished first: then ours is simply discarded.
  await rename(building, template).catch(() => rm(building, { recursive: true, force: true }));
}

/** A fresh DATA_DIR whose `pglite/` holds an empty database, ready to open. */
export async function freshPgliteDataDir(prefix = 'pglite'): Promise<string> {
  await ensureTemplate();
  const dir = await mkdtemp(join(tmpdir(), `cr-${prefix}-`));
  await cp(join(template, 'pglite'), join(dir, 'pglite'), { recursive: true });
  return dir;
}
