import { UpcasterRegistry } from '../shared/upcasting';
import { evolveCredentialRequest } from './decider';
import type { CredentialRequestEvent } from './events';
import { type CredentialRequestState, initialCredentialRequestState } from './state';

/**
 * AppDeclined v1 → v2: v1 was written before a decline destroyed the app's connection (R5.2), so it has no
 * `destroyedConnectionId`; a v1 decline destroyed nothing, hence null.
 */
export const appDeclinedV1ToV2 = {
  type: 'AppDeclined',
  fromVersion: 1,
  upcast: (data: Record<string, unknown>) => ({ destroyedConnectionId: null, ...data }),
};

/**
 * RequestCreated v1 → v2: v1 was written before e-mails were translated (issue 10); an outside recipient's
 * invitation then carried no language, and those e-mails were English, hence EN. No invitation stays null.
 */
export const requestCreatedV1ToV2 = {
  type: 'RequestCreated',
  fromVersion: 1,
  upcast: (data: Record<string, unknown>) => {
    const invitation = data.invitation as Record<string, unknown> | null | undefined;
    return invitation ? { ...data, invitation: { language: 'EN', ...invitation } } : { ...data, invitation: null };
  },
};

export const credentialRequestUpcasters = new UpcasterRegistry([appDeclinedV1ToV2, requestCreatedV1ToV2]);

/** Apply when reading a stored credential-request event, before evolve or any projection sees it. */
export function upcastCredentialRequestEvent(event: {
  type: string;
  data: object;
  schemaVersion?: number;
}): CredentialRequestEvent {
  return credentialRequestUpcasters.upcast<CredentialRequestEvent>(event);
}

/** Upcast then fold: the state a handler decides on, from the events as stored. */
export function foldStoredCredentialRequest(
  stored: readonly { type: string; data: object; schemaVersion?: number }[],
): CredentialRequestState {
  return stored.map(upcastCredentialRequestEvent).reduce(evolveCredentialRequest, initialCredentialRequestState());
}
