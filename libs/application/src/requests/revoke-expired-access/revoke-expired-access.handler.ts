import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideCredentialRequest, DomainError, streams, SYSTEM_ACTOR } from '@libs/domain';
import { foldRequest } from '../../shared/folds';
import { deterministicEventId } from '../../shared/ids';
import { StreamRunner } from '../../shared/stream-runner';
import { CLOCK, type Clock } from '../../shared/tokens';
import { RevokeExpiredAccessCommand, type RevokeExpiredAccessResult } from './revoke-expired-access.command';

@CommandHandler(RevokeExpiredAccessCommand)
export class RevokeExpiredAccessHandler implements ICommandHandler<RevokeExpiredAccessCommand> {
  constructor(
    private readonly runner: StreamRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, context }: RevokeExpiredAccessCommand): Promise<RevokeExpiredAccessResult> {
    try {
      const result = await this.runner.run({
        stream: streams.credentialRequest(input.requestId),
        fold: foldRequest,
        context: { ...context, actor: SYSTEM_ACTOR },
        decide: (state) =>
          decideCredentialRequest(
            {
              type: 'RevokeAccess',
              data: { actor: SYSTEM_ACTOR, appKey: input.appKey, now: this.clock.now().toISOString() },
            },
            state,
          ),
        // One revocation per (app, end date): two workers firing the same job write one event.
        eventId: (_event, index, state) =>
          deterministicEventId(
            `${input.requestId}:${input.appKey}:access-until:${state.apps.find((a) => a.appKey === input.appKey)?.accessUntil}:${index}`,
          ),
      });
      return { revoked: result.events.length > 0, skipped: null, position: result.position };
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND')) {
        const last = await this.runner.load(streams.credentialRequest(input.requestId), () => null);
        return { revoked: false, skipped: error.message, position: last.lastPosition };
      }
      throw error;
    }
  }
}
