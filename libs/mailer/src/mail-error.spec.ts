import { classifyMailError, isPermanentMailError, MailDeliveryError } from './mail-error';

function nodemailerError(fields: { code?: string; responseCode?: number; permanent?: boolean }): Error {
  return Object.assign(new Error('smtp said no'), fields);
}

describe('classifyMailError', () => {
  it.each([
    [{ code: 'EENVELOPE', responseCode: 550 }, 'permanent'],
    [{ code: 'EMESSAGE', responseCode: 554 }, 'permanent'],
    [{ code: 'EENVELOPE', responseCode: 451 }, 'transient'],
    [{ code: 'EENVELOPE', responseCode: 421 }, 'transient'],
    [{ code: 'EPROTOCOL', responseCode: 503 }, 'transient'],
    [{ code: 'ECONNECTION' }, 'transient'],
    [{ code: 'ETIMEDOUT' }, 'transient'],
    [{ code: 'ECONFIG' }, 'permanent'],
    [{ code: 'EENVELOPE', responseCode: 550, permanent: false }, 'transient'],
  ] as const)('%j is %s', (fields, kind) => {
    expect(classifyMailError(nodemailerError(fields))).toBe(kind);
  });

  it('treats an unknown error as transient so the job retries', () => {
    expect(classifyMailError(new Error('boom'))).toBe('transient');
    expect(classifyMailError('boom')).toBe('transient');
  });

  it('wraps with the kind, status and code, keeping the cause', () => {
    const cause = nodemailerError({ code: 'EENVELOPE', responseCode: 550 });
    const wrapped = MailDeliveryError.from(cause);
    expect(wrapped).toMatchObject({ kind: 'permanent', permanent: true, responseCode: 550, code: 'EENVELOPE' });
    expect(wrapped.cause).toBe(cause);
    expect(wrapped.message).toContain('smtp said no');
    expect(MailDeliveryError.from(wrapped)).toBe(wrapped);
    expect(isPermanentMailError(wrapped)).toBe(true);
  });
});
