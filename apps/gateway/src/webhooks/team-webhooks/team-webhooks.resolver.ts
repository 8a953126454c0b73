import { Inject } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError } from '@libs/domain';
import type { WebhookRepository } from '@libs/webhooks';
import { CurrentIdentity } from '../../platform/auth/current-identity.decorator';
import type { Caller } from '../../platform/auth/identity-provisioner';
import { Team, Webhook } from '../../platform/graphql';
import { DirectoryLoaders } from '../../directory/directory-loader';
import type { TeamParent } from '../../directory/directory-parents';
import { assertManagesTeamWebhooks } from '../webhook-access';
import { WEBHOOK_REPOSITORY } from '../webhook-providers';

@Resolver(() => Team)
export class TeamWebhooksResolver {
  constructor(
    private readonly loaders: DirectoryLoaders,
    @Inject(WEBHOOK_REPOSITORY) private readonly repository: WebhookRepository,
  ) {}

  /**
   * R12.6: the team's webhooks for those who manage them (org OWNER/ADMIN, team ADMIN), oldest first; FORBIDDEN
   * for anyone else who holds the team. Never the signing secret (shown once, by registerWebhook).
   */
  @ResolveField(() => [Webhook])
  async webhooks(
    @Parent() team: TeamParent,
    @CurrentIdentity() caller: Caller,
    @Context() context: object,
  ): Promise<Webhook[]> {
    // A caller who holds the team but is no member (e.g. support staff after a mutation) is refused the same way.
    const forbidden = () =>
      new DomainError('FORBIDDEN', "Only the organization's owners and admins or the team's admins manage webhooks");
    await assertManagesTeamWebhooks(this.loaders.for(context), caller, team.id, forbidden);
    return (await this.repository.forTeam(team.id)).map((hook) => ({
      id: hook.id,
      url: hook.url,
      createdAt: hook.createdAt as Date, // always read from the table
    }));
  }
}
