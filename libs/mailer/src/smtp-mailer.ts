import nodemailer, { type SMTPSentMessageInfo, type Transporter } from 'nodemailer';
import { toNodemailerMessage } from './compose';
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

/** SMTP through nodemailer: one connection per message, or a pool (`pool`) that `close()` ends. */
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
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    let info: SMTPSentMessageInfo;
    try {
      info = await this.transporter.sendMail(toNodemailerMessage(mail, this.options.from));
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
