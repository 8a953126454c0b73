import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Reads `path`, or creates it with `create()`'s content when it is missing: whole or not at all, even when several
 * processes sharing a DATA_DIR start together (the split roles, `npm start` beside `npm run token`). The content is
 * written to a private temporary file and hard-linked to `path`; the link fails when another process linked first,
 * and then its file is read. A plain exclusive (`wx`) write let another process read the file between its creation
 * and its write: an empty secret, or a start-up failure (1 round in 30 of six processes racing, seen 2026-12-04).
 */
export function readOrCreateFile(
  path: string,
  create: () => string,
  mode = 0o600,
): { value: string; created: boolean } {
  try {
    return { value: readFileSync(path, 'utf8'), created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}`);
  const value = create();
  writeFileSync(temp, value, { mode, flag: 'wx' });
  try {
    linkSync(temp, path);
    return { value, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { value: readFileSync(path, 'utf8'), created: false };
  } finally {
    unlinkSync(temp);
  }
}
