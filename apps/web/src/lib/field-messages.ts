// The gateway's field errors are English sentences written for API clients ("termsAccepted must be true"). People
// read them next to the field, in their language: each known kind of sentence becomes one of the catalogue's
// messages (namespace "common", `fieldErrors`), which speak to the person and never name an internal field. A
// sentence of no known kind (the catalog's reason why an app is unavailable, say) is shown as the server wrote it.

export type FieldMessageKey =
  | 'duplicateApp'
  | 'future'
  | 'dateTime'
  | 'terms'
  | 'modules'
  | 'apps'
  | 'recipientChoice'
  | 'domain'
  | 'characters'
  | 'length'
  | 'tooLong'
  | 'required'
  | 'email'
  | 'unknownChoice'
  | 'language'
  | 'webhookHttps'
  | 'webhookCredentials'
  | 'webhookPublic'
  | 'self'
  | 'notMember';

type Rule = [pattern: RegExp, key: FieldMessageKey];

// First match wins: the specific kinds come before the general ones ("The recipient e-mail is required" is a
// missing value, not a malformed address; "A reason of 1 to 256 characters is required" is a length).
const RULES: Rule[] = [
  // A webhook's URL (libs/webhooks: R13.3), before the general kinds.
  [/^not a URL$|^must be http\(s\)$|^must use https$/, 'webhookHttps'],
  [/^credentials in the URL/, 'webhookCredentials'],
  [/^must not point at|resolve to public addresses|^host does not resolve$/, 'webhookPublic'],
  // Whom a request asks (libs/domain create-request).
  [/^You cannot ask yourself/, 'self'],
  [/^The (recipient|user) is not a member of the organization/, 'notMember'],
  [/appears more than once/, 'duplicateApp'],
  [/must be in the future/, 'future'],
  [/not a valid date-time/, 'dateTime'],
  [/terms/i, 'terms'],
  [/at least one module|modules must not be empty|module keys must not be empty/, 'modules'],
  [/at least one app|apps must list/, 'apps'],
  [/^Give (a|either a) userId/, 'recipientChoice'],
  [/domain name/, 'domain'],
  [/Unicode|must not contain|line break|U\+[0-9A-F]{4}/, 'characters'],
  [/1 ?(to|–|-) ?\d+ characters/, 'length'],
  [/at most \d+ characters/, 'tooLong'],
  [/must not be empty|(is|are) required|was not provided|must not be null/, 'required'],
  [/e-mail/, 'email'],
  [/^Unknown |not a value of the|must be 1 or more/, 'unknownChoice'],
  [/EN or PT_BR/, 'language'],
];

/** Which catalogue message says `message`, and the largest number it names (a length limit), if any. */
export function classifyFieldMessage(message: string): { key: FieldMessageKey; max: number | null } | null {
  const rule = RULES.find(([pattern]) => pattern.test(message));
  if (!rule) return null;
  const numbers = (message.match(/\d+/g) ?? []).map(Number);
  return { key: rule[1], max: numbers.length > 0 ? Math.max(...numbers) : null };
}

/** `message` in the reader's language through `t` (keys `fieldErrors.<kind>` of "common"), else as it came. */
export function localizeFieldMessage(
  message: string,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  const kind = classifyFieldMessage(message);
  if (!kind) return message;
  return t(`common:fieldErrors.${kind.key}`, { max: kind.max });
}
