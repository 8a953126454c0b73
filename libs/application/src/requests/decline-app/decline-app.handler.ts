import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { VaultRepository } from '@libs/vault';
import { VAULT } from '../../shared/tokens';
import { type AppActionResult, appActionResult } from '../shared/app-action-result';
import { RequestCommands } from '../shared/request-commands';
import { DeclineAppCommand } from './decline-app.command';

@CommandHandler(DeclineAppCommand)
export class DeclineAppHandler implements ICommandHandler<DeclineAppCommand> {
  constructor(
    private readonly requests: RequestCommands,
    @Inject(VAULT) private readonly vault: VaultRepository,
  ) {}

  async execute({ input, context }: DeclineAppCommand): Promise<AppActionResult> {
    const result = await this.requests.run(input.requestId, context, (membership) => ({
      type: 'DeclineApp',
      data: { actor: context.actor, membership, appKey: input.appKey, reason: input.reason },
    }));
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
