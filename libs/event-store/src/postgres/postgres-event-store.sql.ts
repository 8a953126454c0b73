/** Channel NOTIFYed after appends commit (coalesced, see AppendNotifier). */
export const EVENTS_CHANNEL = 'es_events';

const COLUMNS = `event_id, stream_id, revision, position::text AS position, transaction_id::text AS transaction_id,
  type, data, metadata`;

/**
 * The whole append is ONE statement (one round trip, one short implicit transaction): claim the stream row (insert
 * for a new stream, or a compare-and-set UPDATE on the expected revision, which row-locks it until commit), insert
 * the batch with unnest. When the claim matches no row nothing is inserted and the caller finds out why.
 */
function appendSql(claim: string): string {
  return `
    WITH claim AS (${claim}),
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

/** $1 stream, $2 expected revision (unused here), $3 new revision, $4 new last hash. */
export const APPEND_NEW_STREAM = appendSql(`
  INSERT INTO es_streams (stream_id, revision, last_hash) SELECT $1, $3, $4 WHERE $2::int IS NULL
  ON CONFLICT (stream_id) DO NOTHING RETURNING stream_id`);

/** $1 stream, $2 expected revision, $3 new revision, $4 new last hash. */
export const APPEND_EXISTING_STREAM = appendSql(`
  UPDATE es_streams SET revision = $3, last_hash = $4 WHERE stream_id = $1 AND revision = $2 RETURNING stream_id`);

export const STREAM_STATE = 'SELECT revision, last_hash FROM es_streams WHERE stream_id = $1';

export const EVENTS_BY_ID = `SELECT ${COLUMNS} FROM es_events WHERE event_id = ANY($1::text[]) ORDER BY revision`;

export const READ_STREAM = `SELECT ${COLUMNS} FROM es_events WHERE stream_id = $1 AND revision >= $2 ORDER BY revision`;

/** Strictly after ($1, $2) in (transaction, position) order, and only below the oldest transaction still running. */
export const READ_ALL = `
  SELECT ${COLUMNS} FROM es_events
  WHERE (transaction_id, position) > ($1::text::xid8, $2::bigint)
    AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
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
