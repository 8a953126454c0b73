import { join } from 'node:path';

export const DEFAULT_MAIL_FROM = 'Credential requests <no-reply@localhost>';

export interface MailerConfig {
  /** `smtp://…` or `smtps://…`; unset: .eml files in `mailDir`. */
  smtpUrl?: string | null;
  from?: string | null;
  /** Where the file transport writes; defaults to `$DATA_DIR/mail`. */
  mailDir?: string | null;
  /**
   * Keep up to this many SMTP connections open and reuse them (the worker: servers pause before their greeting —
   * smtp-server 100 ms, postscreen longer — so a connection per message caps throughput). Unset: one per message.
   */
  smtpPool?: number;
}

/** Reads SMTP_URL, MAIL_FROM and DATA_DIR (ARCHITECTURE.md "Configuration"). */
export function mailerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Required<Omit<MailerConfig, 'smtpPool'>> {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  const dataDir = env.DATA_DIR?.trim() || './data';
  return {
    smtpUrl,
    from: env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM,
    mailDir: join(dataDir, 'mail'),
  };
}

/** PUBLIC_URL, the base of every e-mail link; defaults to `http://localhost:$PORT`. */
export function publicUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.PUBLIC_URL?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  return `http://localhost:${env.PORT?.trim() || '3000'}`;
}
