import { PgSqlClient, runMigrations, type MigrationSet } from '@libs/event-store';
import { createTestDatabase, type TestDatabase } from './support/postgres';

describe('runMigrations on PostgreSQL', () => {
  let db: TestDatabase;
  const clients: PgSqlClient[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('migrations');
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await db.drop();
  });

  const set: MigrationSet = {
    namespace: 'demo',
    migrations: [
      { version: 2, name: 'second', sql: 'ALTER TABLE demo ADD COLUMN b int; INSERT INTO demo (a, b) VALUES (2, 2);' },
      { version: 1, name: 'first', sql: 'CREATE TABLE demo (a int NOT NULL); INSERT INTO demo (a) VALUES (1);' },
    ],
  };

  it('applies each migration exactly once when two processes start at the same time', async () => {
    const a = new PgSqlClient(db.url, 2);
    const b = new PgSqlClient(db.url, 2);
    clients.push(a, b);
    const [appliedA, appliedB] = await Promise.all([runMigrations(a, set), runMigrations(b, set)]);
    expect([appliedA, appliedB].sort((x, y) => y.length - x.length)).toEqual([[1, 2], []]);
    expect(await a.query('SELECT a, b FROM demo ORDER BY a')).toEqual([
      { a: 1, b: null },
      { a: 2, b: 2 },
    ]);
    expect(await runMigrations(a, set)).toEqual([]);
  });

  it('keeps namespaces apart and adds only the new versions', async () => {
    const client = clients[0];
    const more: MigrationSet = {
      namespace: 'demo',
      migrations: [...set.migrations, { version: 3, name: 'third', sql: 'INSERT INTO demo (a) VALUES (3)' }],
    };
    expect(await runMigrations(client, more)).toEqual([3]);
    expect(
      await runMigrations(client, { namespace: 'other', migrations: [{ version: 1, name: 'x', sql: 'SELECT 1' }] }),
    ).toEqual([1]);
    const rows = await client.query<{ namespace: string; version: number }>(
      'SELECT namespace, version FROM schema_migrations ORDER BY namespace, version',
    );
    expect(rows).toEqual([
      { namespace: 'demo', version: 1 },
      { namespace: 'demo', version: 2 },
      { namespace: 'demo', version: 3 },
      { namespace: 'other', version: 1 },
    ]);
  });

  it('rolls a failing migration back whole, recording nothing', async () => {
    const client = clients[0];
    const broken: MigrationSet = {
      namespace: 'broken',
      migrations: [
        { version: 1, name: 'ok', sql: 'CREATE TABLE broken_ok (x int)' },
        { version: 2, name: 'bad', sql: 'SELECT no_such_column FROM demo' },
      ],
    };
    await expect(runMigrations(client, broken)).rejects.toThrow(/no_such_column/);
    expect(await client.query("SELECT to_regclass('broken_ok') AS t")).toEqual([{ t: null }]);
    expect(await client.query("SELECT 1 FROM schema_migrations WHERE namespace = 'broken'")).toEqual([]);
  });
});
