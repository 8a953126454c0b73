export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /**
   * The caller's dedupe key, e.g. `<eventId>:<kind>:<addressee>`: it becomes a deterministic Message-ID (and the
   * .eml file name), so a retried send is recognisable as the same message. Omitted: nodemailer makes a random one.
   */
  messageId?: string;
  headers?: Record<string, string>;
}

export interface SentMail {
  transport: 'smtp' | 'file';
  /** The Message-ID header sent, with angle brackets. */
  messageId: string;
  accepted: string[];
  rejected: string[];
  /** SMTP: the server's final reply. */
  response?: string;
  /** File transport: where the .eml landed, so the caller can log it (with the link it already knows). */
  path?: string;
}

/** One interface for both transports; a failure rejects with a `MailDeliveryError` (see mail-error.ts). */
export interface Mailer {
  readonly transport: 'smtp' | 'file';
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): Promise<void>;
}
