export const OAUTH_STATES = Symbol('OAUTH_STATES');
/** Resolved once the 'connections' migrations have run. */
export const CONNECTIONS_MIGRATED = Symbol('CONNECTIONS_MIGRATED');
