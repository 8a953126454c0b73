import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Embedded mode keeps generated development secrets in the data directory, created once with mode 0600, so that
 * `npm start` needs no set-up and `npm run token` signs tokens the running service accepts.
 */
export function readOrCreateSecret(dataDir: string, fileName: string, bytes = 32): { value: string; created: boolean } {
  const path = join(dataDir, fileName);
  try {
    return { value: readFileSync(path, 'utf8').trim(), created: false };
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const value = randomBytes(bytes).toString('base64url');
    try {
      writeFileSync(path, value, { mode: 0o600, flag: 'wx' });
      return { value, created: true };
    } catch {
      // Another process created it first: use theirs.
      return { value: readFileSync(path, 'utf8').trim(), created: false };
    }
  }
}
