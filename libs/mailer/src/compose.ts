import type { SendMailOptions } from 'nodemailer';
import { domainOf, messageIdFor } from './message-id';
import type { OutgoingMail } from './mailer.port';

/** The nodemailer message both transports send, so SMTP and .eml carry byte-for-byte the same headers. */
export function toNodemailerMessage(mail: OutgoingMail, from: string): SendMailOptions {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    ...(mail.messageId ? { messageId: messageIdFor(mail.messageId, domainOf(from)) } : {}),
  };
}
