// The web app shows no field error in the API's English: it turns each kind of server sentence into a catalogue
// message (apps/web/src/lib/field-messages.ts). This holds the two sides together: every message the gateway's
// input classes can answer must be of a kind the web app knows, so a new decorator (or one left on class-validator's
// default "should not be empty") fails here instead of reaching a person untranslated.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage, type ValidationArguments } from 'class-validator';
import { classifyFieldMessage } from '../apps/web/src/lib/field-messages';

// Checks of a type GraphQL has already enforced before validation runs (a String argument is a string, a DateTime
// one a Date or a coercion error): they cannot fail through the API, so their default messages never reach anyone.
const ENFORCED_BY_GRAPHQL = new Set(['isString', 'isInt', 'isBoolean', 'isArray', 'isEnum', 'isObject', 'isDate']);

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.(inputs|args)\.ts$/.test(entry.name)) yield path;
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
  const classes = [...sources(root)].flatMap((file) =>
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
