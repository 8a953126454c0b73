import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SYSTEM_ACTOR } from '@libs/domain';
import { deterministicEventId } from '../../shared/ids';
import { CLOCK, type Clock } from '../../shared/tokens';
import { RequestCommands } from '../shared/request-commands';
import { RevokeExpiredAccessCommand, type RevokeExpiredAccessResult } from './revoke-expired-access.command';

@CommandHandler(RevokeExpiredAccessCommand)
export class RevokeExpiredAccessHandler implements ICommandHandler<RevokeExpiredAccessCommand> {
  constructor(
    private readonly requests: RequestCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, context }: RevokeExpiredAccessCommand): Promise<RevokeExpiredAccessResult> {
    const { events, skipped, position } = await this.requests.runAsSystem(
      input.requestId,
      context,
      () => ({
        type: 'RevokeAccess',
        data: { actor: SYSTEM_ACTOR, appKey: input.appKey, now: this.clock.now().toISOString() },
      }),
      {
        // One revocation per (app, end date): two workers firing the same job write one event.
        eventId: (_event, index, state) =>
          deterministicEventId(
            `${input.requestId}:${input.appKey}:access-until:${state.apps.find((a) => a.appKey === input.appKey)?.accessUntil}:${index}`,
          ),
      },
    );
    return { revoked: events.length > 0, skipped, position };
  }
}
