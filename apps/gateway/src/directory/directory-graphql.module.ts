import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ApplicationModule } from '@libs/application';
import { AcceptInvitationResolver } from './accept-invitation/accept-invitation.resolver';
import { AddOrganizationMemberResolver } from './add-organization-member/add-organization-member.resolver';
import { AddTeamMemberResolver } from './add-team-member/add-team-member.resolver';
import { ApplyForCredentialRequestsResolver } from './apply-for-credential-requests/apply-for-credential-requests.resolver';
import { AppsResolver } from '../connections/apps-catalog/apps.resolver';
import { ChangeOrganizationPlanResolver } from './change-organization-plan/change-organization-plan.resolver';
import { CreateOrganizationResolver } from './create-organization/create-organization.resolver';
import { CreateTeamResolver } from './create-team/create-team.resolver';
import { ChangeOrganizationRoleResolver } from './change-organization-role/change-organization-role.resolver';
import { ChangeTeamRoleResolver } from './change-team-role/change-team-role.resolver';
import { LeaverRevocations } from '@libs/application';
import { RemoveOrganizationMemberResolver } from './remove-organization-member/remove-organization-member.resolver';
import { RemoveTeamMemberResolver } from './remove-team-member/remove-team-member.resolver';
import { MeResolver } from './me/me.resolver';
import { OrganizationsResolver } from './organizations/organizations.resolver';
import { ReviewCredentialRequestsApplicationResolver } from './review-credential-requests-application/review-credential-requests-application.resolver';
import { ReadYourWrites } from '@projections';
import { SetLanguageResolver } from './set-language/set-language.resolver';
import { TeamResolver } from './team/team.resolver';
import { WEBHOOK_REPOSITORY, webhookRegistryProviders } from '../webhooks/webhook-providers';
import { WebhooksResolver } from '../webhooks/webhooks.resolver';
import { DirectoryAnswers } from './directory-answers';
import { OrganizationFieldsResolver, TeamFieldsResolver, UserFieldsResolver } from './directory-fields.resolver';
import { DirectoryLoaders } from './directory-loader';

/**
 * The directory, the feature application, the catalog and webhooks over GraphQL. The CommandBus comes from the
 * (static, shared) CqrsModule; VAULT (webhook signing secrets) from the shared ApplicationModule; READ_MODELS /
 * PROJECTION_RUNNER from the global ReadSideModule.
 */
@Module({
  imports: [CqrsModule, ApplicationModule.forRoot()],
  providers: [
    ReadYourWrites,
    DirectoryLoaders,
    DirectoryAnswers,
    ...webhookRegistryProviders,
    MeResolver,
    OrganizationsResolver,
    TeamResolver,
    AppsResolver,
    OrganizationFieldsResolver,
    TeamFieldsResolver,
    UserFieldsResolver,
    CreateOrganizationResolver,
    ChangeOrganizationPlanResolver,
    CreateTeamResolver,
    AddOrganizationMemberResolver,
    AddTeamMemberResolver,
    ChangeOrganizationRoleResolver,
    RemoveOrganizationMemberResolver,
    ChangeTeamRoleResolver,
    RemoveTeamMemberResolver,
    LeaverRevocations,
    AcceptInvitationResolver,
    ApplyForCredentialRequestsResolver,
    ReviewCredentialRequestsApplicationResolver,
    WebhooksResolver,
    SetLanguageResolver,
  ],
  // MeResolver and the webhook repository also serve the web app's additions (web-schema/).
  exports: [DirectoryLoaders, MeResolver, WEBHOOK_REPOSITORY],
})
export class DirectoryGraphqlModule {}
