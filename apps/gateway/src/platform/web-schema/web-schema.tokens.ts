/** `WebQueries` (projections) over the shared SQL client. */
export const WEB_QUERIES = Symbol('WEB_QUERIES');
