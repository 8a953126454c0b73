import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { MasterKeyRing } from './master-keys';
import { Secret, StoredSecret } from './secret.types';

/** One connection's secret at rest: the ciphertext under its own data key, and that key wrapped by a master key. */
export interface SealedSecret {
  keyId: string;
  /** iv (12) ‖ tag (16) ‖ encrypted data key (32), AES-256-GCM under the master key `keyId`. */
  wrappedKey: Buffer;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

export class UnknownMasterKeyError extends Error {
  constructor(readonly keyId: string) {
    super(`The master key "${keyId}" that wrapped this secret is not configured in CREDENTIALS_MASTER_KEY`);
    this.name = 'UnknownMasterKeyError';
  }
}

/** Wrong key, tampered row or a row moved to another connection: GCM authentication fails. No detail leaks. */
export class SecretDecryptionError extends Error {
  constructor(connectionId: string) {
    super(`The secret of connection ${connectionId} cannot be decrypted (wrong master key or tampered data)`);
    this.name = 'SecretDecryptionError';
  }
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

// The AAD ties each ciphertext and wrapped key to its connection (and the wrap to its key id), so copying a row
// onto another connection cannot make that connection decrypt someone else's secret.
const dataAad = (connectionId: string) => Buffer.from(`vault:v1:data:${connectionId}`, 'utf8');
const wrapAad = (connectionId: string, keyId: string) => Buffer.from(`vault:v1:wrap:${connectionId}:${keyId}`, 'utf8');

function encrypt(key: Buffer, plaintext: Buffer, aad: Buffer): { iv: Buffer; tag: Buffer; ciphertext: Buffer } {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

function decrypt(key: Buffer, iv: Buffer, tag: Buffer, ciphertext: Buffer, aad: Buffer): Buffer {
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

function masterKey(ring: MasterKeyRing, keyId: string): Buffer {
  const key = ring.keys.get(keyId);
  if (!key) throw new UnknownMasterKeyError(keyId);
  return key;
}

function wrapDataKey(
  ring: MasterKeyRing,
  connectionId: string,
  dataKey: Buffer,
): { keyId: string; wrappedKey: Buffer } {
  const keyId = ring.currentId;
  const { iv, tag, ciphertext } = encrypt(masterKey(ring, keyId), dataKey, wrapAad(connectionId, keyId));
  return { keyId, wrappedKey: Buffer.concat([iv, tag, ciphertext]) };
}

function unwrapDataKey(ring: MasterKeyRing, connectionId: string, sealed: SealedSecret): Buffer {
  const key = masterKey(ring, sealed.keyId);
  const w = sealed.wrappedKey;
  try {
    return decrypt(
      key,
      w.subarray(0, IV_BYTES),
      w.subarray(IV_BYTES, IV_BYTES + TAG_BYTES),
      w.subarray(IV_BYTES + TAG_BYTES),
      wrapAad(connectionId, sealed.keyId),
    );
  } catch {
    throw new SecretDecryptionError(connectionId);
  }
}

/** Encrypts a secret under a fresh random data key, wrapped by the newest master key. */
export function sealSecret(ring: MasterKeyRing, connectionId: string, secret: StoredSecret): SealedSecret {
  const dataKey = randomBytes(32);
  try {
    const plaintext = Buffer.from(JSON.stringify(secret), 'utf8');
    const { iv, tag, ciphertext } = encrypt(dataKey, plaintext, dataAad(connectionId));
    plaintext.fill(0);
    return { ...wrapDataKey(ring, connectionId, dataKey), iv, tag, ciphertext };
  } finally {
    dataKey.fill(0);
  }
}

export function openSecret<T extends StoredSecret = Secret>(
  ring: MasterKeyRing,
  connectionId: string,
  sealed: SealedSecret,
): T {
  const dataKey = unwrapDataKey(ring, connectionId, sealed);
  try {
    const plaintext = decrypt(dataKey, sealed.iv, sealed.tag, sealed.ciphertext, dataAad(connectionId));
    return JSON.parse(plaintext.toString('utf8')) as T;
  } catch {
    throw new SecretDecryptionError(connectionId);
  } finally {
    dataKey.fill(0);
  }
}

/** Re-wraps the data key under the newest master key; the ciphertext, iv and tag stay as they are. */
export function rewrapSecret(ring: MasterKeyRing, connectionId: string, sealed: SealedSecret): SealedSecret {
  const dataKey = unwrapDataKey(ring, connectionId, sealed);
  try {
    return { ...sealed, ...wrapDataKey(ring, connectionId, dataKey) };
  } finally {
    dataKey.fill(0);
  }
}
