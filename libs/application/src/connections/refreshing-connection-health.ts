import type { ConnectionHealth, ConnectionHealthContext, ReauthorizationCheck } from '../ports/connection-health';
import type { ConnectionRefresher } from './connection-refresher';

/**
 * R5.4 with a real provider call: reauthorization is needed when the last refresh failed (connection EXPIRED), or a
 * refresh attempted now fails (no tokens, expired without refresh token, grant revoked at the provider). The
 * attempt runs under the per-connection lock, so it never races the scheduled refresh (STACK.md). A failure is
 * handed back unrecorded: the request for reauthorization records it with its own decision.
 */
export class RefreshingConnectionHealth implements ConnectionHealth {
  constructor(private readonly refresher: ConnectionRefresher) {}

  async needsReauthorization(connectionId: string, context?: ConnectionHealthContext): Promise<ReauthorizationCheck> {
    if (!context) return { needed: true };
    if (context.connectionStatus === 'EXPIRED') return { needed: true };
    const answer = await this.refresher.refresh(
      { requestId: context.requestId, appKey: context.appKey, connectionId },
      { force: true, deferFailure: true },
    );
    if (answer.outcome === 'FAILED') return { needed: true, refreshFailed: answer.error };
    return { needed: answer.outcome === 'GONE' };
  }
}
