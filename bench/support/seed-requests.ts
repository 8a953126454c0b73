import type { SqlExecutor } from '@libs/event-store';

export interface SeedRequestsOptions {
  organizationId: string;
  /** Requests are spread round-robin over these teams, requesters and recipients. */
  teamIds: readonly string[];
  requesterIds: readonly string[];
  recipientIds: readonly string[];
  /** Prefix of the generated request ids (default `bench-`). */
  idPrefix?: string;
  /** Rows per statement (default 100 000), so a million rows never sit in one huge transaction. */
  chunk?: number;
}

// One app per request: the request's status is its app's (§6), except PENDING → INCOMPLETE.
const STATUSES = ['INCOMPLETE', 'AUTHORIZED', 'DECLINED', 'INVALID'];

/**
 * Loads `n` requests (one app each) straight into the read model with INSERT … SELECT generate_series, for
 * `bench:api` to measure the list queries at scale (1M rows in seconds, not an event replay). The tables must exist
 * (start a ProjectionRunner once, or `ensureProjection`). These rows have no events behind them: a rebuild of the
 * `requests` projection removes them.
 */
export async function seedRequests(db: SqlExecutor, n: number, options: SeedRequestsOptions): Promise<void> {
  const chunk = options.chunk ?? 100_000;
  const prefix = options.idPrefix ?? 'bench-';
  const params = (from: number, to: number): unknown[] => [
    from,
    to,
    prefix,
    options.organizationId,
    options.teamIds,
    options.requesterIds,
    options.recipientIds,
    STATUSES,
  ];
  for (let from = 1; from <= n; from += chunk) {
    const to = Math.min(n, from + chunk - 1);
    await db.query(
      `INSERT INTO read.requests (id, organization_id, team_id, name, name_lower, description, requester_id,
         requester_name, requester_email, recipient_id, recipient_name, recipient_email, recipient_external, sent_at,
         updated_at, status, idempotency_key, payload_digest)
       SELECT $3 || lpad(i::text, 9, '0'), $4,
         ($5::text[])[1 + i % cardinality($5::text[])],
         'Bench request ' || i, 'bench request ' || i, NULL,
         r.requester, 'Requester ' || r.requester, r.requester || '@bench.io',
         r.recipient, 'Recipient ' || r.recipient, r.recipient || '@bench.io', false,
         timestamptz '2026-01-01T00:00:00Z' + i * interval '1 second',
         timestamptz '2026-01-01T00:00:00Z' + i * interval '1 second',
         ($8::text[])[1 + (i / 3) % cardinality($8::text[])], NULL, 'bench'
       FROM generate_series($1::int, $2::int) AS i,
         LATERAL (SELECT ($6::text[])[1 + i % cardinality($6::text[])] AS requester,
                         ($7::text[])[1 + (i / 7) % cardinality($7::text[])] AS recipient) AS r`,
      params(from, to),
    );
    await db.query(
      `INSERT INTO read.request_apps (request_id, app_key, position, app_name, version, connection_type, modules,
         scopes, note, connection_name, expected_account_domain, status, decline_reason, error, connection_id,
         connection_status, access_until, expires_at, updated_at)
       SELECT $3 || lpad(i::text, 9, '0'), 'crm', 0, 'Acme CRM', 1, 'API_KEY',
         '[{"key":"contacts","name":"Contacts","scopes":["contacts.read"]}]'::jsonb, '["contacts.read"]'::jsonb,
         NULL, 'Acme CRM (bench)', NULL,
         CASE ($8::text[])[1 + (i / 3) % cardinality($8::text[])]
           WHEN 'AUTHORIZED' THEN 'AUTHORIZED' WHEN 'DECLINED' THEN 'DECLINED' WHEN 'INVALID' THEN 'INVALID'
           ELSE 'PENDING' END,
         NULL, NULL, NULL, NULL, NULL, NULL, timestamptz '2026-01-01T00:00:00Z' + i * interval '1 second'
       FROM generate_series($1::int, $2::int) AS i
         -- cardinality($4…) keeps every parameter typed in both statements
         WHERE $4::text IS NOT NULL AND cardinality($5::text[]) > 0 AND cardinality($6::text[]) > 0
           AND cardinality($7::text[]) > 0`,
      params(from, to),
    );
  }
  await db.query('ANALYZE read.requests');
  await db.query('ANALYZE read.request_apps');
}
