import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMasterKeys, MasterKeyConfigError, parseMasterKeys } from './master-keys';

const key = () => randomBytes(32).toString('base64');

describe('parseMasterKeys', () => {
  it('reads a bare key as id k1', () => {
    const k = key();
    const ring = parseMasterKeys(k);
    expect(ring.currentId).toBe('k1');
    expect(ring.keys.get('k1')?.toString('base64')).toBe(k);
  });

  it('reads a list; the last key is the current one', () => {
    const ring = parseMasterKeys(`old:${key()}, new:${key()}`);
    expect([...ring.keys.keys()]).toEqual(['old', 'new']);
    expect(ring.currentId).toBe('new');
  });

  it('rejects bad keys without showing key material', () => {
    const short = randomBytes(16).toString('base64');
    for (const [value, message] of [
      [`a:${short}`, 'entry 1 (id "a"): must be the base64 of exactly 32 bytes'],
      [`a:${key()},a:${key()}`, 'entry 2: duplicate key id "a"'],
      [`bad id:${key()}`, 'entry 1: the key id must be'],
      ['', 'CREDENTIALS_MASTER_KEY is empty'],
      ['a:not base64!!', 'entry 1 (id "a"): must be the base64'],
    ]) {
      let error: unknown;
      try {
        parseMasterKeys(value);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(MasterKeyConfigError);
      expect((error as Error).message).toContain(message);
      if (value.includes(':')) expect((error as Error).message).not.toContain(value.split(':')[1].split(',')[0]);
    }
  });
});

describe('loadMasterKeys', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'vault-keys-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('uses CREDENTIALS_MASTER_KEY without warning', () => {
    const loaded = loadMasterKeys({ env: { CREDENTIALS_MASTER_KEY: `k7:${key()}` }, dataDir, production: true });
    expect(loaded.ring.currentId).toBe('k7');
    expect(loaded.warning).toBeUndefined();
  });

  it('generates a 0600 development key once and reuses it', () => {
    const first = loadMasterKeys({ env: {}, dataDir, production: false });
    const file = join(dataDir, 'master.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.warning).toContain('generated into');
    const material = first.ring.keys.get('k1')!.toString('base64');
    expect(readFileSync(file, 'utf8')).toContain(material);
    expect(first.warning).not.toContain(material);
    const second = loadMasterKeys({ env: {}, dataDir: dataDir, production: false });
    expect(second.ring.keys.get('k1')!.toString('base64')).toBe(material);
    expect(second.warning).toContain('from');
  });

  it('refuses to run without a key in production', () => {
    expect(() => loadMasterKeys({ env: {}, dataDir, production: true })).toThrow(
      /CREDENTIALS_MASTER_KEY is required in production/,
    );
  });
});
