import { createHash } from 'node:crypto';
import type { SqlExecutor, SqlRow } from '@libs/event-store';

export const OAUTH_STATE_TTL_MS = 10 * 60 * 1000;

export interface OAuthStateRecord {
  userId: string;
  requestId: string;
  appKey: string;
  codeVerifier: string;
  accessUntil: string | null;
  /** The id hash of the browser session that started the grant; null when it was started with a bearer token. */
  browserBinding: string | null;
}

/** A state as the callback first sees it: who and what, before anything is consumed. */
export type PendingOAuthState = Omit<OAuthStateRecord, 'codeVerifier'>;

const hash = (state: string) => createHash('sha256').update(state).digest('hex');

/** The `state` of an OAuth2 grant: bound to recipient + request + app, single use, 10 minutes. */
export class OAuthStateStore {
  constructor(private readonly sql: SqlExecutor) {}

  async save(state: string, record: OAuthStateRecord, now: Date): Promise<void> {
    await this.sql.query(
      `INSERT INTO oauth_states (state_hash, user_id, request_id, app_key, code_verifier, access_until, created_at,
         expires_at, browser_binding)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        hash(state),
        record.userId,
        record.requestId,
        record.appKey,
        record.codeVerifier,
        record.accessUntil,
        now.toISOString(),
        new Date(now.getTime() + OAUTH_STATE_TTL_MS).toISOString(),
        record.browserBinding,
      ],
    );
    // Housekeeping: spent and expired states are worthless; keep the table small.
    await this.sql.query(`DELETE FROM oauth_states WHERE expires_at < $1`, [
      new Date(now.getTime() - OAUTH_STATE_TTL_MS).toISOString(),
    ]);
  }

  /**
   * Wipes the PKCE verifier of every state that expired unused, and deletes rows past twice the TTL. Run on a timer
   * (OAuthStatePurge): a grant that was started and abandoned must not leave its verifier until the next start.
   */
  async purgeExpired(now: Date): Promise<{ wiped: number; deleted: number }> {
    const wiped = await this.sql.query(
      `UPDATE oauth_states SET code_verifier = '' WHERE expires_at <= $1 AND code_verifier <> '' RETURNING state_hash`,
      [now.toISOString()],
    );
    const deleted = await this.sql.query(`DELETE FROM oauth_states WHERE expires_at < $1 RETURNING state_hash`, [
      new Date(now.getTime() - OAUTH_STATE_TTL_MS).toISOString(),
    ]);
    return { wiped: wiped.length, deleted: deleted.length };
  }

  /** The unused, unexpired state, read without spending it (the callback checks the browser first); or null. */
  async peek(state: string, now: Date): Promise<PendingOAuthState | null> {
    const [row] = await this.sql.query<SqlRow>(
      `SELECT user_id, request_id, app_key, access_until, browser_binding FROM oauth_states
       WHERE state_hash = $1 AND used_at IS NULL AND expires_at > $2`,
      [hash(state), now.toISOString()],
    );
    if (!row) return null;
    return {
      userId: row.user_id as string,
      requestId: row.request_id as string,
      appKey: row.app_key as string,
      accessUntil: isoOrNull(row.access_until),
      browserBinding: (row.browser_binding as string | null) ?? null,
    };
  }

  /**
   * Atomically marks the state used; null when unknown, already used, expired, or bound to another browser session
   * than `browser` (two callbacks: one wins).
   */
  async consume(state: string, now: Date, browser: string | null = null): Promise<OAuthStateRecord | null> {
    // The verifier is read and wiped in the same statement: a spent state keeps nothing worth stealing. The row lock
    // of the CTE makes a concurrent second callback re-check `used_at` and find nothing.
    const rows = await this.sql.query<SqlRow>(
      `WITH old AS (
         SELECT state_hash, code_verifier FROM oauth_states
         WHERE state_hash = $1 AND used_at IS NULL AND expires_at > $2
           AND (browser_binding IS NULL OR browser_binding = $3) FOR UPDATE
       )
       UPDATE oauth_states s SET used_at = $2, code_verifier = '' FROM old
       WHERE s.state_hash = old.state_hash AND s.used_at IS NULL
       RETURNING s.user_id, s.request_id, s.app_key, old.code_verifier, s.access_until, s.browser_binding`,
      [hash(state), now.toISOString(), browser],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      userId: row.user_id as string,
      requestId: row.request_id as string,
      appKey: row.app_key as string,
      codeVerifier: row.code_verifier as string,
      accessUntil: isoOrNull(row.access_until),
      browserBinding: (row.browser_binding as string | null) ?? null,
    };
  }
}

function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : new Date(value as Date | string).toISOString();
}
