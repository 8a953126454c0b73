import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@libs/domain';
import { DirectoryReader } from '../../shared/directory-reader';
import { assertManagesTeamWebhooks } from '../team-webhook-access';
import { WEBHOOK_REGISTRY, type WebhookRegistry } from '../webhook-registry';
import { DeleteWebhookCommand } from './delete-webhook.command';

const webhookNotFound = () => new DomainError('NOT_FOUND', 'Webhook not found');

@CommandHandler(DeleteWebhookCommand)
export class DeleteWebhookHandler implements ICommandHandler<DeleteWebhookCommand> {
  constructor(
    private readonly directory: DirectoryReader,
    @Inject(WEBHOOK_REGISTRY) private readonly registry: WebhookRegistry,
  ) {}

  async execute({ input, context }: DeleteWebhookCommand): Promise<true> {
    const teamId = await this.registry.teamOf(input.webhookId);
    if (teamId === null) throw webhookNotFound();
    await assertManagesTeamWebhooks(this.directory, context, teamId, webhookNotFound);
    await this.registry.delete(input.webhookId);
    return true;
  }
}
