// The gateway refuses an operation (FORBIDDEN, CONFLICT, NOT_FOUND …) with an English sentence written for API
// clients. People read it in their language: each sentence the service writes is one of the catalogue's messages
// (namespace "common", `operationErrors.<kind>`), with the app or the seconds it names. A sentence of no known kind
// is shown as the server wrote it: `operation-messages.spec.ts` reads the service's sources so that none of
// today's sentences is one.

type Rule = [pattern: RegExp, key: string];

const RULES: Rule[] = [
  [/changed this at the same time/, 'concurrent'],
  [/^The request already exists/, 'requestExists'],
  [/^The organization already exists/, 'organizationExists'],
  [/^The team already exists/, 'teamExists'],
  [/^The user has not applied/, 'notApplied'],
  [/idempotency key was used with a different request/, 'idempotency'],
  [/^The access to (?<app>.+) has not reached its end date/, 'accessNotEnded'],
  [/^The app (?<app>\S+) is [A-Z_]+; .+ is not possible/, 'appChanged'],
  [/^The app (?<app>\S+) is not part of this request/, 'appNotInRequest'],
  [/^The connection of (?<app>.+) is not refreshable/, 'notRefreshable'],
  [/^Connections are refreshed by the system only/, 'systemOnly'],
  [/^Credential requests are not enabled for you/, 'featureNotEnabled'],
  [/plan does not include credential requests/, 'planNotEligible'],
  [/^An organization needs an owner/, 'needsOwner'],
  [/^Guests cannot create credential requests/, 'guestsCannotCreate'],
  [/^Only organization admins and owners may ask external people/, 'externalAdminsOnly'],
  [/^Team members may only ask members of the same team/, 'sameTeamOnly'],
  [/hourly limit of e-mails to outside addresses; try again in (?<minutes>\d+) min/, 'outsideMailLimit'],
  [/^Nobody changes their own role/, 'ownRole'],
  [/^Only auditors|^Only organization or team admins see the audit trail/, 'auditorsOnly'],
  [/^Only organization owners and admins may do this/, 'orgAdminsOnly'],
  [/^Only organization owners\/admins or team admins may manage team members/, 'teamAdminsOnly'],
  [/^Only owners may appoint/, 'ownersOnly'],
  [/^Only support staff|^support staff only/, 'supportOnly'],
  [/^Only the recipient may do this/, 'recipientOnly'],
  [/^Only the requester or a team admin may ask for reauthorization/, 'reauthorizeOnly'],
  [/^Only the requester, the recipient or organization admins may delete/, 'deleteOnly'],
  [/^Sign in with the verified e-mail address the invitation was sent to/, 'invitationOtherAddress'],
  [/^This invitation was accepted by another account/, 'invitationTaken'],
  [/^You do not administer this team/, 'notTeamAdmin'],
  [/^You must be a member of the team to send requests/, 'notTeamMember'],
  [/^Credential request not found/, 'requestNotFound'],
  [/^Invitation not found/, 'invitationNotFound'],
  [/^Organization not found/, 'organizationNotFound'],
  [/^Team not found/, 'teamNotFound'],
  [/^User not found/i, 'userNotFound'],
  [/^Webhook not found/, 'webhookNotFound'],
  [/^Sign in to /, 'signIn'],
  [/^your session has ended/i, 'sessionEnded'],
  // The gateway's UNAUTHENTICATED, written for API clients ("send Authorization: Bearer <token>"): still on screen
  // after signing in again in another tab, it says what happened to the action, not how to send a token.
  [/^authentication required/, 'notSignedIn'],
  [/carries no usable e-mail/, 'noEmail'],
  [/belongs to another identity/, 'otherIdentity'],
  [/e-mail address is not verified: verify it/i, 'unverified'],
  [/^Too many failed attempts; try again in (?<seconds>\d+) s/, 'rateLimitedFor'],
  [/^Too many attempts/, 'rateLimited'],
  // Said with its reason by localizeOperationMessage (UNAVAILABLE below); here for the kind alone.
  [/^The app could not check the credentials right now/, 'verificationUnavailable'],
];

