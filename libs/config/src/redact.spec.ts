import { redactDeep } from './redact';
import { requestIdFrom } from './request-context';

describe('redactDeep (R8.1, issue 11 item 7)', () => {
  it('censors the secret keys at any depth, in arrays too, whatever their case', () => {
    const out = redactDeep({
      a: { b: { c: { apiKey: 'k', ok: 1 } } },
      list: [{ Authorization: 'Bearer x' }, { codeVerifier: 'v' }],
      params: ['p'],
    });
    expect(out).toEqual({
      a: { b: { c: { apiKey: '[redacted]', ok: 1 } } },
      list: [{ Authorization: '[redacted]' }, { codeVerifier: '[redacted]' }],
      params: '[redacted]',
    });
  });

  it("serializes errors and cuts their query's parameters out of the message", () => {
    const error = Object.assign(new Error('invalid input syntax: "s3cr3t-value"'), { params: ['s3cr3t-value'] });
    const out = redactDeep({ err: error }) as { err: Record<string, unknown> };
    expect(JSON.stringify(out)).not.toContain('s3cr3t-value');
    expect(out.err).toMatchObject({ type: 'Error', params: '[redacted]' });
  });

  it('survives cycles and very deep objects', () => {
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    expect(redactDeep(cyclic)).toEqual({ name: 'x', self: '[circular]' });
    let deep: Record<string, unknown> = { token: 't' };
    for (let i = 0; i < 20; i++) deep = { deeper: deep };
    expect(JSON.stringify(redactDeep(deep))).not.toContain('"t"');
  });
});

describe('requestIdFrom', () => {
  it('accepts a well-formed id and replaces anything else', () => {
    expect(requestIdFrom('0b8e8c8e-5a9f-4d7e-9a53-9f1c2c3d4e5f')).toBe('0b8e8c8e-5a9f-4d7e-9a53-9f1c2c3d4e5f');
    expect(requestIdFrom(['req-abcdef12', 'other'])).toBe('req-abcdef12');
    for (const bad of [undefined, '', 'short', 'with space 123', 'line\nbreak-123', 'x'.repeat(129)]) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
