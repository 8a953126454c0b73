import { AcceptInvitationHandler } from './accept-invitation/accept-invitation.handler';
import { AuthorizeAppHandler } from './authorize-app/authorize-app.handler';
import { CompleteOAuthGrantHandler } from './complete-oauth-grant/complete-oauth-grant.handler';
import { CreateCredentialRequestHandler } from './create-credential-request/create-credential-request.handler';
import { DeclineAppHandler } from './decline-app/decline-app.handler';
import { DeleteCredentialRequestHandler } from './delete-credential-request/delete-credential-request.handler';
import { RefreshConnectionHandler } from './refresh-connection/refresh-connection.handler';
import { RequestReauthorizationHandler } from './request-reauthorization/request-reauthorization.handler';
import { RevokeAccessHandler } from './revoke-access/revoke-access.handler';
import { RevokeExpiredAccessHandler } from './revoke-expired-access/revoke-expired-access.handler';
import { RevokeLeaverAccessHandler } from './revoke-leaver-access/revoke-leaver-access.handler';
import { StartOAuthAuthorizationHandler } from './start-oauth-authorization/start-oauth-authorization.handler';
import { UpdateCredentialsHandler } from './update-credentials/update-credentials.handler';

export * from './create-credential-request/create-credential-request.command';
export * from './create-credential-request/payload-digest';
export * from './accept-invitation/accept-invitation.command';
export * from './authorize-app/authorize-app.command';
export * from './update-credentials/update-credentials.command';
export * from './decline-app/decline-app.command';
export * from './revoke-access/revoke-access.command';
export * from './revoke-expired-access/revoke-expired-access.command';
export * from './revoke-leaver-access/revoke-leaver-access.command';
export * from './revoke-leaver-access/leaver-revocations';
export * from './request-reauthorization/request-reauthorization.command';
export * from './delete-credential-request/delete-credential-request.command';
export * from './start-oauth-authorization/start-oauth-authorization.command';
export * from './complete-oauth-grant/complete-oauth-grant.command';
export * from './refresh-connection/refresh-connection.command';
export * from './shared/oauth2-client-for';
export * from './shared/app-action-result';
export * from './shared/request-membership';
export * from './shared/request-commands';
export * from './shared/verification';

export const CredentialRequestHandlers = [
  CreateCredentialRequestHandler,
  AcceptInvitationHandler,
  AuthorizeAppHandler,
  UpdateCredentialsHandler,
  DeclineAppHandler,
  RevokeAccessHandler,
  RevokeExpiredAccessHandler,
  RevokeLeaverAccessHandler,
  RequestReauthorizationHandler,
  DeleteCredentialRequestHandler,
  StartOAuthAuthorizationHandler,
  CompleteOAuthGrantHandler,
  RefreshConnectionHandler,
];
