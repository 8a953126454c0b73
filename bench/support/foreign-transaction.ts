import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Runs `fn` while a transaction with a transaction id stays open in a scratch database of the same server (issue
 * 13 A3: such a transaction must not hold back our projections), then rolls it back and drops the database.
 */
export async function holdForeignTransaction<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const name = `bench_foreign_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: url });
  admin.on('error', () => undefined);
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const foreignUrl = new URL(url);
  foreignUrl.pathname = `/${name}`;
  const held = new Client({ connectionString: foreignUrl.toString() });
  held.on('error', () => undefined);
  await held.connect();
  await held.query('BEGIN');
  await held.query('SELECT pg_current_xact_id()');
  try {
    return await fn();
  } finally {
    await held.query('ROLLBACK').catch(() => undefined);
    await held.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}
