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
  /**
   * Called once, synchronously, the moment the message is handed over for good: SMTP — right after the
   * end-of-data "." was written to the connection, before the server's answer is read (the server accepts or
   * discards only once it has the dot); file — right after the rename. Never called for a message that was not
   * handed over. A caller that commits "delivered" here leaves microseconds between the two, not a round trip
   * (apps/worker/README.md "The hand-over point"). If `send` then rejects, the server refused or the answer was lost.
   */
  onHandOver?: () => void;
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
