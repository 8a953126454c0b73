import nodemailer, { type SendMailOptions, type SMTPSentMessageInfo, type Transporter } from 'nodemailer';
import { toNodemailerMessage } from './compose';
import { HAND_OVER_KEY, handOverPlugin } from './hand-over';
import { MailDeliveryError } from './mail-error';
import type { Mailer, OutgoingMail, SentMail } from './mailer.port';

export interface SmtpMailerOptions {
  url: string;
  from: string;
  /** Milliseconds; bounded so a stuck server fails the job (and it retries) instead of holding a worker. */
  connectionTimeout?: number;
  socketTimeout?: number;
  /** Reuse up to this many connections (close() ends them); unset: one connection per message. */
  pool?: number;
}

/**
 * SMTP through nodemailer: one connection per message, or a pool (`pool`) that `close()` ends. `onHandOver` fires
 * right after the end-of-data dot is written (see hand-over.ts).
 */
export class SmtpMailer implements Mailer {
  readonly transport = 'smtp' as const;
  private readonly transporter: Transporter<SMTPSentMessageInfo>;

  constructor(private readonly options: SmtpMailerOptions) {
    const connectionTimeout = options.connectionTimeout ?? 10_000;
    this.transporter = nodemailer.createTransport({
      url: options.url,
      connectionTimeout,
      greetingTimeout: connectionTimeout,
      socketTimeout: options.socketTimeout ?? 30_000,
      ...(options.pool ? { pool: true, maxConnections: options.pool } : {}),
    });
    this.transporter.use('stream', handOverPlugin as unknown as Parameters<Transporter['use']>[1]);
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    let info: SMTPSentMessageInfo;
    try {
      // nodemailer copies unknown message fields through to its plugins: that is how the hook reaches handOverPlugin.
      const message: SendMailOptions = { ...toNodemailerMessage(mail, this.options.from) };
      if (mail.onHandOver) Object.assign(message, { [HAND_OVER_KEY]: mail.onHandOver });
      info = await this.transporter.sendMail(message);
    } catch (error) {
      throw MailDeliveryError.from(error);
    }
    return {
      transport: 'smtp',
      messageId: info.messageId,
      accepted: info.accepted.map(String),
      rejected: info.rejected.map(String),
      response: info.response,
    };
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}
