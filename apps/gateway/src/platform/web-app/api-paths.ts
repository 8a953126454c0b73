/**
 * Paths that belong to the server, never to the web app's history fallback: an unknown path under them keeps its
 * JSON 404 (WEB-SCHEMA.md).
 */
const API_PREFIXES = ['/graphql', '/oauth/', '/auth/', '/internal/', '/health/', '/metrics', '/admin/'];

export function isApiPath(path: string): boolean {
  return API_PREFIXES.some((prefix) =>
    prefix.endsWith('/')
      ? path.startsWith(prefix) || path === prefix.slice(0, -1)
      : path === prefix || path.startsWith(`${prefix}/`),
  );
}
