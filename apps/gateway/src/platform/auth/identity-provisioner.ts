import type { Identity } from '@libs/auth';

/** The caller once provisioned: the token's identity plus our user id (SPEC R1.2, R13.2). */
export interface Caller extends Identity {
  userId: string;
}

/**
 * Turns a verified token into our user, creating or binding the user record on the first call (R1.2, R13.2).
 * Implemented by the user command handlers; the gateway only depends on this port. May throw
 * DomainError('UNAUTHENTICATED') (e.g. a known e-mail arriving with another `sub`).
 */
export interface IdentityProvisioner {
  provision(identity: Identity): Promise<{ userId: string }>;
}

export const IDENTITY_PROVISIONER = Symbol('IDENTITY_PROVISIONER');
