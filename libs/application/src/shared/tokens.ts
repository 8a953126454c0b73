/** Injection tokens of the ports the handlers use. */
export const CATALOG = Symbol('CATALOG');
export const VAULT = Symbol('VAULT');
export const DIRECTORY_INDEX = Symbol('DIRECTORY_INDEX');
export const INVITATION_LOOKUP = Symbol('INVITATION_LOOKUP');
export const CONNECTION_HEALTH = Symbol('CONNECTION_HEALTH');
export const CLOCK = Symbol('CLOCK');
export const INVITATION_SECRET = Symbol('INVITATION_SECRET');
/** The `fetch` used for verification calls (tests and proxies may replace it). */
export const VERIFICATION_FETCH = Symbol('VERIFICATION_FETCH');

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
