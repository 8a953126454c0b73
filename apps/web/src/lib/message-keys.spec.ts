import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { en as common } from '../app/messages/en';
import { en as auditLog } from '../features/audit-log/messages/en';
import { en as directory } from '../features/directory/messages/en';
import { en as featureAccess } from '../features/feature-access/messages/en';
import { en as requests } from '../features/requests/messages/en';
import { en as webhooks } from '../features/webhooks/messages/en';

// pt-BR is typed after en, so the two catalogues hold the same keys; nothing checks that a key the code asks for is
// in them. i18next shows a missing one as the key itself ("create.planNotEligibleAdmin" on the page), so every key
// written out in a call is looked up here: in the namespace the call names, else in one the file's components use.
const CATALOGUES: Record<string, object> = { common, auditLog, directory, featureAccess, requests, webhooks };
const SRC = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'gql' || entry === 'messages' ? [] : sources(path);
    return /\.tsx?$/.test(entry) && !entry.endsWith('.spec.ts') ? [path] : [];
  });
}

/** A key is there as itself, or as the plural forms i18next picks from (`total` → `total_one`, `total_other`). */
function has(catalogue: object, key: string): boolean {
  const parts = key.split('.');
  const last = parts.pop() as string;
  let node: unknown = catalogue;
  for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
  if (!node || typeof node !== 'object') return false;
  const record = node as Record<string, unknown>;
  return typeof record[last] === 'string' || typeof record[`${last}_other`] === 'string';
}

interface Asked {
  file: string;
  key: string;
  ns: string | null;
}

/** Keys written out in `t(…)` calls: `t('a.b')`, `t('ns:a.b')`, `t('a.b', { ns: 'x' })`, `t(c(x) ? 'a.b' : 'c.d')`. */
function asked(file: string, text: string): Asked[] {
  const found: Asked[] = [];
  const call =
    /\bt\(\s*(?:(?:[\w.!]|\([^()]*\))+\s*\?\s*)?'([^'$]+)'(?:\s*:\s*'([^'$]+)')?(\s*,\s*\{[^}]*?\bns:\s*'(\w+)')?/g;
  for (const m of text.matchAll(call)) {
    for (const literal of [m[1], m[2]]) {
      if (!literal) continue;
      const [ns, key] = literal.includes(':') ? literal.split(':') : [m[4] ?? null, literal];
      found.push({ file, key, ns });
    }
  }
  return found;
}

describe('every message key the web app asks for is in the catalogue', () => {
  const files = sources(SRC);
  // Comments name keys as examples ("`t('key', { ns })`"): only code asks.
  const code = (file: string) =>
    readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
  const texts = new Map(files.map((file) => [relative(SRC, file), code(file)]));
  const calls = [...texts].flatMap(([file, text]) => asked(file, text));
  /** The namespaces a key without one may be in: those the file's components use, and `common`. */
  const namespacesOf = (text: string): string[] =>
    // A component told its namespace by its caller (OperationError): the key is in one of them at least.
    /useTranslation\(\s*namespace\b/.test(text)
      ? Object.keys(CATALOGUES)
      : [...[...text.matchAll(/useTranslation\(\s*'(\w+)'/g)].map((m) => m[1]), 'common'];

  it('reads the calls (the scan finds what it looks for)', () => {
    expect(calls.length).toBeGreaterThan(300);
    expect(calls).toContainEqual({
      file: 'features/requests/routes/CreateRequestPage.tsx',
      key: 'create.planNotEligibleAdmin',
      ns: null,
    });
    // A choice whose condition calls something.
    expect(calls).toContainEqual({ file: 'app/SignInPage.tsx', key: 'signIn.introInvitation', ns: null });
  });

  it('finds each key in the namespace it names, or in one its file uses', () => {
    const missing = calls.filter(({ file, key, ns }) => {
      const candidates = ns ? [ns] : namespacesOf(texts.get(file) as string);
      return !candidates.some((name) => CATALOGUES[name] && has(CATALOGUES[name], key));
    });
    expect(missing).toEqual([]);
  });

  it('would see a key that is not there', () => {
    expect(has(requests, 'create.planNotEligible')).toBe(true);
    expect(has(requests, 'list.total')).toBe(true);
    expect(has(requests, 'create.noSuchMessage')).toBe(false);
  });
});
