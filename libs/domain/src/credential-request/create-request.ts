import { orgRoleOf, teamRoleOf } from '../organization/state';
import { isEligibleOrganization } from '../policies/eligibility';
import { mayAskRecipient, type RecipientKind } from '../policies/may-ask-recipient';
import { validateCreateRequestInput } from '../policies/validate-create-request-input';
import { DEFAULT_LANGUAGE, DomainError, type FieldError, type Language } from '../shared/types';
import type { CreateCredentialRequest } from './commands';
import type { PersonRef, RequestCreated } from './events';
import { CURRENT_EVENT_VERSIONS } from './event-versions';
import type { CredentialRequestState } from './state';

/** R2.2, R3, R4.1–R4.4, R4.3 idempotency. Checks run from "who are you" to "what did you type". */
export function decideCreate(command: CreateCredentialRequest, state: CredentialRequestState): RequestCreated[] {
  const d = command.data;
  if (state.lifecycle !== 'NONE') {
    const key = d.input.idempotencyKey ?? null;
    // Same key, same requester, same payload: the first request stands and nothing new is stored (R4.3).
    if (key !== null && key === state.idempotencyKey && state.requester.userId === d.requester.userId) {
      if (state.payloadDigest === d.payloadDigest && state.lifecycle === 'ACTIVE') return [];
      throw new DomainError('CONFLICT', 'This idempotency key was used with a different request.');
    }
    throw new DomainError('CONFLICT', 'The request already exists.');
  }
  if (!d.requester.featureEnabled) {
    throw new DomainError('FEATURE_NOT_ENABLED', 'Credential requests are not enabled for you.');
  }
  const org = d.organization;
  const teamId = d.input.teamId;
  const orgRole = org ? orgRoleOf(org, d.requester.userId) : null;
  if (!org || !org.exists || orgRole === null || !org.teams[teamId]) {
    throw new DomainError('NOT_FOUND', 'Team not found.');
  }
  const teamRole = teamRoleOf(org, teamId, d.requester.userId);
  if (teamRole === null)
    throw new DomainError('FORBIDDEN', 'You must be a member of the team to send requests from it.');
  if (orgRole === 'GUEST' || teamRole === 'GUEST') {
    throw new DomainError('FORBIDDEN', 'Guests cannot create credential requests.');
  }
  if (!isEligibleOrganization(org)) {
    throw new DomainError('PLAN_NOT_ELIGIBLE', 'This organization’s plan does not include credential requests.');
  }

  // R3.5: an external e-mail that belongs to a member of the organization is that member.
  const recipientInput = d.input.recipient ?? {};
  const recipientUser = d.recipientUser;
  const memberRecipient = recipientUser !== null && org.members[recipientUser.userId] !== undefined;
  const recipientName = memberRecipient ? recipientUser.name : undefined;
  const validation = validateCreateRequestInput(d.input, d.catalog, recipientName);
  const errors: FieldError[] = validation.ok ? [] : [...validation.errors];

  const inputUserId = recipientInput.userId?.trim();
  if (!validation.ok && inputUserId && !memberRecipient && !errors.some((e) => e.path.startsWith('input.recipient'))) {
    errors.push({ path: 'input.recipient.userId', message: 'The recipient is not a member of the organization.' });
  }

  let kind: RecipientKind | null = null;
  let recipient: PersonRef | null = null;
  // Only an outside recipient keeps the requester's pick: an e-mail that turns out to be a member's (R3.5) gets the
  // member's own choice, which the requester need not know.
  let language: Language = DEFAULT_LANGUAGE;
  if (validation.ok) {
    const r = validation.value.recipient;
    if (r.kind === 'USER') {
      if (recipientUser === null || recipientUser.userId !== r.userId || !memberRecipient) {
        errors.push({ path: 'input.recipient.userId', message: 'The recipient is not a member of the organization.' });
      } else {
        recipient = {
          userId: recipientUser.userId,
          name: recipientUser.name,
          email: recipientUser.email,
          external: false,
        };
      }
    } else if (memberRecipient && recipientUser.email.toLowerCase() === r.email) {
      recipient = {
        userId: recipientUser.userId,
        name: recipientUser.name,
        email: recipientUser.email,
        external: false,
      };
    } else {
      recipient = { userId: null, name: r.name, email: r.email, external: true };
      kind = 'EXTERNAL';
      language = r.language;
    }
    if (recipient && recipient.userId !== null) {
      if (recipient.userId === d.requester.userId) {
        kind = 'SELF';
        errors.push({ path: 'input.recipient', message: 'You cannot ask yourself.' });
      } else {
        kind = org.teams[teamId].members[recipient.userId] !== undefined ? 'SAME_TEAM' : 'OTHER_TEAM';
      }
    } else if (recipient && recipient.email === d.requester.email.toLowerCase()) {
      kind = 'SELF';
      errors.push({ path: 'input.recipient.email', message: 'You cannot ask yourself.' });
    }
  }
  if (errors.length > 0 || !validation.ok || recipient === null || kind === null) {
    throw new DomainError('BAD_USER_INPUT', 'The request input is invalid.', errors);
  }
  const verdict = mayAskRecipient({ orgRole, teamRole }, kind);
  if (!verdict.ok) throw new DomainError(verdict.code, verdict.message);

  const v = validation.value;
  return [
    {
      type: 'RequestCreated',
      schemaVersion: CURRENT_EVENT_VERSIONS.RequestCreated,
      data: {
        requestId: d.requestId,
        organizationId: org.organizationId,
        teamId,
        name: v.name,
        description: v.description,
        requester: { userId: d.requester.userId, name: d.requester.name, email: d.requester.email, external: false },
        recipient,
        apps: v.apps,
        idempotencyKey: v.idempotencyKey,
        payloadDigest: d.payloadDigest,
        invitation: recipient.external
          ? { invitationId: d.invitation.invitationId, tokenHash: d.invitation.tokenHash, language }
          : null,
      },
    },
  ];
}
