// The web app shows no field error in the API's English: it turns each kind of server sentence into a catalogue
// message (apps/web/src/lib/field-messages.ts). This holds the two sides together: every message the gateway's
// input classes can answer must be of a kind the web app knows, so a new decorator (or one left on class-validator's
// default "should not be empty") fails here instead of reaching a person untranslated.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage, type ValidationArguments } from 'class-validator';
import { LIMITS } from '@libs/domain';
import { classifyFieldMessage } from '../apps/web/src/lib/field-messages';
import { LIMITS as WEB_LIMITS } from '../apps/web/src/lib/limits';

// Checks of a type GraphQL has already enforced before validation runs (a String argument is a string, a DateTime
// one a Date or a coercion error): they cannot fail through the API, so their default messages never reach anyone.
const ENFORCED_BY_GRAPHQL = new Set(['isString', 'isInt', 'isBoolean', 'isArray', 'isEnum', 'isObject', 'isDate']);

function* files(dir: string, keep: (name: string) => boolean): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path, keep);
    else if (keep(entry.name)) yield path;
  }
}

type InputClass = abstract new (...args: never[]) => unknown;

function messagesOf(target: InputClass): { where: string; message: string | null }[] {
  return getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .filter((m) => (m.type === 'customValidation' || m.type === 'isDefined') && !ENFORCED_BY_GRAPHQL.has(m.name ?? ''))
    .map((m) => {
      const args = { property: m.propertyName, constraints: m.constraints ?? [], value: undefined, object: {} };
      const message = typeof m.message === 'function' ? m.message(args as ValidationArguments) : (m.message ?? null);
      return { where: `${target.name}.${m.propertyName} (${m.name ?? m.type})`, message };
    });
}

describe('field messages: every sentence of the gateway inputs has a message in the web app', () => {
  const root = join(__dirname, '..', 'apps', 'gateway', 'src');
  // Loaded by path: the point is to see every such file, including one added after this test was written.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = (file: string) => require(file) as Record<string, unknown>;
  const classes = [...files(root, (name) => /\.(inputs|args)\.ts$/.test(name))].flatMap((file) =>
    Object.values(load(file)).filter((v): v is InputClass => typeof v === 'function'),
  );
  const found = classes.flatMap(messagesOf);

  it('reads the input and argument classes (a check over nothing would pass)', () => {
    expect(classes.length).toBeGreaterThanOrEqual(10);
    expect(found.length).toBeGreaterThanOrEqual(25);
  });

  it('gives each constraint its own message, of a kind the web app translates', () => {
    const unknown = found.filter((f) => f.message === null || classifyFieldMessage(f.message) === null);
    expect(unknown).toEqual([]);
  });

  it('fails for a sentence of no known kind (the check can fail)', () => {
    expect(classifyFieldMessage('name should not be empty')).toBeNull();
  });
});

// The domain's own field errors (its policies and deciders: `fail(path, …)`, `badInput(path, …)`), read from the
// source so that a new one is seen. Some can only come from an API client, never from the web app's pages: they are
// named here with the reason, and stay in English for the client that caused them.
const API_ONLY = new Map<RegExp, string>([
  [/OAuth2/, 'the pages offer refresh and reauthorization for OAuth2 apps only, and Authorize picks the right flow'],
  [/is not available: /, "the catalog's own reason, shown as written (the picker lists available apps only)"],
  [/removeAccessUntil, not both/, 'the Update dialog sends a new end date or removeAccessUntil, never both (R12.4)'],
]);

describe("field messages: the domain's field errors", () => {
  const sentences = [
    ...files(join(__dirname, '..', 'libs', 'domain', 'src'), (name) => /(?<!\.spec)\.ts$/.test(name)),
  ].flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    // `fail(path, '…')`, `badInput(path, '…')`, a list's `{ path: …, message: '…' }` and a policy's
    // `code: 'BAD_USER_INPUT', message: '…'`.
    return [
      ...source.matchAll(/\b(?:fail|badInput)\(\s*[^,()]+,\s*(['`])((?:(?!\1).)*)\1/g),
      ...source.matchAll(/\{ path: [^,{}]+, message: (['`])((?:(?!\1).)*)\1/g),
      ...source.matchAll(/code: 'BAD_USER_INPUT', message: (['`])((?:(?!\1).)*)\1/g),
    ].map((m) =>
      // A template's values (limits, names) as a number: the kind, not the value, is what is classified.
      m[2].replace(/\$\{[^}]*\}/g, '100'),
    );
  });

  it('finds them in the source (a check over nothing would pass)', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(20);
    expect(sentences).toContain('You cannot ask yourself.');
    expect(sentences).toContain('The recipient is not a member of the organization.');
  });

  it('are each of a kind the web app translates, or named as reachable from API clients only', () => {
    const unknown = sentences.filter(
      (s) => classifyFieldMessage(s) === null && ![...API_ONLY.keys()].some((pattern) => pattern.test(s)),
    );
    expect(unknown).toEqual([]);
  });
});

describe('field lengths: the web app counts and limits with the server’s numbers', () => {
  it('gives every length of the web app’s forms the domain’s value (R4.1, R13.1)', () => {
    const web = Object.entries(WEB_LIMITS);
    expect(web.length).toBeGreaterThan(0);
    expect(Object.fromEntries(web.map(([field]) => [field, LIMITS[field as keyof typeof LIMITS]]))).toEqual(WEB_LIMITS);
  });
});
