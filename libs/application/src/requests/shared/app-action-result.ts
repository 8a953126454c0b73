import {
  type AppAuthorizationStatus,
  type CredentialRequestEvent,
  type CredentialRequestState,
  evolveCredentialRequest,
} from '@libs/domain';
import type { Written } from '../../shared/command-context';

/** What an app action answers: the app as it is after the command (the gateway reads details from read models). */
export interface AppActionResult extends Written {
  requestId: string;
  appKey: string;
  status: AppAuthorizationStatus;
  /** The app's error (a rejected verification, R13.5); never a secret. */
  error: string | null;
  connectionId: string | null;
}

export function appActionResult(
  state: CredentialRequestState,
  events: CredentialRequestEvent[],
  appKey: string,
  position: string,
): AppActionResult {
  const after = events.reduce(evolveCredentialRequest, state);
  const app = after.apps.find((a) => a.appKey === appKey);
  return {
    requestId: after.requestId,
    appKey,
    status: app?.status ?? 'PENDING',
    error: app?.error ?? null,
    connectionId: app?.connectionId ?? null,
    position,
  };
}
