import { randomBytes } from 'node:crypto';
import { readOrCreateFile } from '@libs/config';
import { join } from 'node:path';

/** Master keys by id; `currentId` (the last one configured) wraps new data keys. */
export interface MasterKeyRing {
  readonly keys: ReadonlyMap<string, Buffer>;
  readonly currentId: string;
}

export class MasterKeyConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MasterKeyConfigError';
  }
}

const ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/]+={0,2}$|^[A-Za-z0-9_-]+$/;

/**
 * Parses `id:base64key[,id:base64key…]`; a bare key means id "k1". Errors name the entry by position and id only:
 * key material never appears in a message.
 */
export function parseMasterKeys(value: string, source = 'CREDENTIALS_MASTER_KEY'): MasterKeyRing {
  const entries = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (entries.length === 0) throw new MasterKeyConfigError(`${source} is empty`);
  const keys = new Map<string, Buffer>();
  let currentId = '';
  entries.forEach((entry, i) => {
    const colon = entry.indexOf(':');
    const id = colon === -1 ? 'k1' : entry.slice(0, colon);
    const encoded = colon === -1 ? entry : entry.slice(colon + 1);
    if (!ID_PATTERN.test(id)) {
      throw new MasterKeyConfigError(`${source} entry ${i + 1}: the key id must be 1–64 letters, digits, . _ or -`);
    }
    const key = BASE64_PATTERN.test(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
    if (key.length !== 32) {
      throw new MasterKeyConfigError(`${source} entry ${i + 1} (id "${id}"): must be the base64 of exactly 32 bytes`);
    }
    if (keys.has(id)) throw new MasterKeyConfigError(`${source} entry ${i + 1}: duplicate key id "${id}"`);
    keys.set(id, key);
    currentId = id;
  });
  return { keys, currentId };
}

export function generateMasterKeyValue(id = 'k1'): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

export interface LoadMasterKeysOptions {
  env: Record<string, string | undefined>;
  dataDir: string;
  production: boolean;
}

export interface LoadedMasterKeys {
  ring: MasterKeyRing;
  /** For the caller to log; set when a development key from `dataDir` is in use. Holds no key material. */
  warning?: string;
}

/**
 * `CREDENTIALS_MASTER_KEY` when set. Otherwise, outside production, a key kept in `<dataDir>/master.key` (created
 * with mode 0600 on first use) so secrets survive restarts of a development instance; in production, an error.
 */
export function loadMasterKeys({ env, dataDir, production }: LoadMasterKeysOptions): LoadedMasterKeys {
  const configured = env.CREDENTIALS_MASTER_KEY;
  if (configured !== undefined && configured.trim() !== '') return { ring: parseMasterKeys(configured) };
  if (production) {
    throw new MasterKeyConfigError(
      'CREDENTIALS_MASTER_KEY is required in production: set it to the base64 of 32 random bytes ' +
        '(e.g. `openssl rand -base64 32`), or to a comma-separated list of id:key to rotate',
    );
  }
  const file = join(dataDir, 'master.key');
  let loaded: { value: string; created: boolean };
  try {
    loaded = readOrCreateFile(file, () => `${generateMasterKeyValue()}\n`);
  } catch (e) {
    throw new MasterKeyConfigError(`Cannot read the development master key ${file}: ${(e as Error).message}`);
  }
  const { value, created } = loaded;
  const ring = parseMasterKeys(value, file);
  const warning =
    `CREDENTIALS_MASTER_KEY is not set: using a development master key ${created ? 'generated into' : 'from'} ` +
    `${file}. Set CREDENTIALS_MASTER_KEY in production.`;
  return { ring, warning };
}
