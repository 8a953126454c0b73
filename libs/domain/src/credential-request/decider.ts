import { appTransition } from '../policies/app-transition';
import { deriveRequestStatus } from '../policies/request-status';
import type { CredentialRequestStatus, Decider } from '../shared/types';
import { decideAcceptInvitation } from './accept-invitation';
import { decideAuthorizeApp } from './authorize-app';
import { decideDeclineApp } from './decline-app';
import { decideDelete } from './delete-request';
import { decideReauthorize } from './reauthorize';
import { decideRefreshConnection } from './refresh-connection';
import { decideRequestReauthorization } from './request-reauthorization';
import { decideRevokeAccess } from './revoke-access';
import { decideUpdateCredentials } from './update-credentials';
import type { CredentialRequestCommand } from './commands';
import { decideCreate } from './create-request';
import type { CredentialRequestEvent } from './events';
import { type CredentialRequestState, initialCredentialRequestState, type RequestedAppState } from './state';

export function decideCredentialRequest(
  command: CredentialRequestCommand,
  state: CredentialRequestState,
): CredentialRequestEvent[] {
  switch (command.type) {
    case 'CreateCredentialRequest':
      return decideCreate(command, state);
    case 'AcceptInvitation':
      return decideAcceptInvitation(command, state);
    case 'AuthorizeApp':
      return decideAuthorizeApp(command, state);
    case 'DeclineApp':
      return decideDeclineApp(command, state);
    case 'RevokeAccess':
      return decideRevokeAccess(command, state);
    case 'RequestReauthorization':
      return decideRequestReauthorization(command, state);
    case 'Reauthorize':
      return decideReauthorize(command, state);
    case 'UpdateCredentials':
      return decideUpdateCredentials(command, state);
    case 'RefreshConnection':
      return decideRefreshConnection(command, state);
    case 'DeleteCredentialRequest':
      return decideDelete(command, state);
  }
}

function updateApp(
  state: CredentialRequestState,
  appKey: string,
  change: (app: RequestedAppState) => Partial<RequestedAppState>,
): CredentialRequestState {
  return { ...state, apps: state.apps.map((a) => (a.appKey === appKey ? { ...a, ...change(a) } : a)) };
}

export function evolveCredentialRequest(
  state: CredentialRequestState,
  event: CredentialRequestEvent,
): CredentialRequestState {
  switch (event.type) {
    case 'RequestCreated': {
      const d = event.data;
      return {
        lifecycle: 'ACTIVE',
        requestId: d.requestId,
        organizationId: d.organizationId,
        teamId: d.teamId,
        name: d.name,
        description: d.description,
        requester: d.requester,
        recipient: d.recipient,
        apps: d.apps.map((app) => ({
          ...app,
          status: 'PENDING',
          declineReason: null,
          error: null,
          connectionId: null,
          connectionStatus: null,
          accessUntil: null,
          expiresAt: null,
        })),
        invitation: d.invitation ? { ...d.invitation, email: d.recipient.email.toLowerCase(), acceptedBy: null } : null,
        idempotencyKey: d.idempotencyKey,
        payloadDigest: d.payloadDigest,
      };
    }
    case 'InvitationAccepted':
      return {
        ...state,
        // R4.4: the user becomes the recipient; `external` stays true.
        recipient: { ...state.recipient, userId: event.data.userId },
        invitation: state.invitation ? { ...state.invitation, acceptedBy: event.data.userId } : null,
      };
    case 'AppAuthorized':
      return updateApp(state, event.data.appKey, () => ({
        status: 'AUTHORIZED',
        error: null,
        connectionId: event.data.connectionId,
        connectionStatus: 'ACTIVE',
        accessUntil: event.data.accessUntil,
        expiresAt: event.data.expiresAt,
      }));
    case 'AppAuthorizationFailed':
      return updateApp(state, event.data.appKey, () => ({ status: 'INVALID', error: event.data.error }));
    case 'AppDeclined':
      return updateApp(state, event.data.appKey, (app) => ({
        status: 'DECLINED',
        declineReason: event.data.reason,
        connectionStatus: app.connectionId !== null ? 'DELETED' : null,
      }));
    case 'AccessRevoked':
      return updateApp(state, event.data.appKey, () => ({ status: 'REVOKED', connectionStatus: 'REVOKED' }));
    case 'ReauthorizationRequested':
      return updateApp(state, event.data.appKey, () => ({ status: 'REAUTHORIZING' }));
    case 'ReauthorizationFailed':
      return updateApp(state, event.data.appKey, () => ({ error: event.data.error }));
    case 'AppReauthorized':
      return updateApp(state, event.data.appKey, () => ({
        status: 'AUTHORIZED',
        error: null,
        connectionStatus: 'ACTIVE',
        accessUntil: event.data.accessUntil,
        expiresAt: event.data.expiresAt,
      }));
    case 'CredentialsUpdated':
      return updateApp(state, event.data.appKey, (app) => ({
        status: appTransition(app.status, 'UPDATE_CREDENTIALS') ?? app.status,
        error: null,
        connectionStatus: 'ACTIVE',
        accessUntil: event.data.accessUntil,
      }));
    case 'ConnectionRefreshed':
      return updateApp(state, event.data.appKey, () => ({
        error: null,
        connectionStatus: 'ACTIVE',
        expiresAt: event.data.expiresAt,
      }));
    case 'ConnectionExpired':
      return updateApp(state, event.data.appKey, () => ({ error: event.data.error, connectionStatus: 'EXPIRED' }));
    case 'RequestDeleted':
      return {
        ...state,
        lifecycle: 'DELETED',
        apps: state.apps.map((a) => ({ ...a, connectionStatus: a.connectionId !== null ? 'DELETED' : null })),
      };
  }
}

/** §6: the request's status, derived from its apps, never stored. */
export function requestStatus(state: CredentialRequestState): CredentialRequestStatus {
  return deriveRequestStatus(state.apps.map((a) => a.status));
}

export const credentialRequestDecider: Decider<
  CredentialRequestState,
  CredentialRequestCommand,
  CredentialRequestEvent
> = {
  decide: decideCredentialRequest,
  evolve: evolveCredentialRequest,
  initialState: initialCredentialRequestState,
};
