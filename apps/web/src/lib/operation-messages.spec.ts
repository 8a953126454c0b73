import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { en } from '../app/messages/en';
import { ptBR } from '../app/messages/pt-BR';
import {
  classifyAppError,
  classifyOperationMessage,
  localizeAppError,
  localizeOperationMessage,
} from './operation-messages';

const ROOT = join(__dirname, '../../../..');

/** A value for a template's `${…}` as the service fills it in. */
const SAMPLE = (expression: string) =>
  /status/.test(expression)
    ? 'REVOKED'
    : /action/.test(expression)
      ? 'AUTHORIZE'
      : /why/.test(expression)
        ? ''
        : /seconds/i.test(expression)
          ? '42'
          : 'crm';

/** The sentences `pattern` finds (its second group) in the sources under `dir`, templates filled in as the service would. */
function sentencesIn(dir: string, pattern: RegExp): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...sentencesIn(path, pattern));
    else if (entry.endsWith('.ts') && !entry.endsWith('.spec.ts')) {
      // A template's optional part written as a nested template (`${why ? ` (${why})` : ''}`): read without it.
      const text = readFileSync(path, 'utf8').replace(/\$\{[^`{}]*`[^`]*`[^}]*\}/g, '');
      for (const m of text.matchAll(pattern)) {
        found.push(m[2].replace(/\$\{([^}]+)\}/g, (_, expression: string) => SAMPLE(expression)));
      }
    }
  }
  return found;
}

/**
 * Every literal sentence the service refuses an operation with: `new DomainError('CODE', '…')` or a subclass's
 * `super('CODE', '…')`, a policy's verdict (`code: 'CODE', message: '…'`, thrown as it came) and a rate limit's
 * (`new RateLimitedError(wait, '…')`).
 */
