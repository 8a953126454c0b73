import { requestIdForIdempotencyKey, userIdForEmail, uuidV5 } from './ids';

describe('ids', () => {
  it('computes RFC 4122 v5 UUIDs (the DNS namespace example)', () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('derives the user id from the lower-cased, trimmed e-mail (R13.2)', () => {
    expect(userIdForEmail(' Ana@Example.COM ')).toBe(userIdForEmail('ana@example.com'));
    expect(userIdForEmail('ana@example.com')).not.toBe(userIdForEmail('bob@example.com'));
  });

  it('derives the request id from requester and key (R4.3)', () => {
    expect(requestIdForIdempotencyKey('u1', 'k')).toBe(requestIdForIdempotencyKey('u1', 'k'));
    expect(requestIdForIdempotencyKey('u1', 'k')).not.toBe(requestIdForIdempotencyKey('u2', 'k'));
  });
});
