import { openSecret, rewrapSecret, SealedSecret, sealSecret } from './envelope';
import { MasterKeyRing } from './master-keys';
import { Secret, StoredSecret } from './secret.types';
import { SqlClient } from './sql-client';

interface SecretRow {
  connection_id: string;
  key_id: string;
  wrapped_key: Uint8Array;
  iv: Uint8Array;
  tag: Uint8Array;
  ciphertext: Uint8Array;
}

// pg returns Buffers, PGlite Uint8Arrays: normalise so both drivers work.
const buf = (v: Uint8Array): Buffer => (Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength));

const toSealed = (row: SecretRow): SealedSecret => ({
  keyId: row.key_id,
  wrappedKey: buf(row.wrapped_key),
  iv: buf(row.iv),
  tag: buf(row.tag),
  ciphertext: buf(row.ciphertext),
});

/** Encrypted secrets, one row per connection (table from VAULT_MIGRATIONS). Never logs. */
export class VaultRepository {
  constructor(
    private readonly sql: SqlClient,
    private readonly ring: MasterKeyRing,
  ) {}

  /**
   * The same vault over another client, typically an open transaction, so a secret is written or erased in the
   * same commit as the row that owns it.
   */
  on(sql: SqlClient): VaultRepository {
    return new VaultRepository(sql, this.ring);
  }

  /** Stores (or replaces, e.g. after a refresh or re-authorization) the connection's secret with a new data key. */
  async put(connectionId: string, secret: StoredSecret): Promise<void> {
    const s = sealSecret(this.ring, connectionId, secret);
    await this.sql.query(
      `INSERT INTO vault_secrets (connection_id, key_id, wrapped_key, iv, tag, ciphertext)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (connection_id) DO UPDATE SET key_id = EXCLUDED.key_id, wrapped_key = EXCLUDED.wrapped_key,
         iv = EXCLUDED.iv, tag = EXCLUDED.tag, ciphertext = EXCLUDED.ciphertext, updated_at = now()`,
      [connectionId, s.keyId, s.wrappedKey, s.iv, s.tag, s.ciphertext],
    );
  }

  async get<T extends StoredSecret = Secret>(connectionId: string): Promise<T | null> {
    const { rows } = await this.sql.query<SecretRow>(
      'SELECT connection_id, key_id, wrapped_key, iv, tag, ciphertext FROM vault_secrets WHERE connection_id = $1',
      [connectionId],
    );
    return rows.length === 0 ? null : openSecret<T>(this.ring, connectionId, toSealed(rows[0]));
  }

  async has(connectionId: string): Promise<boolean> {
    const { rows } = await this.sql.query('SELECT 1 FROM vault_secrets WHERE connection_id = $1', [connectionId]);
    return rows.length > 0;
  }

  /** Destroying a connection erases its secret row. Returns whether a row existed. */
  async erase(connectionId: string): Promise<boolean> {
    const { rows } = await this.sql.query(
      'DELETE FROM vault_secrets WHERE connection_id = $1 RETURNING connection_id',
      [connectionId],
    );
    return rows.length > 0;
  }

  /**
   * Re-wraps every data key not yet under the newest master key; ciphertexts are untouched. Each update only
   * applies if the row still has the wrap it was read with, so a concurrent put() is never overwritten.
   * Returns how many rows were re-wrapped; once it returns, older master keys can be removed from the config.
   */
  async rotate(batchSize = 500): Promise<number> {
    let count = 0;
    const skipped = new Set<string>();
    for (;;) {
      const { rows } = await this.sql.query<SecretRow>(
        `SELECT connection_id, key_id, wrapped_key, iv, tag, ciphertext FROM vault_secrets
         WHERE key_id <> $1 AND NOT (connection_id = ANY($3::text[])) ORDER BY connection_id LIMIT $2`,
        [this.ring.currentId, batchSize, [...skipped]],
      );
      if (rows.length === 0) return count;
      for (const row of rows) {
        const next = rewrapSecret(this.ring, row.connection_id, toSealed(row));
        const { rows: updated } = await this.sql.query(
          `UPDATE vault_secrets SET key_id = $2, wrapped_key = $3, updated_at = now()
           WHERE connection_id = $1 AND key_id = $4 AND wrapped_key = $5 RETURNING connection_id`,
          [row.connection_id, next.keyId, next.wrappedKey, row.key_id, buf(row.wrapped_key)],
        );
        if (updated.length > 0) count++;
        else skipped.add(row.connection_id);
      }
    }
  }
}
