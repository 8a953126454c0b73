import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { VaultRepository } from '@libs/vault';
import { VAULT } from '../../shared/tokens';
import { RequestCommands } from '../shared/request-commands';
import {
  DeleteCredentialRequestCommand,
  type DeleteCredentialRequestResult,
} from './delete-credential-request.command';

@CommandHandler(DeleteCredentialRequestCommand)
export class DeleteCredentialRequestHandler implements ICommandHandler<DeleteCredentialRequestCommand> {
  constructor(
    private readonly requests: RequestCommands,
    @Inject(VAULT) private readonly vault: VaultRepository,
  ) {}

  async execute({ input, context }: DeleteCredentialRequestCommand): Promise<DeleteCredentialRequestResult> {
    const result = await this.requests.run(input.requestId, context, (membership) => ({
      type: 'DeleteCredentialRequest',
      data: { actor: context.actor, membership },
    }));
    const removedConnectionIds = result.events.flatMap((e) =>
      e.type === 'RequestDeleted' ? e.data.destroyedConnectionIds : [],
    );
    // After the append (the event already makes every connection DELETED for the runtime), as for decline.
    for (const id of removedConnectionIds) await this.vault.erase(id);
    return { requestId: input.requestId, removedConnectionIds, position: result.position };
  }
}
