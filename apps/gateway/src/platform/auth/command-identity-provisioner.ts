import { requestCorrelationId } from '../shared/command-context';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Identity } from '@libs/auth';
import { ProvisionIdentityCommand } from '@libs/application';
import type { IdentityProvisioner } from './identity-provisioner';

/**
 * R1.2 / R13.2 through the user command handler. Once a subject is bound it stays bound, so a process remembers
 * the subjects it has seen and skips the command for them (an unbounded map would grow with users: keep the
 * most recent ones).
 */
@Injectable()
export class CommandIdentityProvisioner implements IdentityProvisioner {
  private readonly known = new Map<string, string>();
  private static readonly MAX_CACHED = 10_000;

  constructor(private readonly commandBus: CommandBus) {}

  async provision(identity: Identity): Promise<{ userId: string }> {
    const key = `${identity.subject}\u0000${identity.email}\u0000${identity.name}`;
    const cached = this.known.get(key);
    if (cached) return { userId: cached };
    const result = await this.commandBus.execute(
      new ProvisionIdentityCommand(
        {
          subject: identity.subject,
          email: identity.email,
          name: identity.name,
          emailVerified: identity.emailVerified,
        },
        { correlationId: requestCorrelationId(), causationId: null },
      ),
    );
    // Only a verified identity is bound (R13.2); an unverified one never gets here (the guard and the command refuse it).
    if (identity.emailVerified) {
      if (this.known.size >= CommandIdentityProvisioner.MAX_CACHED)
        this.known.delete(this.known.keys().next().value as string);
      this.known.set(key, result.userId);
    }
    return { userId: result.userId };
  }
}
