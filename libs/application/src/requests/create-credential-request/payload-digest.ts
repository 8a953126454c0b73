import { createHash } from 'node:crypto';
import type { CreateCredentialRequestInput } from '@libs/domain';
import { canonicalJson } from '@libs/event-store';

/** R4.3: what "the same payload" means — the input without its key, in canonical JSON, hashed. */
export function payloadDigest(input: CreateCredentialRequestInput): string {
  const { idempotencyKey: _key, ...payload } = input;
  void _key;
  return createHash('sha256').update(canonicalJson(payload)).digest('hex');
}
