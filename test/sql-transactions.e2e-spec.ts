import { PgSqlClient, TableCheckpoints } from '@libs/event-store';
import { createTestDatabase, watchStatements, type TestDatabase } from './support/postgres';

// PgSqlClient.transaction sends BEGIN with the first statement and `defer`red statements with the next one or with
// the COMMIT (issue 12: a round trip costs more than most statements on this kind of machine). What is sent is read
// off pg's own Client.query; what it does is read back from a real PostgreSQL server.

describe('PgSqlClient transactions on PostgreSQL', () => {
  let db: TestDatabase;
  let sql: PgSqlClient;
  let sent: string[];
  let spy: jest.SpyInstance;

  beforeAll(async () => {
    db = await createTestDatabase('sql_transactions');
    sql = new PgSqlClient(db.url, 2);
    await sql.exec(
      'CREATE TABLE t (n int PRIMARY KEY); CREATE TABLE cp (name text PRIMARY KEY, position text, updated_at timestamptz)',
    );
  });

  beforeEach(async () => {
    await sql.exec('TRUNCATE t, cp');
    sent = [];
    spy = watchStatements((text) => void sent.push(text));
  });

  afterEach(() => spy.mockRestore());

  afterAll(async () => {
    await sql.close();
    await db.drop();
  });

  const rows = async () => (await sql.query<{ n: number }>('SELECT n FROM t ORDER BY n')).map((r) => r.n);

  it('sends BEGIN with a first statement without parameters, and a deferred statement with the COMMIT', async () => {
    const seen = await sql.transaction(async (tx) => {
      const [row] = await tx.query<{ one: number }>('SELECT 1 AS one');
      tx.defer!('INSERT INTO t VALUES (1)');
      return row.one;
    });
    expect(seen).toBe(1);
    expect(sent).toEqual(['BEGIN;\nSELECT 1 AS one', 'INSERT INTO t VALUES (1);\nCOMMIT']);
    expect(await rows()).toEqual([1]);
  });

  it('sends BEGIN and deferred statements alone before a statement with parameters (one statement per extended query)', async () => {
    await sql.transaction(async (tx) => {
      tx.defer!('INSERT INTO t VALUES (1)');
      await tx.query('INSERT INTO t VALUES ($1)', [2]);
    });
    expect(sent).toEqual(['BEGIN;\nINSERT INTO t VALUES (1)', 'INSERT INTO t VALUES ($1)', 'COMMIT']);
    expect(await rows()).toEqual([1, 2]);
  });

  it('runs a deferred statement before the next one (the next one sees its effect)', async () => {
    const counted = await sql.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (1)');
      tx.defer!('INSERT INTO t VALUES (2)');
      return (await tx.query<{ c: string }>('SELECT count(*)::text AS c FROM t'))[0].c;
    });
    expect(counted).toBe('2');
  });

  it('rolls the whole transaction back when a deferred statement fails at the COMMIT, and the connection stays usable', async () => {
    await expect(
      sql.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES (1)');
        tx.defer!('INSERT INTO no_such_table VALUES (1)');
      }),
    ).rejects.toThrow(/no_such_table/);
    expect(sent.at(-1)).toBe('ROLLBACK');
    expect(await rows()).toEqual([]);
    // Both pooled connections answer outside any transaction (none was left aborted).
    await Promise.all([sql.query('SELECT 1'), sql.query('SELECT 1')]);
    expect(await sql.transaction(async (tx) => (await tx.query<{ n: number }>('SELECT 7 AS n'))[0].n)).toBe(7);
  });

  it('sends nothing when the work fails before its first statement (no BEGIN, no ROLLBACK)', async () => {
    await expect(
      sql.transaction(async () => {
        throw new Error('refused before any SQL');
      }),
    ).rejects.toThrow('refused before any SQL');
    expect(sent).toEqual([]);
  });

  it('TableCheckpoints: the claim goes with BEGIN and the move with COMMIT, a quote in the name stays text', async () => {
    const checkpoints = new TableCheckpoints(sql, {
      table: 'cp',
      name: "o'brien",
      notify: { channel: 'cp_test', payload: (to) => `o'brien ${to}` },
    });
    await sql.query("INSERT INTO cp (name, position) VALUES ($1, '')", ["o'brien"]);
    const heard: string[] = [];
    const unlisten = await sql.listen('cp_test', (payload) => heard.push(payload));
    sent = [];
    const to = '00000000000000000007:00000000000000000042';
    await sql.transaction(async (tx) => {
      expect(await checkpoints.claim(tx, '')).toBe(true);
      await checkpoints.move(tx, to);
    });
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/^BEGIN;\nSELECT position FROM cp WHERE name = 'o''brien' FOR UPDATE$/);
    expect(sent[1]).toMatch(/pg_notify\('cp_test', 'o''brien 0+7:0+42'\);\nCOMMIT$/);
    expect(await checkpoints.read()).toBe(to);
    for (let i = 0; i < 50 && heard.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(heard).toEqual([`o'brien ${to}`]);
    // Fenced: a claim from a position the row no longer holds is refused.
    expect(await sql.transaction((tx) => checkpoints.claim(tx, ''))).toBe(false);
    await unlisten();
  });

  it('TableCheckpoints refuses a name that cannot be a plain literal, and a move to something not a position', async () => {
    expect(() => new TableCheckpoints(sql, { table: 'cp', name: 'a\\b' })).toThrow(/invalid checkpoint name/);
    const checkpoints = new TableCheckpoints(sql, { table: 'cp', name: 'x' });
    await expect(sql.transaction((tx) => checkpoints.move(tx, "1:1'; DROP TABLE cp; --"))).rejects.toThrow(
      /invalid global position/,
    );
    expect((await sql.query("SELECT to_regclass('cp') AS t"))[0].t).toBe('cp');
  });
});
