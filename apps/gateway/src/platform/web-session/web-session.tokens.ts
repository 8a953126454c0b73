export const SESSION_STORE = Symbol('SESSION_STORE');
/** `OidcSignIn | null` (null: no AUTH_CLIENT_ID). */
export const OIDC_SIGN_IN = Symbol('OIDC_SIGN_IN');
/** SESSION_SECRET, or the development one generated into DATA_DIR. */
export const SESSION_SECRET = Symbol('SESSION_SECRET');
