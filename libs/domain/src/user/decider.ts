import { canApproveFeature } from '../policies/eligibility';
import { normalizeEmail } from '../policies/corporate-email';
import { type Decider, DomainError, isLanguage } from '../shared/types';
import type { UserCommand } from './commands';
import type { UserEvent } from './events';
import { initialUserState, type UserState } from './state';

export const USER_EVENT_VERSION = 1;

const v = <E extends UserEvent>(event: Omit<E, 'schemaVersion'>): E =>
  ({ ...event, schemaVersion: USER_EVENT_VERSION }) as E;

export function decideUser(command: UserCommand, state: UserState): UserEvent[] {
  switch (command.type) {
    case 'RegisterUser': {
      if (state.registered) return []; // The record exists; its name is not overwritten by a colleague's input.
      const d = command.data;
      return [v({ type: 'UserRegistered', data: { userId: d.userId, email: normalizeEmail(d.email), name: d.name } })];
    }
    case 'BindIdentity': {
      const d = command.data;
      // R13.2: an e-mail that is not verified proves nothing — it neither creates nor binds nor acts as a user.
      if (!d.emailVerified) {
        throw new DomainError(
          'UNAUTHENTICATED',
          'Your e-mail address is not verified: verify it with your identity provider, then sign in again.',
        );
      }
      const events: UserEvent[] = [];
      if (!state.registered) {
        events.push(
          v({ type: 'UserRegistered', data: { userId: d.userId, email: normalizeEmail(d.email), name: d.name } }),
        );
      }
      if (state.subject !== null) {
        if (state.subject === d.subject) return events;
        throw new DomainError('UNAUTHENTICATED', 'This e-mail address belongs to another identity.');
      }
      events.push(v({ type: 'UserIdentityBound', data: { subject: d.subject, name: d.name } }));
      return events;
    }
    case 'ApplyForCredentialRequests': {
      if (!state.registered || command.data.actor.userId !== state.userId) {
        throw new DomainError('NOT_FOUND', 'User not found.');
      }
      // R13.8: PENDING again after REJECTED; no-op while PENDING or once APPROVED.
      if (state.application === 'PENDING' || state.application === 'APPROVED') return [];
      return [v({ type: 'CredentialRequestsApplied', data: {} })];
    }
    case 'ReviewApplication': {
      const { actor, approve, facts } = command.data;
      if (!actor.isSupport || actor.userId === null) {
        throw new DomainError('FORBIDDEN', 'Only support staff review applications.');
      }
      if (!state.registered) throw new DomainError('NOT_FOUND', 'User not found.');
      // R13.2: a record no verified sign-in has bound is not verified — whatever it applied for, it is not eligible.
      if (approve && !facts.emailVerified) {
        throw new DomainError(
          'NOT_ELIGIBLE',
          'Not eligible: the e-mail address is not verified (the user never signed in).',
        );
      }
      if (state.application === 'NONE') throw new DomainError('CONFLICT', 'The user has not applied.');
      if (!approve) {
        if (state.application === 'REJECTED') return [];
        return [v({ type: 'CredentialRequestsRejected', data: { reviewerId: actor.userId } })];
      }
      if (state.application === 'APPROVED') return [];
      const verdict = canApproveFeature(facts);
      // R13.8: refused approval leaves the application PENDING (no event).
      if (!verdict.ok) throw new DomainError('NOT_ELIGIBLE', verdict.reason);
      return [v({ type: 'CredentialRequestsApproved', data: { reviewerId: actor.userId } })];
    }
    case 'ChooseLanguage': {
      const { actor, language } = command.data;
      if (!state.registered || actor.userId !== state.userId) throw new DomainError('NOT_FOUND', 'User not found.');
      if (!isLanguage(language)) {
        throw new DomainError('BAD_USER_INPUT', 'Unknown language.', [
          { path: 'language', message: 'Choose EN or PT_BR.' },
        ]);
      }
      // The same choice again stores nothing; a first explicit EN is kept, so it wins over a request's language.
      if (state.language === language) return [];
      return [v({ type: 'LanguageChosen', data: { language } })];
    }
  }
}

export function evolveUser(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'UserRegistered':
      return { ...state, registered: true, userId: event.data.userId, email: event.data.email, name: event.data.name };
    case 'UserIdentityBound':
      // R13.2: the first verified sign-in takes the token's name.
      return { ...state, subject: event.data.subject, name: event.data.name };
    case 'CredentialRequestsApplied':
      return { ...state, application: 'PENDING' };
    case 'CredentialRequestsApproved':
      return { ...state, application: 'APPROVED' };
    case 'CredentialRequestsRejected':
      return { ...state, application: 'REJECTED' };
    case 'LanguageChosen':
      return { ...state, language: event.data.language };
  }
}

export const userDecider: Decider<UserState, UserCommand, UserEvent> = {
  decide: decideUser,
  evolve: evolveUser,
  initialState: initialUserState,
};
