import type { OAuth2Secret, VaultRepository } from '@libs/vault';
import type { Clock } from '../shared/tokens';
import type { ConnectionHealth, ReauthorizationCheck } from './connection-health';

/**
 * Default R5.4 answer without calling the provider: reauthorization is needed when the vault holds nothing for the
 * connection, or the access token has expired and there is no refresh token to get a new one. The OAuth helper
 * replaces it (CONNECTION_HEALTH) with one that also attempts a refresh under the per-connection lock.
 */
export class VaultConnectionHealth implements ConnectionHealth {
  constructor(
    private readonly vault: VaultRepository,
    private readonly clock: Clock,
  ) {}

  async needsReauthorization(connectionId: string): Promise<ReauthorizationCheck> {
    const secret = await this.vault.get<OAuth2Secret>(connectionId);
    if (secret === null || typeof secret.accessToken !== 'string') return { needed: true };
    const expired = secret.expiresAt !== undefined && Date.parse(secret.expiresAt) <= this.clock.now().getTime();
    return { needed: expired && !secret.refreshToken };
  }
}
