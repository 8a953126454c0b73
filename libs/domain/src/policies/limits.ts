/**
 * Every input length limit, in characters, in one place: the domain's checks and the gateway's input classes
 * both read it, so a limit and its message cannot drift apart. The rules that set them (R4.1 for a request's
 * fields) are decided where they are checked; these are only the numbers.
 */
export const LIMITS = {
  /** R4.1: a request's name. */
  name: 100,
  description: 256,
  note: 256,
  connectionName: 100,
  recipientName: 100,
  /** A decline's reason (checked by decideDeclineApp). */
  reason: 256,
  appKey: 100,
  idempotencyKey: 200,
  /** Organizations, teams and members (R13.1, R13.13). */
  organizationName: 100,
  teamName: 100,
  memberName: 100,
  /** RFC 5321's longest forward path. */
  email: 254,
  username: 512,
  password: 4096,
  apiKey: 8192,
  webhookUrl: 2048,
} as const;
