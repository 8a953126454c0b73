import { generateMasterKeyValue, parseMasterKeys, VAULT_MIGRATIONS, VaultRepository } from '@libs/vault';
import { Pool } from 'pg';
import { createTestDatabase, TestDatabase } from './support/postgres';

describe('VaultRepository (PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: Pool;
  const k1 = generateMasterKeyValue('k1');
  const k2 = generateMasterKeyValue('k2');

  beforeAll(async () => {
    db = await createTestDatabase('vault');
    pool = new Pool({ connectionString: db.url, max: 2 });
    pool.on('error', (error) => console.warn(`vault test pool: ${error.message}`));
    for (const m of VAULT_MIGRATIONS) await pool.query(m.sql);
    for (const m of VAULT_MIGRATIONS) await pool.query(m.sql); // idempotent
  });

  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('puts, gets, replaces and erases a secret; the row holds no plaintext', async () => {
    const vault = new VaultRepository(pool, parseMasterKeys(k1));
    await vault.put('c-1', { apiKey: 'sk-canary-put-get' });
    expect(await vault.get('c-1')).toEqual({ apiKey: 'sk-canary-put-get' });
    const { rows } = await pool.query('SELECT * FROM vault_secrets WHERE connection_id = $1', ['c-1']);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain('canary');
    expect(Buffer.concat([rows[0].ciphertext, rows[0].wrapped_key]).includes('sk-canary-put-get')).toBe(false);

    const tokens = { accessToken: 'at', refreshToken: 'rt', expiresAt: '2030-01-01T00:00:00.000Z', scope: 'a b' };
    await vault.put('c-1', tokens);
    expect(await vault.get('c-1')).toEqual(tokens);
    expect(await vault.has('c-1')).toBe(true);

    expect(await vault.erase('c-1')).toBe(true);
    expect(await vault.erase('c-1')).toBe(false);
    expect(await vault.get('c-1')).toBeNull();
    expect((await pool.query('SELECT 1 FROM vault_secrets WHERE connection_id = $1', ['c-1'])).rows).toHaveLength(0);
  });

  it('rotates every data key to the newest master key without touching ciphertexts', async () => {
    const before = new VaultRepository(pool, parseMasterKeys(k1));
    await before.put('r-1', { username: 'alice', password: 'pw-1' });
    await before.put('r-2', { apiKey: 'key-2' });
    const old = await pool.query('SELECT connection_id, ciphertext, wrapped_key FROM vault_secrets ORDER BY 1');

    const both = new VaultRepository(pool, parseMasterKeys(`${k1},${k2}`));
    expect(await both.rotate(1)).toBe(2);
    expect(await both.rotate()).toBe(0);

    const after = await pool.query(
      'SELECT connection_id, key_id, ciphertext, wrapped_key FROM vault_secrets ORDER BY 1',
    );
    expect(after.rows.map((r) => r.key_id)).toEqual(['k2', 'k2']);
    after.rows.forEach((r, i) => {
      expect(r.ciphertext.equals(old.rows[i].ciphertext)).toBe(true);
      expect(r.wrapped_key.equals(old.rows[i].wrapped_key)).toBe(false);
    });

    const onlyNew = new VaultRepository(pool, parseMasterKeys(k2));
    expect(await onlyNew.get('r-1')).toEqual({ username: 'alice', password: 'pw-1' });
    expect(await onlyNew.get('r-2')).toEqual({ apiKey: 'key-2' });
    await expect(before.get('r-1')).rejects.toThrow('master key "k2"');
  });
});
