/** Injection tokens of the process-wide pieces every app shares. */
export const LOGGER = Symbol('LOGGER');
export const REDIS = Symbol('REDIS');
export const SQL_CLIENT = Symbol('SQL_CLIENT');
