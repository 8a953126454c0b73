import type { ConnectionStatus } from '@libs/domain';

/** Where the connection belongs, as the caller already knows it from the request's stream. */
export interface ConnectionHealthContext {
  requestId: string;
  appKey: string;
  connectionStatus: ConnectionStatus | null;
  /** Who asked for the reauthorization this check is for (a failed refresh records it: no "expired" e-mail then). */
  askedBy?: string;
}

/** R5.4: whether an OAuth2 connection needs the recipient again. The refreshing version tries a real refresh. */
export interface ConnectionHealth {
  needsReauthorization(connectionId: string, context?: ConnectionHealthContext): Promise<boolean>;
}
