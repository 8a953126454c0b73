import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readOrCreateFile } from '@libs/config';

/**
 * Embedded mode keeps generated development secrets in the data directory, created once with mode 0600, so that
 * `npm start` needs no set-up and `npm run token` signs tokens the running service accepts.
 */
export function readOrCreateSecret(dataDir: string, fileName: string, bytes = 32): { value: string; created: boolean } {
  const { value, created } = readOrCreateFile(join(dataDir, fileName), () => randomBytes(bytes).toString('base64url'));
  return { value: value.trim(), created };
}
