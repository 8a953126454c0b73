import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { DomainError } from '@libs/domain';
import type { WebhookRepository, WebhookService } from '@libs/notifications';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import type { Caller } from '../auth/identity-provisioner';
import { WebhookRegistration } from '../graphql';
import { DirectoryLoaders } from '../directory/directory-loader';
import { RegisterWebhookArgs } from './register-webhook.args';
import { assertManagesTeamWebhooks } from './webhook-access';
import { WEBHOOK_REPOSITORY, WEBHOOK_SERVICE } from './webhook-providers';

const teamNotFound = () => new DomainError('NOT_FOUND', 'Team not found');
const webhookNotFound = () => new DomainError('NOT_FOUND', 'Webhook not found');

/** R12.6 / R13.3. Webhooks are configuration, not events: nothing to wait for before answering. */
@Resolver()
export class WebhooksResolver {
  constructor(
    private readonly loaders: DirectoryLoaders,
    @Inject(WEBHOOK_SERVICE) private readonly service: WebhookService,
    @Inject(WEBHOOK_REPOSITORY) private readonly repository: WebhookRepository,
  ) {}

  /** The signing secret is in this answer only; it is never readable again. */
  @Mutation(() => WebhookRegistration)
  async registerWebhook(
    @Args() args: RegisterWebhookArgs,
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
  ): Promise<WebhookRegistration> {
    await assertManagesTeamWebhooks(this.loaders.for(context), caller, args.teamId, teamNotFound);
    const registered = await this.service.register(args.teamId, args.url);
    return { id: registered.id, url: registered.url, signingSecret: registered.secret };
  }

  @Mutation(() => Boolean)
  async deleteWebhook(
    @Args('id', { type: () => ID }) id: string,
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
  ): Promise<boolean> {
    const hook = await this.repository.get(id);
    if (!hook) throw webhookNotFound();
    await assertManagesTeamWebhooks(this.loaders.for(context), caller, hook.teamId, webhookNotFound);
    await this.service.delete(id);
    return true;
  }
}
