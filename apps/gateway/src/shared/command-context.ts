import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@libs/application';
import type { Caller } from '../auth/identity-provisioner';

/** The command context of one GraphQL operation: the caller as actor, a fresh correlation id. */
export function commandContext(caller: Caller, causationId: string | null = null): CommandContext {
  return {
    actor: { userId: caller.userId, isSupport: caller.support },
    correlationId: randomUUID(),
    causationId,
  };
}
