/** Channel NOTIFYed after appends commit (coalesced, see AppendNotifier). */
export const EVENTS_CHANNEL = 'es_events';

/**
 * The appender lock (README "Global order and the read horizon"): every transaction that writes `es_events` takes
 * this transaction-scoped advisory lock in SHARED mode BEFORE its first write (so before it has a transaction id).
 * Readers bound their read by the transaction ids of its holders only, not by every transaction on the server.
 * Two-int key: a different key space from the single-bigint advisory locks elsewhere (migrations, SessionLocks).
 */
export const APPENDER_LOCK = { classId: 0x45530001, objId: 1 } as const;

/** Registers the current transaction as an appender; run it first in any transaction that inserts into es_events. */
export const REGISTER_APPENDER = `SELECT pg_advisory_xact_lock_shared(${APPENDER_LOCK.classId}, ${APPENDER_LOCK.objId})`;

const COLUMNS = `event_id, stream_id, revision, position::text AS position, transaction_id::text AS transaction_id,
  type, data, metadata`;

/**
 * The whole append is ONE statement (one round trip, one short implicit transaction): claim the stream row (insert
 * for a new stream, or a compare-and-set UPDATE on the expected revision, which row-locks it until commit), insert
 * the batch with unnest. When the claim matches no row nothing is inserted and the caller finds out why.
 */
function appendSql(claim: string): string {
  return `
    WITH gate AS (${REGISTER_APPENDER}),
    claim AS (${claim}),
    inserted AS (
      INSERT INTO es_events (event_id, stream_id, revision, type, data, metadata)
      SELECT e.id, claim.stream_id, e.revision, e.type, e.data, e.metadata
      FROM claim, unnest($5::text[], $6::int[], $7::text[], $8::jsonb[], $9::jsonb[])
        AS e(id, revision, type, data, metadata)
      ORDER BY e.revision
      RETURNING position, transaction_id
    )
    SELECT max(position)::text AS position, (SELECT transaction_id::text FROM inserted LIMIT 1) AS transaction_id
    FROM inserted`;
}

// Both claims read `gate`: no claim row (hence no write, hence no transaction id) before the appender lock is held.

/** $1 stream, $2 expected revision (unused here), $3 new revision, $4 new last hash. */
export const APPEND_NEW_STREAM = appendSql(`
  INSERT INTO es_streams (stream_id, revision, last_hash) SELECT $1, $3, $4 FROM gate WHERE $2::int IS NULL
  ON CONFLICT (stream_id) DO NOTHING RETURNING stream_id`);

/** $1 stream, $2 expected revision, $3 new revision, $4 new last hash. */
export const APPEND_EXISTING_STREAM = appendSql(`
  UPDATE es_streams SET revision = $3, last_hash = $4 FROM gate WHERE stream_id = $1 AND revision = $2
  RETURNING stream_id`);

/**
 * `ANY`, inside a transaction: the appender lock, then the stream row locked until commit, so concurrent `ANY`
 * appends to one stream queue on the row instead of racing (and an exact-revision writer waits, then misses).
 * A row lock needs a transaction id: the row comes through `gate`, so the appender lock is held first.
 */
export const LOCK_STREAM = `
  WITH gate AS (${REGISTER_APPENDER})
  SELECT revision, last_hash FROM es_streams, gate WHERE stream_id = $1 FOR UPDATE OF es_streams`;

export const STREAM_STATE = 'SELECT revision, last_hash FROM es_streams WHERE stream_id = $1';

export const EVENTS_BY_ID = `SELECT ${COLUMNS} FROM es_events WHERE event_id = ANY($1::text[]) ORDER BY revision`;

export const READ_STREAM = `SELECT ${COLUMNS} FROM es_events WHERE stream_id = $1 AND revision >= $2 ORDER BY revision`;
export const READ_STREAMS = `SELECT ${COLUMNS} FROM es_events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, revision`;

/**
 * The read horizon: the oldest transaction that, in this statement's snapshot, is still running and is not known
 * to be a non-appender; with none, the snapshot's xmax (every later transaction id is higher than every event
 * visible now). Other transactions, however long, do not hold readers back.
 * A transaction is known to be a non-appender when ONE look at the lock table (pg_locks, materialized once: two
 * reads of the view are two looks at two moments) shows its backend (`pid`) holding its own transaction id lock and
 * NOT the appender lock: an appender takes that lock before it has an id and keeps it to its end, so it is never
 * found so. Every other id running at the snapshot holds the horizon, conservatively: one that ended since (it may
 * have appended), and one whose id is already in the snapshot but whose id lock is not yet in the table (PostgreSQL
 * publishes the id first). Earlier forms matched the two locks by `virtualtransaction` (a committing backend's rows
 * can show `N/0` and `N/<number>` in the same look) and asked `pg_xact_status` before reading pg_locks; each took
 * running appenders for bystanders, and readers skipped ~0.25 % of the events under 8 racing appenders (the
 * contract case "lets no readAll follower skip an event"; README "Global order and the read horizon").
 */
const HORIZON = `
  SELECT least(pg_snapshot_xmax(snap.s), (
    WITH locks AS MATERIALIZED (
      SELECT locktype, database, classid, objid, objsubid, transactionid, pid, mode, granted FROM pg_locks)
    SELECT min(x) FROM pg_snapshot_xip(snap.s) AS x
    WHERE xid(x) NOT IN (
      SELECT own.transactionid FROM locks AS own
      WHERE own.locktype = 'transactionid' AND own.mode = 'ExclusiveLock' AND own.granted AND own.pid IS NOT NULL
        AND NOT EXISTS (
          SELECT 1 FROM locks AS appender
          WHERE appender.pid = own.pid
            AND appender.locktype = 'advisory'
            AND appender.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND appender.classid = ${APPENDER_LOCK.classId} AND appender.objid = ${APPENDER_LOCK.objId}
            AND appender.objsubid = 2))
  )) AS bound
  FROM (SELECT pg_current_snapshot() AS s) AS snap`;

/** Strictly after ($1, $2) in (transaction, position) order, and only below the read horizon. */
export const READ_ALL = `
  WITH horizon AS MATERIALIZED (${HORIZON})
  SELECT ${COLUMNS} FROM es_events
  WHERE (transaction_id, position) > ($1::text::xid8, $2::bigint)
    AND transaction_id < (SELECT bound FROM horizon)
  ORDER BY es_events.transaction_id, es_events.position
  LIMIT $3`;

/**
 * The newest committed event in global order. Deliberately NOT bounded by the snapshot xmin: `caughtUp()` must wait
 * for everything committed so far, even if a short transaction still in flight (another append, a NOTIFY) holds the
 * readers' horizon below it for a moment.
 */
export const HEAD = `
  SELECT position::text AS position, transaction_id::text AS transaction_id FROM es_events
  ORDER BY es_events.transaction_id DESC, es_events.position DESC LIMIT 1`;

export const NOTIFY = `SELECT pg_notify('${EVENTS_CHANNEL}', '')`;
