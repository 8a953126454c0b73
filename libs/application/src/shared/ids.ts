import { createHash, randomUUID } from 'node:crypto';

/** RFC 4122 version 5 (SHA-1, name-based) UUID: the same name in the same namespace gives the same id everywhere. */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Fixed namespaces (random once, never change: ids already stored depend on them).
const USER_NAMESPACE = '4f7c1d2e-8a3b-4c5d-9e6f-0a1b2c3d4e5f';
const REQUEST_NAMESPACE = '9b2e6a41-3c7d-4e8f-a1b2-c3d4e5f60718';
const EVENT_NAMESPACE = 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6';

/** R13.2: a user is the lower-cased e-mail, so every process derives the same user stream from a token or an input. */
export const userIdForEmail = (email: string): string => uuidV5(email.trim().toLowerCase(), USER_NAMESPACE);

/** R4.3: the same requester and idempotency key always name the same request stream. */
export const requestIdForIdempotencyKey = (requesterId: string, key: string): string =>
  uuidV5(`${requesterId}\u0000${key}`, REQUEST_NAMESPACE);

/** A deterministic event id, so a retried append of the same decision is a no-op in the store. */
export const deterministicEventId = (name: string): string => uuidV5(name, EVENT_NAMESPACE);

export const newId = (): string => randomUUID();
