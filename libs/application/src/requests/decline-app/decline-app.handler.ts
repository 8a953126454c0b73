import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideCredentialRequest, streams } from '@libs/domain';
import type { VaultRepository } from '@libs/vault';
import { foldRequest } from '../../shared/folds';
import { StreamRunner } from '../../shared/stream-runner';
import { VAULT } from '../../shared/tokens';
import { type AppActionResult, appActionResult } from '../shared/app-action-result';
import { RequestMembership } from '../shared/request-membership';
import { DeclineAppCommand } from './decline-app.command';

@CommandHandler(DeclineAppCommand)
export class DeclineAppHandler implements ICommandHandler<DeclineAppCommand> {
  constructor(
    private readonly runner: StreamRunner,
    private readonly membership: RequestMembership,
    @Inject(VAULT) private readonly vault: VaultRepository,
  ) {}

  async execute({ input, context }: DeclineAppCommand): Promise<AppActionResult> {
    const result = await this.runner.run({
      stream: streams.credentialRequest(input.requestId),
      fold: foldRequest,
      context,
      decide: async (state) =>
        decideCredentialRequest(
          {
            type: 'DeclineApp',
            data: {
              actor: context.actor,
              membership: await this.membership.of(state, context.actor),
              appKey: input.appKey,
              reason: input.reason,
            },
          },
          state,
        ),
    });
    // After the append: the connection is already DELETED by the event (the runtime refuses it), so a crash here
    // leaves only an unreachable ciphertext, never a usable connection without its audit trail.
    for (const event of result.events) {
      if (event.type === 'AppDeclined' && event.data.destroyedConnectionId) {
        await this.vault.erase(event.data.destroyedConnectionId);
      }
    }
    return appActionResult(result.state, result.events, input.appKey, result.position);
  }
}
