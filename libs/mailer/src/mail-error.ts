export type MailFailureKind = 'permanent' | 'transient';

/** Codes nodemailer gives errors that stem from the message itself: sending it again cannot help. */
const PERMANENT_CODES = new Set(['EENVELOPE', 'EMESSAGE', 'ECONFIG', 'EMAXRECIPIENTS']);

interface NodemailerLikeError {
  code?: unknown;
  responseCode?: unknown;
  permanent?: unknown;
}

function fields(error: unknown): NodemailerLikeError {
  return typeof error === 'object' && error !== null ? (error as NodemailerLikeError) : {};
}

/**
 * Permanent when the server said so (5xx except 503, as nodemailer itself decides) or the message is invalid;
 * transient for 4xx replies and everything about the connection (refused, timeout, TLS, DNS), which a retry
 * with back-off may get past.
 */
export function classifyMailError(error: unknown): MailFailureKind {
  if (error instanceof MailDeliveryError) return error.kind;
  const { code, responseCode, permanent } = fields(error);
  if (typeof permanent === 'boolean') return permanent ? 'permanent' : 'transient';
  if (typeof responseCode === 'number') {
    return responseCode >= 500 && responseCode < 600 && responseCode !== 503 ? 'permanent' : 'transient';
  }
  return typeof code === 'string' && PERMANENT_CODES.has(code) ? 'permanent' : 'transient';
}

/**
 * What the mailer throws when a send fails. The message carries the SMTP reply (status and text) but never the
 * mail body or the SMTP URL, so it may be logged and kept in a failed job.
 */
export class MailDeliveryError extends Error {
  override readonly name = 'MailDeliveryError';
  readonly kind: MailFailureKind;
  readonly permanent: boolean;
  readonly responseCode: number | null;
  readonly code: string | null;

  constructor(
    message: string,
    kind: MailFailureKind,
    responseCode: number | null,
    code: string | null,
    cause?: unknown,
  ) {
    super(message, { cause });
    this.kind = kind;
    this.permanent = kind === 'permanent';
    this.responseCode = responseCode;
    this.code = code;
  }

  static from(error: unknown): MailDeliveryError {
    if (error instanceof MailDeliveryError) return error;
    const { code, responseCode } = fields(error);
    const status = typeof responseCode === 'number' ? responseCode : null;
    const errCode = typeof code === 'string' ? code : null;
    const detail = error instanceof Error ? error.message : String(error);
    const kind = classifyMailError(error);
    return new MailDeliveryError(`Mail delivery failed (${kind}): ${detail}`, kind, status, errCode, error);
  }
}

export function isPermanentMailError(error: unknown): boolean {
  return classifyMailError(error) === 'permanent';
}
