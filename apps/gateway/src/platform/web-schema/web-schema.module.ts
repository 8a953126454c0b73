import { Module } from '@nestjs/common';
import type { SqlClient } from '@libs/event-store';
import { SQL_CLIENT } from '@libs/infrastructure';
import { WebQueries } from '@projections';
import { CredentialRequestsRemovedResolver } from '../../requests/credential-requests-removed/credential-requests-removed.resolver';
import { CredentialRequestsUpdatedResolver } from '../../requests/credential-requests-updated/credential-requests-updated.resolver';
import { DirectoryGraphqlModule } from '../../directory/directory-graphql.module';
import { InvitationPreviewResolver } from '../../directory/invitation-preview/invitation-preview.resolver';
import { OrganizationMembersResolver } from '../../directory/organization-members/organization-members.resolver';
import { RequestsGraphqlModule } from '../../requests/requests-graphql.module';
import { SupportQueriesResolver } from '../../audit/support-queries/support-queries.resolver';
import { TeamWebhooksResolver } from '../../webhooks/team-webhooks/team-webhooks.resolver';
import { ViewerResolver } from '../../directory/viewer/viewer.resolver';
import { WEB_QUERIES } from './web-schema.tokens';

/** The schema additions the web app needs (issue #10, WEB-SCHEMA.md), one folder per field under src/. */
@Module({
  imports: [DirectoryGraphqlModule, RequestsGraphqlModule],
  providers: [
    { provide: WEB_QUERIES, inject: [SQL_CLIENT], useFactory: (sql: SqlClient) => new WebQueries(sql) },
    ViewerResolver,
    InvitationPreviewResolver,
    SupportQueriesResolver,
    OrganizationMembersResolver,
    TeamWebhooksResolver,
    CredentialRequestsUpdatedResolver,
    CredentialRequestsRemovedResolver,
  ],
})
export class WebSchemaModule {}
