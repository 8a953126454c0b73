import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@libs/domain';
import { DirectoryReader } from '../../shared/directory-reader';
import { assertManagesTeamWebhooks } from '../team-webhook-access';
import { WEBHOOK_REGISTRY, type WebhookRegistry } from '../webhook-registry';
import { RegisterWebhookCommand, type RegisterWebhookResult } from './register-webhook.command';

const teamNotFound = () => new DomainError('NOT_FOUND', 'Team not found');

@CommandHandler(RegisterWebhookCommand)
export class RegisterWebhookHandler implements ICommandHandler<RegisterWebhookCommand> {
  constructor(
    private readonly directory: DirectoryReader,
    @Inject(WEBHOOK_REGISTRY) private readonly registry: WebhookRegistry,
  ) {}

  async execute({ input, context }: RegisterWebhookCommand): Promise<RegisterWebhookResult> {
    await assertManagesTeamWebhooks(this.directory, context, input.teamId, teamNotFound);
    const registered = await this.registry.register(input.teamId, input.url);
    return { id: registered.id, url: registered.url, signingSecret: registered.secret };
  }
}
