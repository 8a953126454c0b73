import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditLogResolver } from '../audit/audit-log/audit-log.resolver';
import { MembershipAuditLogResolver } from '../audit/membership-audit-log/membership-audit-log.resolver';
import { AuthorizeAppResolver } from './authorize-app/authorize-app.resolver';
import { CreateCredentialRequestResolver } from './create-credential-request/create-credential-request.resolver';
import { CredentialRequestResolver } from './credential-request/credential-request.resolver';
import { CredentialRequestFieldsResolver } from './credential-request-fields/credential-request-fields.resolver';
import { RequestedAppFieldsResolver } from './credential-request-fields/requested-app-fields.resolver';
import { CredentialRequestHistoryResolver } from './credential-request-history/credential-request-history.resolver';
import { CredentialRequestUpdatedResolver } from './credential-request-updated/credential-request-updated.resolver';
import { RequestUpdates } from './credential-request-updated/request-updates';
import { DeclineAppResolver } from './decline-app/decline-app.resolver';
import { DeleteCredentialRequestResolver } from './delete-credential-request/delete-credential-request.resolver';
import { ReceivedCredentialRequestsResolver } from './received-credential-requests/received-credential-requests.resolver';
import { RequestConnectionsResolver } from './request-connections/request-connections.resolver';
import { RequestReauthorizationResolver } from './request-reauthorization/request-reauthorization.resolver';
import { RevokeAccessResolver } from './revoke-access/revoke-access.resolver';
import { SentCredentialRequestsResolver } from './sent-credential-requests/sent-credential-requests.resolver';
import { ReadYourWrites } from '@projections';
import { UpdateCredentialsResolver } from './update-credentials/update-credentials.resolver';
import { AuditAccess } from '../audit/audit-access';
import { RequestViews } from './request-views';
import { DirectoryGraphqlModule } from '../directory/directory-graphql.module';

/**
 * The credential-request use cases of the API (SPEC §4–§10, R12.7): mutations through the CommandBus, each
 * answering after read-your-writes (R7.6); queries and the live subscription from the read models.
 */
@Module({
  // DirectoryLoaders: a live update clears the directory memo of its subscription's context before each push.
  imports: [CqrsModule, DirectoryGraphqlModule],
  providers: [
    ReadYourWrites,
    RequestViews,
    AuditAccess,
    RequestUpdates,
    CreateCredentialRequestResolver,
    AuthorizeAppResolver,
    UpdateCredentialsResolver,
    DeclineAppResolver,
    RevokeAccessResolver,
    RequestReauthorizationResolver,
    DeleteCredentialRequestResolver,
    SentCredentialRequestsResolver,
    ReceivedCredentialRequestsResolver,
    CredentialRequestResolver,
    RequestConnectionsResolver,
    AuditLogResolver,
    MembershipAuditLogResolver,
    CredentialRequestHistoryResolver,
    CredentialRequestFieldsResolver,
    RequestedAppFieldsResolver,
    CredentialRequestUpdatedResolver,
  ],
  // Also used by the web app's additions (web-schema/): the list subscription reuses both.
  exports: [RequestViews, RequestUpdates],
})
export class RequestsGraphqlModule {}
