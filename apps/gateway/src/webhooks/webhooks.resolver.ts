import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { DeleteWebhookCommand, RegisterWebhookCommand } from '@libs/application';
import { CurrentIdentity } from '../platform/auth/current-identity.decorator';
import type { Caller } from '../platform/auth/identity-provisioner';
import { WebhookRegistration } from '../platform/graphql';
import { commandContext } from '../platform/shared/command-context';
import { RegisterWebhookArgs } from './register-webhook.args';

/** R12.6 / R13.3 through the command bus (libs/application/src/webhooks); webhooks are configuration, not events. */
@Resolver()
export class WebhooksResolver {
  constructor(private readonly commands: CommandBus) {}

  /** The signing secret is in this answer only; it is never readable again. */
  @Mutation(() => WebhookRegistration)
  registerWebhook(@Args() args: RegisterWebhookArgs, @CurrentIdentity() caller: Caller): Promise<WebhookRegistration> {
    return this.commands.execute(
      new RegisterWebhookCommand({ teamId: args.teamId, url: args.url }, commandContext(caller)),
    );
  }

  @Mutation(() => Boolean)
  deleteWebhook(@Args('id', { type: () => ID }) id: string, @CurrentIdentity() caller: Caller): Promise<boolean> {
    return this.commands.execute(new DeleteWebhookCommand({ webhookId: id }, commandContext(caller)));
  }
}
