import { createHash } from 'node:crypto';

const RFC_MESSAGE_ID = /^<[^<>\s@]+@[^<>\s@]+>$/;

/**
 * A deterministic Message-ID from the caller's dedupe key (`<eventId>:<kind>:<addressee>`), so a retried job
 * sends the same id and receivers can drop the duplicate. The key is hashed: it holds an e-mail address and
 * characters a Message-ID may not contain. A value already shaped like `<local@domain>` is kept as it is.
 */
export function messageIdFor(key: string, domain: string): string {
  if (RFC_MESSAGE_ID.test(key)) return key;
  return `<${messageKeyDigest(key)}@${domain}>`;
}

/** The same digest names the .eml file, so re-sending a key overwrites its file instead of adding one. */
export function messageKeyDigest(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 40);
}

/** The domain of MAIL_FROM (`Name <user@domain>` or `user@domain`), for our Message-IDs. */
export function domainOf(address: string): string {
  const match = /@([^\s<>@]+)>?\s*$/.exec(address.trim());
  return match ? match[1].toLowerCase() : 'localhost';
}
