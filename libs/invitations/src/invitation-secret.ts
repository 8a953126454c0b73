import { readOrCreateSecret } from '@libs/auth';

/** `INVITATION_SECRET`, or (embedded) a secret generated once into `$DATA_DIR`, like the JWT secret. */
export function invitationSecretFromEnv(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.INVITATION_SECRET?.trim();
  if (configured) return configured;
  return readOrCreateSecret(dataDir, 'invitation-secret').value;
}
