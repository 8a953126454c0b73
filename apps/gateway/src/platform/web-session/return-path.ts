/**
 * A return path after sign-in, kept only when it stays on this origin: a single leading `/`, no `//`, no
 * backslash (browsers read `/\evil` as `//evil`), no control characters, and it must resolve to the same origin.
 * Anything else becomes `/`.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//')) return '/';
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return '/';
  try {
    const base = 'http://same.invalid';
    const url = new URL(value, base);
    if (url.origin !== base) return '/';
    // Checked again once resolved: dot segments can make `//host` of a path that did not start with it
    // (`/.//evil.example`, `/x/..//evil.example`), and a browser reads that as another site.
    const path = `${url.pathname}${url.search}${url.hash}`;
    return path.startsWith('//') || path.startsWith('/\\') ? '/' : path;
  } catch {
    return '/';
  }
}
