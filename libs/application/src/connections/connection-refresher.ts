import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Catalog } from '@libs/catalog';
import { APP_CONFIG, type AppConfig } from '@libs/config';
import { streams } from '@libs/domain';
import type { SqlClient } from '@libs/event-store';
import { SQL_CLIENT } from '@libs/infrastructure';
import {
  type FetchLike,
  OAuth2Error,
  type OAuth2Secret,
  parseScope,
  toOAuth2Secret,
  type VaultRepository,
} from '@libs/vault';
import { safeProviderErrorCode } from '../requests/complete-oauth-grant/provider-error';
import { RefreshConnectionCommand } from '../requests/refresh-connection/refresh-connection.command';
import { oauth2ClientFor, oauth2ConnectionOf } from '../requests/shared/oauth2-client-for';
import { foldRequest } from '../shared/folds';
import { StreamRunner } from '../shared/stream-runner';
import { CATALOG, CLOCK, type Clock, VAULT, VERIFICATION_FETCH } from '../shared/tokens';
import { ConnectionLock } from './connection-lock';

export const DEFAULT_REFRESH_MARGIN_SECONDS = 300;

export interface RefreshTarget {
  requestId: string;
  appKey: string;
  connectionId: string;
}

export type RefreshAnswer =
  | { outcome: 'REFRESHED'; expiresAt: string | null; position: string }
  /** Someone else refreshed meanwhile (or the token is still far from expiry and `force` was not asked). */
  | { outcome: 'NOT_NEEDED'; expiresAt: string | null; position: string }
  | { outcome: 'FAILED'; error: string; position: string }
  /** Revoked, declined, deleted or not OAuth2: nothing to refresh. */
  | { outcome: 'GONE'; position: string };

/**
 * R5.6: refreshes an OAuth2 connection under the per-connection lock, stores the rotated tokens before releasing
 * it, then records ConnectionRefreshed / ConnectionExpired through RefreshConnection. Provider outages throw
 * `OAuth2UnavailableError` (the job retries) and record nothing.
 */
@Injectable()
export class ConnectionRefresher {
  private readonly lock: ConnectionLock;

  constructor(
    @Inject(SQL_CLIENT) sql: SqlClient,
    @Inject(VAULT) private readonly vault: VaultRepository,
    @Inject(CATALOG) private readonly catalog: Catalog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(VERIFICATION_FETCH) private readonly fetchImpl: FetchLike,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runner: StreamRunner,
    private readonly commands: CommandBus,
  ) {
    this.lock = new ConnectionLock(sql);
  }

  /** Seconds before expiry at which the app's tokens are refreshed (catalog `refreshMarginSeconds`). */
  marginSeconds(appKey: string, version: number): number {
    const connection = this.catalog.version(appKey, version)?.connection;
    return connection?.type === 'OAUTH2'
      ? (connection.refreshMarginSeconds ?? DEFAULT_REFRESH_MARGIN_SECONDS)
      : DEFAULT_REFRESH_MARGIN_SECONDS;
  }

  /** `force`: refresh even when the token is still fresh (R5.4 "a refresh attempted now"). */
  async refresh(
    target: RefreshTarget,
    options: { force?: boolean; correlationId?: string; deferFailure?: boolean } = {},
  ): Promise<RefreshAnswer> {
    const loaded = await this.runner.load(streams.credentialRequest(target.requestId), foldRequest);
    const app = loaded.state.apps.find((a) => a.appKey === target.appKey);
    const live =
      loaded.state.lifecycle === 'ACTIVE' &&
      app?.connectionType === 'OAUTH2' &&
      app.connectionId === target.connectionId &&
      (app.status === 'AUTHORIZED' || app.status === 'REAUTHORIZING') &&
      (app.connectionStatus === 'ACTIVE' || app.connectionStatus === 'EXPIRED');
    if (!app || !live) return { outcome: 'GONE', position: loaded.lastPosition };

    const margin = this.marginSeconds(app.appKey, app.version) * 1000;
    const attempt = await this.lock.withLock(target.connectionId, async () => {
      const secret = await this.vault.get<OAuth2Secret>(target.connectionId);
      if (!secret?.accessToken) return { ok: false as const, error: 'No tokens are stored for this connection.' };
      const expiresAt = secret.expiresAt ?? null;
      const fresh = expiresAt === null || Date.parse(expiresAt) - margin > this.clock.now().getTime();
      if (fresh && !options.force) return { ok: true as const, expiresAt, refreshed: false };
      if (!secret.refreshToken) {
        if (expiresAt !== null && Date.parse(expiresAt) <= this.clock.now().getTime()) {
          return { ok: false as const, error: 'The access token expired and the provider gave no refresh token.' };
        }
        return { ok: true as const, expiresAt, refreshed: false };
      }
      const client = oauth2ClientFor(
        oauth2ConnectionOf(this.catalog, app),
        `${this.config.publicUrl}/oauth/callback`,
        this.fetchImpl,
      );
      try {
        const tokens = await client.refresh(secret.refreshToken, parseScope(secret.scope));
        // Stored before the lock is released: the next refresher must see the rotated refresh token.
        await this.vault.put(target.connectionId, toOAuth2Secret(tokens));
        return { ok: true as const, expiresAt: tokens.expiresAt?.toISOString() ?? null, refreshed: true };
      } catch (error) {
        if (error instanceof OAuth2Error) {
          // Only a known code, as for a grant: a provider's free text is not repeated into events and e-mails.
          const code = safeProviderErrorCode(error.error);
          return { ok: false as const, error: `The provider refused to refresh the token (${code}).` };
        }
        throw error; // OAuth2UnavailableError and the rest: the job retries, nothing recorded
      }
    });

    const context = { correlationId: options.correlationId ?? `refresh:${target.connectionId}`, causationId: null };
    if (!attempt.ok) {
      // The caller records the failure in its own decision (a request for reauthorization: R5.4).
      if (options.deferFailure) return { outcome: 'FAILED', error: attempt.error, position: loaded.lastPosition };
      const { position } = await this.commands.execute(
        new RefreshConnectionCommand({ ...target, outcome: { ok: false, error: attempt.error } }, context),
      );
      return { outcome: 'FAILED', error: attempt.error, position };
    }
    if (!attempt.refreshed)
      return { outcome: 'NOT_NEEDED', expiresAt: attempt.expiresAt, position: loaded.lastPosition };
    const { position } = await this.commands.execute(
      new RefreshConnectionCommand({ ...target, outcome: { ok: true, expiresAt: attempt.expiresAt } }, context),
    );
    return { outcome: 'REFRESHED', expiresAt: attempt.expiresAt, position };
  }
}
