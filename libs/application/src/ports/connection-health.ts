import type { ConnectionStatus } from '@libs/domain';

/** Where the connection belongs, as the caller already knows it from the request's stream. */
export interface ConnectionHealthContext {
  requestId: string;
  appKey: string;
  connectionStatus: ConnectionStatus | null;
}

/**
 * R5.4's answer. `refreshFailed`: a refresh attempted for the check failed with this error and was not recorded —
 * the caller records it with its decision (R5.6), so that the expiry and the request for reauthorization go together.
 */
export interface ReauthorizationCheck {
  needed: boolean;
  refreshFailed?: string;
}

/** R5.4: whether an OAuth2 connection needs the recipient again. The refreshing version tries a real refresh. */
export interface ConnectionHealth {
  needsReauthorization(connectionId: string, context?: ConnectionHealthContext): Promise<ReauthorizationCheck>;
}
