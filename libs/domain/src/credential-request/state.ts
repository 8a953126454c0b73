import type { AppAuthorizationStatus, Language } from '../shared/types';
import type { PersonRef, RequestedAppData } from './events';

export type ConnectionStatus = 'ACTIVE' | 'REVOKED' | 'EXPIRED' | 'DELETED';

export interface RequestedAppState extends RequestedAppData {
  status: AppAuthorizationStatus;
  declineReason: string | null;
  /** The app's last error: verification rejection, OAuth error, failed refresh or reauthorization. */
  error: string | null;
  /** Kept across revoke and re-authorize (R13.6); null until the first successful authorization. */
  connectionId: string | null;
  connectionStatus: ConnectionStatus | null;
  accessUntil: string | null;
  expiresAt: string | null;
}

export interface InvitationState {
  invitationId: string;
  tokenHash: string;
  /** Lower-cased invited address (R4.4 compares case-insensitively). */
  email: string;
  acceptedBy: string | null;
  /** The language of the outside recipient's e-mails, picked by the requester (issue 10). */
  language: Language;
}

export interface CredentialRequestState {
  /** NONE before RequestCreated; DELETED is final and makes every command NOT_FOUND (R9.2). */
  lifecycle: 'NONE' | 'ACTIVE' | 'DELETED';
  requestId: string;
  organizationId: string;
  teamId: string;
  name: string;
  description: string | null;
  requester: PersonRef;
  recipient: PersonRef;
  apps: RequestedAppState[];
  invitation: InvitationState | null;
  idempotencyKey: string | null;
  payloadDigest: string;
}

const nobody: PersonRef = { userId: null, name: '', email: '', external: false };

export const initialCredentialRequestState = (): CredentialRequestState => ({
  lifecycle: 'NONE',
  requestId: '',
  organizationId: '',
  teamId: '',
  name: '',
  description: null,
  requester: nobody,
  recipient: nobody,
  apps: [],
  invitation: null,
  idempotencyKey: null,
  payloadDigest: '',
});
