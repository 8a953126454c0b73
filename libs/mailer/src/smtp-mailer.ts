import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
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

/** How long a looked-up address serves before the name is looked up again (nodemailer kept its own 5 minutes). */
const ADDRESS_REUSE_MS = 60_000;

/**
 * SMTP through nodemailer: one connection per message, or a pool (`pool`) that `close()` ends. `onHandOver` fires
 * right after the end-of-data dot is written (see hand-over.ts).
 *
 * The server's name is looked up like every other connection of the service (PostgreSQL, Redis): with the system
 * resolver, `/etc/hosts` first. nodemailer on its own asks the DNS servers and reads `/etc/hosts` only after they
 * fail; in the compose check the SMTP host is such a hosts entry (`host.containers.internal`), and while podman's DNS
 * stalled an invitation left 52 s late. nodemailer then gets the address, and the name for TLS (SNI, certificate).
 */
export class SmtpMailer implements Mailer {
  readonly transport = 'smtp' as const;
  private readonly host: string;
  /** One transporter, for the address the name has now; a new address replaces it. */
  private current: Held | null = null;
  /** The last answer for the name and when it came: reused for a while, and kept when the resolver fails. */
  private looked: { address: string; at: number } | null = null;

  constructor(private readonly options: SmtpMailerOptions) {
    this.host = new URL(options.url).hostname.replace(/^\[(.*)\]$/, '$1');
  }

  private async address(): Promise<string> {
    if (isIP(this.host)) return this.host;
    if (this.looked && Date.now() - this.looked.at < ADDRESS_REUSE_MS) return this.looked.address;
    try {
      this.looked = { address: (await lookup(this.host)).address, at: Date.now() };
    } catch (error) {
      // A resolver that fails for a moment does not stop mail to an address it gave before.
      if (!this.looked) throw error;
    }
    return this.looked.address;
  }

  private async held(): Promise<Held> {
    const address = await this.address();
    if (this.current?.address === address) return this.current;
    // The old address's messages, sending or queued for a pooled connection, finish there: closed once they have.
    if (this.current) retire(this.current);
    const url = new URL(this.options.url);
    url.hostname = isIP(address) === 6 ? `[${address}]` : address;
    const connectionTimeout = this.options.connectionTimeout ?? 10_000;
    const transporter = nodemailer.createTransport({
      url: url.toString(),
      ...(address === this.host ? {} : { servername: this.host, tls: { servername: this.host } }),
      connectionTimeout,
      greetingTimeout: connectionTimeout,
      socketTimeout: this.options.socketTimeout ?? 30_000,
      ...(this.options.pool ? { pool: true, maxConnections: this.options.pool } : {}),
    });
    transporter.use('stream', handOverPlugin as unknown as Parameters<Transporter['use']>[1]);
    this.current = { address, transporter, sending: 0, retired: false };
    return this.current;
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    let info: SMTPSentMessageInfo;
    try {
      // nodemailer copies unknown message fields through to its plugins: that is how the hook reaches handOverPlugin.
      const message: SendMailOptions = { ...toNodemailerMessage(mail, this.options.from) };
      if (mail.onHandOver) Object.assign(message, { [HAND_OVER_KEY]: mail.onHandOver });
      const held = await this.held();
      held.sending++;
      try {
        info = await held.transporter.sendMail(message);
      } finally {
        held.sending--;
        if (held.retired && held.sending === 0) held.transporter.close();
      }
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
    this.current?.transporter.close();
    this.current = null;
  }
}

/** A transporter and the messages it has in hand, counted so that a replaced one is closed only once they are done. */
interface Held {
  address: string;
  transporter: Transporter<SMTPSentMessageInfo>;
  sending: number;
  retired: boolean;
}

function retire(held: Held): void {
  held.retired = true;
  if (held.sending === 0) held.transporter.close();
}
