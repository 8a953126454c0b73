// Builds the web app (apps/web) into dist/web with Vite, unless dist/web was built from the same sources
// (a hash of apps/web, the schema and the lockfile is kept in dist/web/.source-hash), so `npm start` stays fast.
// Then checks the initial JavaScript (the entry script and what index.html preloads): ≤ 250 kB gzipped.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Buffer } from 'node:buffer';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const webRoot = join(root, 'apps/web');
export const webOut = join(root, 'dist/web');
const stampFile = join(webOut, '.source-hash');
export const INITIAL_JS_LIMIT = 250_000;

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

export async function sourceHash() {
  const hash = createHash('sha256');
  const paths = [];
  for await (const f of files(webRoot)) paths.push(f);
  paths.sort();
  for (const p of [...paths, join(root, 'package-lock.json'), join(root, 'scripts/build-web.mjs')]) {
    hash.update(relative(root, p)).update('\0');
    hash.update(await readFile(p).catch(() => Buffer.alloc(0))).update('\0');
  }
  return hash.digest('hex');
}

/** Sum of the gzipped sizes of the scripts index.html loads at start (entry module + modulepreload links). */
export async function initialJavaScript(dir = webOut) {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const urls = new Set();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) urls.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) urls.add(m[1]);
  const parts = [];
  for (const url of urls) {
    const body = await readFile(join(dir, url.replace(/^\//, '')));
    parts.push({ file: url, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  return { parts, gzip: parts.reduce((n, p) => n + p.gzip, 0) };
}

export async function buildWeb({ force = false, quiet = false } = {}) {
  const hash = await sourceHash();
  const current = await readFile(stampFile, 'utf8').catch(() => null);
  const built = await stat(join(webOut, 'index.html')).then(
    () => true,
    () => false,
  );
  if (!force && built && current === hash) return { skipped: true };
  // Always a production bundle (React's production build), even when called with NODE_ENV=test (Jest) or dev.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({ configFile: join(webRoot, 'vite.config.mts'), logLevel: quiet ? 'warn' : 'info', mode: 'production' });
  const size = await initialJavaScript();
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  console.log(`web: initial JavaScript ${kb(size.gzip)} gzipped (limit ${kb(INITIAL_JS_LIMIT)})`);
  if (size.gzip > INITIAL_JS_LIMIT) {
    for (const p of size.parts) console.error(`  ${p.file}: ${kb(p.gzip)}`);
    throw new Error(`web: the initial JavaScript is ${kb(size.gzip)} gzipped, over the ${kb(INITIAL_JS_LIMIT)} budget`);
  }
  await writeFile(stampFile, hash);
  return { skipped: false, size };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildWeb({ force: process.argv.includes('--force') }).catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
