import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LoadedInvitationSecret {
  secret: string;
  /** For the caller to log: a development secret from `dataDir` is in use. */
  warning?: string;
}

/**
 * `INVITATION_SECRET` when set. Otherwise, outside production, a secret generated once into
 * `<dataDir>/invitation.secret` (so links in sent e-mails keep working across restarts); in production, an error.
 */
export function loadInvitationSecret(options: {
  env: Record<string, string | undefined>;
  dataDir: string;
  production: boolean;
}): LoadedInvitationSecret {
  const configured = options.env.INVITATION_SECRET?.trim();
  if (configured) {
    if (configured.length < 32) throw new Error('INVITATION_SECRET: use at least 32 characters');
    return { secret: configured };
  }
  if (options.production) throw new Error('INVITATION_SECRET is required in production (at least 32 characters)');
  const file = join(options.dataDir, 'invitation.secret');
  let secret: string;
  try {
    secret = readFileSync(file, 'utf8').trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    mkdirSync(options.dataDir, { recursive: true });
    secret = randomBytes(32).toString('base64url');
    try {
      writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      secret = readFileSync(file, 'utf8').trim();
    }
  }
  return {
    secret,
    warning: `INVITATION_SECRET is not set: using a development secret from ${file}. Set INVITATION_SECRET in production.`,
  };
}
