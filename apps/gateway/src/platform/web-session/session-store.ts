import { createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Identity } from '@libs/auth';
import type { SqlClient, SqlRow } from '@libs/event-store';

export type SignInMethod = 'dev' | 'oidc';

/** A live session as the gateway sees it: the identity (same shape as a bearer token's) and its bounds. */
export interface WebSession {
  /** SHA-256 of the cookie value: the key of the row and of "session ended" notices, never the cookie itself. */
  idHash: string;
  method: SignInMethod;
  identity: Identity;
  createdAt: Date;
  expiresAt: Date;
}

const ENDED_CHANNEL = 'web_session_ended';

export const hashSessionId = (id: string) => createHash('sha256').update(id).digest('hex');

/**
 * Server-side sessions in the read-model database (decision in apps/gateway/README.md "Browser sessions"): the
 * cookie is an opaque random id, so sign-out ends a session everywhere at once and no token sits in the browser.
 * Ends are announced with NOTIFY so every gateway process closes that session's sockets.
 */
export class SessionStore {
  private readonly ended = new EventEmitter();
  private unlisten?: () => Promise<void>;

  constructor(
    private readonly sql: SqlClient,
    private readonly ttlSeconds: number,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.ended.setMaxListeners(0);
  }

  async start(): Promise<void> {
    this.unlisten = await this.sql.listen(ENDED_CHANNEL, (idHash) => this.ended.emit('ended', idHash));
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.ended.removeAllListeners();
  }

  /** Creates a session; returns the cookie value (shown once, stored only hashed). */
  async create(identity: Identity, method: SignInMethod): Promise<{ id: string; session: WebSession }> {
    const id = randomBytes(32).toString('base64url');
    const createdAt = this.now();
    const expiresAt = new Date(createdAt.getTime() + this.ttlSeconds * 1000);
    const idHash = hashSessionId(id);
    await this.sql.query(
      `INSERT INTO web_sessions (id_hash, method, subject, email, name, email_verified, support, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        idHash,
        method,
        identity.subject,
        identity.email,
        identity.name,
        identity.emailVerified,
        identity.support,
        createdAt.toISOString(),
        expiresAt.toISOString(),
      ],
    );
    // Housekeeping: rows a day past their end are worthless.
    await this.sql.query(`DELETE FROM web_sessions WHERE expires_at < $1`, [
      new Date(createdAt.getTime() - 86_400_000).toISOString(),
    ]);
    return { id, session: { idHash, method, identity, createdAt, expiresAt } };
  }

  /** The live session of a cookie value; null when unknown, signed out or expired. */
  async find(id: string | undefined): Promise<WebSession | null> {
    if (!id || id.length > 100) return null;
    const rows = await this.sql.query<SqlRow>(
      `SELECT id_hash, method, subject, email, name, email_verified, support, created_at, expires_at
       FROM web_sessions WHERE id_hash = $1 AND ended_at IS NULL AND expires_at > $2`,
      [hashSessionId(id), this.now().toISOString()],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      idHash: row.id_hash as string,
      method: row.method as SignInMethod,
      identity: {
        subject: row.subject as string,
        email: row.email as string,
        name: row.name as string,
        emailVerified: row.email_verified === true,
        support: row.support === true,
      },
      createdAt: new Date(row.created_at as string | Date),
      expiresAt: new Date(row.expires_at as string | Date),
    };
  }

  /** Ends the session of a cookie value (sign-out); harmless when there is none. */
  async end(id: string | undefined): Promise<void> {
    if (!id) return;
    const idHash = hashSessionId(id);
    const rows = await this.sql.query(
      `UPDATE web_sessions SET ended_at = $2 WHERE id_hash = $1 AND ended_at IS NULL RETURNING id_hash`,
      [idHash, this.now().toISOString()],
    );
    if (rows.length === 0) return;
    this.ended.emit('ended', idHash);
    await this.sql.query('SELECT pg_notify($1, $2)', [ENDED_CHANNEL, idHash]);
  }

  /** Calls `listener` when the session is ended by sign-out (in any process); returns the unsubscribe function. */
  onEnded(idHash: string, listener: () => void): () => void {
    const handler = (ended: string) => {
      if (ended === idHash) listener();
    };
    this.ended.on('ended', handler);
    return () => this.ended.off('ended', handler);
  }
}
