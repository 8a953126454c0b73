import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@libs/application';
import { currentRequestId } from '@libs/config';
import type { Caller } from '../auth/identity-provisioner';

/** The command context of one GraphQL operation: the caller as actor, the request's id as correlation id. */
export function commandContext(caller: Caller, causationId: string | null = null): CommandContext {
  return {
    actor: { userId: caller.userId, isSupport: caller.support },
    correlationId: requestCorrelationId(),
    causationId,
  };
}

/** The id of the HTTP request being served (so logs and events of one request meet), else a fresh one. */
export function requestCorrelationId(): string {
  return currentRequestId() ?? randomUUID();
}