const serviceSentences = (dir: string) => [
  ...sentencesIn(dir, /(?:new DomainError|super)\(\s*'(?!BAD_USER_INPUT)[A-Z_]+',\s*(['`])((?:(?!\1).)+)\1/g),
  ...sentencesIn(dir, /code: '(?!BAD_USER_INPUT)[A-Z_]+', message: (['`])((?:(?!\1).)+)\1/g),
  ...sentencesIn(dir, /new RateLimitedError\(\s*[^,()]+,\s*(['`])((?:(?!\1).)+)\1/g),
];

/** Every sentence the service writes into an app's error (RequestedApp.error): `error: '…'`. */
const appErrorSentences = (dir: string) => sentencesIn(dir, /\berror: (['`])((?:(?!\1).)+)\1/g);

const lookup = (catalogue: Record<string, unknown>) => (key: string, options?: Record<string, unknown>) => {
  const path = key.replace(/^common:/, '').split('.');
  let text = path.reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], catalogue);
  if (typeof text !== 'string') throw new Error(`no catalogue entry ${key}`);
  for (const [name, value] of Object.entries(options ?? {}))
    text = (text as string).replace(`{{${name}}}`, String(value));
  return text as string;
};

describe("an app's error in the reader language", () => {
  const sentences = appErrorSentences(join(ROOT, 'libs/application/src'));

  it('finds them (the scan itself works)', () => {
    expect(sentences).toContain('No tokens are stored for this connection.');
    expect(sentences.length).toBeGreaterThanOrEqual(7);
  });

  // An OAuth2 grant or refresh the service could not use is said to the recipient in their words, with what to do;
  // before, its English sentence reached Portuguese pages with provider codes and scope URLs.
  it('knows every one, in English and Portuguese', () => {
    expect(sentences.filter((s) => !classifyAppError(s))).toEqual([]);
    for (const sentence of sentences) {
      expect(localizeAppError(sentence, lookup(ptBR))).not.toBe(sentence);
      expect(localizeAppError(sentence, lookup(en))).not.toBe(sentence);
    }
    expect(localizeAppError('The grant is missing these scopes: Mail.Read, User.Read.', lookup(ptBR))).toBe(
      'Nem todas as permissões de que a solicitação precisa foram concedidas (faltam: Mail.Read, User.Read). A conexão precisa ser autorizada de novo, permitindo todas.',
    );
  });

  // An API's own reason is its words, even when it reads like one of our refusals.
  it("leaves an app's own words as they came", () => {
    const theirs = 'Sign in to your dashboard to create a key.';
    expect(classifyOperationMessage(theirs)).not.toBeNull();
    expect(localizeAppError(theirs, lookup(ptBR))).toBe(theirs);
  });
});

describe('refusals in the reader language', () => {
  const sentences = [...serviceSentences(join(ROOT, 'libs')), ...serviceSentences(join(ROOT, 'apps/gateway/src'))];

  it('finds the service sentences (the scan itself works)', () => {
    expect(sentences.length).toBeGreaterThan(40);
    expect(sentences).toContain('Only the recipient may do this.');
    expect(sentences).toContain('Team members may only ask members of the same team.');
    expect(sentences.some((s) => s.includes('hourly limit of e-mails to outside addresses'))).toBe(true);
    expect(sentences).toContain('The app could not check the credentials right now. Nothing was changed; try again.');
  });

  // A new refusal the service writes must get its catalogue message here, or people read it in English.
  it('knows every sentence the service writes, in English and Portuguese', () => {
    const unknown = sentences.filter((s) => !classifyOperationMessage(s) && !s.startsWith('Not eligible:'));
    expect(unknown).toEqual([]);
    for (const sentence of sentences) {
      expect(localizeOperationMessage(sentence, lookup(ptBR))).not.toBe(sentence);
      expect(localizeOperationMessage(sentence, lookup(en))).toMatch(/\S/);
    }
  });

  // Before, still on screen after signing in again elsewhere, the gateway's words for API clients, in English.
  it('says a refusal for want of a session as what happened to the action', () => {
    const said = 'authentication required: sign in, or send Authorization: Bearer <token>';
    expect(localizeOperationMessage(said, lookup(ptBR))).toMatch(/^A ação não foi concluída/);
    expect(localizeOperationMessage(said, lookup(en))).toMatch(/^This was not done/);
  });

  it('says a changed app without its key (it is shown beside the app), and keeps the seconds a limit names', () => {
    expect(localizeOperationMessage('The app crm is REVOKED; AUTHORIZE is not possible.', lookup(ptBR))).toMatch(
      /^Este app mudou/,
    );
    expect(localizeOperationMessage('Too many failed attempts; try again in 42 s.', lookup(ptBR))).toBe(
      'Muitas tentativas sem sucesso. Tente novamente em 42 segundos.',
    );
  });

  // An API key the app could not check (a timeout, no connection, a 5xx): before, said in English on every page.
  it('says why the app could not check a key, in the reader language', () => {
    expect(
      localizeOperationMessage(
        'The app could not check the credentials right now (the app answered 503 Service Unavailable). Nothing was changed; try again.',
        lookup(ptBR),
      ),
    ).toBe(
      'O app não conseguiu verificar as credenciais agora (respondeu 503 Service Unavailable). Nada foi alterado; tente novamente.',
    );
    expect(
      localizeOperationMessage(
        'The app could not check the credentials right now (timed out). Nothing was changed; try again.',
        lookup(ptBR),
      ),
    ).toBe(
      'O app não conseguiu verificar as credenciais agora (não respondeu a tempo). Nada foi alterado; tente novamente.',
    );
    expect(
      localizeOperationMessage(
        'The app could not check the credentials right now. Nothing was changed; try again.',
        lookup(ptBR),
      ),
    ).toBe('O app não conseguiu verificar as credenciais agora. Nada foi alterado; tente novamente.');
  });

  it('says each reason of a refused approval, and keeps one it does not know', () => {
    const message =
      'Not eligible: the e-mail address is not a corporate address; the e-mail address is not verified; something new.';
    expect(localizeOperationMessage(message, lookup(ptBR))).toBe(
      'Não elegível: o endereço de e-mail não é corporativo; o endereço de e-mail não foi verificado; something new.',
    );
  });

  it('shows a sentence of no known kind as the server wrote it', () => {
    const t = jest.fn(() => 'translated');
    expect(localizeOperationMessage('Something else entirely.', t)).toBe('Something else entirely.');
    expect(t).not.toHaveBeenCalled();
  });
});