// An app's error (RequestedApp.error, a connection's last error) when the service wrote it: an OAuth2 grant or
// refresh it could not use. Apart from the refusals: an API's own reason for refusing a key is the app's words, and
// shown as they came even when they happen to read like one of ours ("Sign in to …").
const APP_ERRORS: Rule[] = [
  [/^The provider did not grant access/, 'appNotGranted'],
  [/^The grant is missing these scopes: (?<scopes>.+?)\.?$/, 'appMissingScopes'],
  [/^The account used is not from (?<domain>[^;\s]+);/, 'appWrongDomain'],
  [/^The provider refused the grant/, 'appGrantRefused'],
  [/^No tokens are stored for this connection/, 'appNoTokens'],
  [/^The access token expired and the provider gave no refresh token/, 'appNoRefreshToken'],
  [/^The provider refused to refresh the token/, 'appRefreshRefused'],
];

// R2.1's reasons, listed after "Not eligible: " and joined by "; " (libs/domain eligibility and the user decider).
const ELIGIBILITY: Rule[] = [
  [/no ENTERPRISE organization/, 'noEligibleOrganization'],
  [/not a corporate address/, 'notCorporate'],
  [/not verified/, 'unverifiedEmail'],
];

// The app could not say yes or no to a key (libs/vault verify-credentials: a timeout, no connection, a 5xx), and why.
const UNAVAILABLE = /^The app could not check the credentials right now(?: \((.+)\))?\./;
const UNAVAILABLE_REASONS: Rule[] = [
  [/^timed out$/, 'verificationReason.timedOut'],
  [/^network error$/, 'verificationReason.networkError'],
  [/^the app answered (?<status>.+)$/, 'verificationReason.answered'],
];

type T = (key: string, options?: Record<string, unknown>) => string;

function classify(rules: Rule[], message: string): { key: string; values: Record<string, string> } | null {
  for (const [pattern, key] of rules) {
    const match = pattern.exec(message);
    if (match) return { key, values: { ...match.groups } };
  }
  return null;
}

/** The catalogue key that says `message`, and the values it names (`app`, `seconds`), if it is a known sentence. */
export const classifyOperationMessage = (message: string) => classify(RULES, message);

/** The same for an app's error: only the sentences the service writes there. */
export const classifyAppError = (message: string) => classify(APP_ERRORS, message);

/** `message` through the catalogue's sentence for `rules`' match, else as it came. */
function say(rules: Rule[], message: string, t: T): string {
  const known = classify(rules, message);
  return known ? t(`common:operationErrors.${known.key}`, known.values) : message;
}

/** An app's error in the reader's language through `t`, else as it came (the app's own words). */
export const localizeAppError = (message: string, t: T): string => say(APP_ERRORS, message, t);

/** `message` in the reader's language through `t` (keys `operationErrors.*` of "common"), else as it came. */
export function localizeOperationMessage(message: string, t: T): string {
  const eligibility = /^Not eligible: (.+?)\.?$/.exec(message);
  if (eligibility) {
    const reasons = eligibility[1].split('; ').map((reason) => {
      const rule = ELIGIBILITY.find(([pattern]) => pattern.test(reason));
      return rule ? t(`common:operationErrors.eligibility.${rule[1]}`) : reason;
    });
    return t('common:operationErrors.notEligible', { reasons: reasons.join('; ') });
  }
  const unavailable = UNAVAILABLE.exec(message);
  if (unavailable) {
    const reason = unavailable[1];
    return reason
      ? t('common:operationErrors.verificationUnavailableBecause', { reason: say(UNAVAILABLE_REASONS, reason, t) })
      : t('common:operationErrors.verificationUnavailable');
  }
  return say(RULES, message, t);
}
