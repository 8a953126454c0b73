import { randomBytes } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type StreamSentMessageInfo, type Transporter } from 'nodemailer';
import { toNodemailerMessage } from './compose';
import { MailDeliveryError } from './mail-error';
import type { Mailer, OutgoingMail, SentMail } from './mailer.port';
import { messageKeyDigest } from './message-id';

export interface FileMailerOptions {
  dir: string;
  from: string;
}

/**
 * Development transport when SMTP_URL is unset: each message is an RFC 822 `.eml` file any mail client opens.
 * Named after the message key, so a retried job overwrites its file instead of leaving a duplicate; written to a
 * temporary name and renamed, so a reader never sees half a message. Files are mode 0600 (the directory 0700 when
 * created here): an invitation link in a message is as good as the invitation.
 */
export class FileMailer implements Mailer {
  readonly transport = 'file' as const;
  private readonly transporter: Transporter<StreamSentMessageInfo>;
  /** The directory, created once per process (a mkdir per message was a tenth of the worker's time per mail). */
  private dirReady?: Promise<unknown>;

  constructor(private readonly options: FileMailerOptions) {
    this.transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const name = mail.messageId ? messageKeyDigest(mail.messageId) : `${Date.now()}-${randomBytes(6).toString('hex')}`;
    const path = join(this.options.dir, `${name}.eml`);
    const temp = join(this.options.dir, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      const info = await this.transporter.sendMail(toNodemailerMessage(mail, this.options.from));
      if (!Buffer.isBuffer(info.message)) throw new Error('stream transport did not return a buffer');
      // Mail holds invitation links (a token): readable by the service's user only.
      this.dirReady ??= mkdir(this.options.dir, { recursive: true, mode: 0o700 });
      await this.dirReady.catch((error: unknown) => {
        this.dirReady = undefined; // tried again with the next message
        throw error;
      });
      // Synchronous on purpose: a few kilobytes to a local file take microseconds, while the promise API's open,
      // write, close and rename, each a thread-pool round trip, were a sixth of the worker's CPU per e-mail (issue 12).
      writeFileSync(temp, info.message, { mode: 0o600 });
      renameSync(temp, path);
      mail.onHandOver?.();
      return { transport: 'file', messageId: info.messageId, accepted: [mail.to], rejected: [], path };
    } catch (error) {
      // The directory went away (removed while running): made again for the next message.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') this.dirReady = undefined;
      await rm(temp, { force: true });
      throw MailDeliveryError.from(error);
    }
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}
