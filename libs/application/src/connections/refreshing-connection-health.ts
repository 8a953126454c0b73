import type { ConnectionHealth, ConnectionHealthContext } from '../ports/connection-health';
import type { ConnectionRefresher } from './connection-refresher';

/**
 * R5.4 with a real provider call: reauthorization is needed when the last refresh failed (connection EXPIRED), or a
 * refresh attempted now fails (no tokens, expired without refresh token, grant revoked at the provider). The
 * attempt runs under the per-connection lock, so it never races the scheduled refresh (STACK.md).
 */
export class RefreshingConnectionHealth implements ConnectionHealth {
  constructor(private readonly refresher: ConnectionRefresher) {}

  async needsReauthorization(connectionId: string, context?: ConnectionHealthContext): Promise<boolean> {
    if (!context) return true;
    if (context.connectionStatus === 'EXPIRED') return true;
    const answer = await this.refresher.refresh(
      { requestId: context.requestId, appKey: context.appKey, connectionId },
      { force: true, ...(context.askedBy ? { foundBy: context.askedBy } : {}) },
    );
    return answer.outcome === 'FAILED' || answer.outcome === 'GONE';
  }
}
