import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideCredentialRequest, streams } from '@libs/domain';
import type { VaultRepository } from '@libs/vault';
import { foldRequest } from '../../shared/folds';
import { StreamRunner } from '../../shared/stream-runner';
import { VAULT } from '../../shared/tokens';
import { RequestMembership } from '../shared/request-membership';
import {
  DeleteCredentialRequestCommand,
  type DeleteCredentialRequestResult,
} from './delete-credential-request.command';

@CommandHandler(DeleteCredentialRequestCommand)
export class DeleteCredentialRequestHandler implements ICommandHandler<DeleteCredentialRequestCommand> {
  constructor(
    private readonly runner: StreamRunner,
    private readonly membership: RequestMembership,
    @Inject(VAULT) private readonly vault: VaultRepository,
  ) {}

  async execute({ input, context }: DeleteCredentialRequestCommand): Promise<DeleteCredentialRequestResult> {
    const result = await this.runner.run({
      stream: streams.credentialRequest(input.requestId),
      fold: foldRequest,
      context,
      decide: async (state) =>
        decideCredentialRequest(
          {
            type: 'DeleteCredentialRequest',
            data: { actor: context.actor, membership: await this.membership.of(state, context.actor) },
          },
          state,
        ),
    });
    const removedConnectionIds = result.events.flatMap((e) =>
      e.type === 'RequestDeleted' ? e.data.destroyedConnectionIds : [],
    );
    // After the append (the event already makes every connection DELETED for the runtime), as for decline.
    for (const id of removedConnectionIds) await this.vault.erase(id);
    return { requestId: input.requestId, removedConnectionIds, position: result.position };
  }
}
