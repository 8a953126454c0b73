export { invitationToken, invitationTokenHash } from './invitation-token';
export { invitationSecretFromEnv } from './invitation-secret';
