/** Vocabulary shared by every aggregate (SPEC §1, §5, §6). Pure types: no framework, no I/O. */
export type OrgRole = 'OWNER' | 'ADMIN' | 'MEMBER' | 'GUEST';
export type TeamRole = 'ADMIN' | 'MEMBER' | 'GUEST';
export type Plan = 'FREE' | 'CORE' | 'PRO' | 'TEAMS' | 'ENTERPRISE';
export type ConnectionType = 'API_KEY' | 'BASIC' | 'OAUTH2';
export type AppAuthorizationStatus = 'PENDING' | 'AUTHORIZED' | 'DECLINED' | 'REVOKED' | 'REAUTHORIZING' | 'INVALID';
export type CredentialRequestStatus = 'AUTHORIZED' | 'PARTIALLY_AUTHORIZED' | 'INCOMPLETE' | 'INVALID' | 'DECLINED';
export type ApplicationStatus = 'NONE' | 'PENDING' | 'APPROVED' | 'REJECTED';
/** The language of a person's e-mails (issue 10): a member's own choice, an outside recipient's set per request. */
export type Language = 'EN' | 'PT_BR';
export const LANGUAGES: readonly Language[] = ['EN', 'PT_BR'];
export const DEFAULT_LANGUAGE: Language = 'EN';
export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/** Error codes of the public contract (schema.graphql header). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'FEATURE_NOT_ENABLED'
  | 'PLAN_NOT_ELIGIBLE'
  | 'NOT_ELIGIBLE'
  | 'RATE_LIMITED';

export interface FieldError {
  /** Dotted path from the argument name, e.g. `input.apps.1.note` (SPEC R13.3). */
  path: string;
  message: string;
}

/** A rule said no. Deciders throw it; the gateway maps `code` to `extensions.code`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
    /**
     * The app's or provider's own words when they are the reason (a key it refused): the gateway gives them apart
     * as `extensions.appSaid`, so that no client has to read them back out of the sentence.
     */
    readonly appSaid: string | null = null,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Too many failed attempts, or a cap reached (R13.12): `retryAfterSeconds` says when to try again. */
export class RateLimitedError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many attempts; try again later.',
  ) {
    super('RATE_LIMITED', message);
  }
}

/** An event as a decider emits it: type, data and the schema version of that data. */
export interface DomainEvent<T extends string = string, D extends object = object> {
  type: T;
  data: D;
  schemaVersion?: number;
}

const CREDENTIAL_REQUEST = 'credential-request-';
const ORGANIZATION = 'organization-';
const USER = 'user-';
const idIn = (prefix: string) => (stream: string) => (stream.startsWith(prefix) ? stream.slice(prefix.length) : null);

/**
 * Stream names (ARCHITECTURE.md): one stream per aggregate. The `…Id` readers give the aggregate's id back from a
 * stream name, or null when the stream is of another kind — the one place that knows the prefixes.
 */
export const streams = {
  credentialRequest: (id: string) => `${CREDENTIAL_REQUEST}${id}`,
  organization: (id: string) => `${ORGANIZATION}${id}`,
  user: (id: string) => `${USER}${id}`,
  credentialRequestId: idIn(CREDENTIAL_REQUEST),
  organizationId: idIn(ORGANIZATION),
  userId: idIn(USER),
};

/** Who issues a command: a user, or the system (workers, schedulers) with `userId: null`. */
export interface Actor {
  userId: string | null;
  isSupport: boolean;
}

/** The system acting on its own (expiry, refresh). */
export const SYSTEM_ACTOR: Actor = { userId: null, isSupport: false };

/** A command as a decider receives it: type plus data (Emmett style). */
export interface DomainCommand<T extends string = string, D extends object = object> {
  type: T;
  data: D;
}

/** Emmett-style decider: pure functions plus the state before the first event. */
export interface Decider<State, Command, Event> {
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
  initialState: () => State;
}

/** Fold a stream's events into a state. */
export function foldEvents<State, Event>(decider: Decider<State, unknown, Event>, events: readonly Event[]): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}
