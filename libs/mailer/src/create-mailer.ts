import { DEFAULT_MAIL_FROM, type MailerConfig } from './config';
import { FileMailer } from './file-mailer';
import type { Mailer } from './mailer.port';
import { SmtpMailer } from './smtp-mailer';

/** SMTP when a URL is configured, otherwise .eml files (ARCHITECTURE.md "Configuration"). */
export function createMailer(config: MailerConfig): Mailer {
  const from = config.from?.trim() || DEFAULT_MAIL_FROM;
  if (config.smtpUrl) return new SmtpMailer({ url: config.smtpUrl, from, pool: config.smtpPool });
  return new FileMailer({ dir: config.mailDir ?? './data/mail', from });
}
