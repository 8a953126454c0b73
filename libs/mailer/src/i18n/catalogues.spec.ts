import { en, type Messages } from './messages.en';
import { catalogues, countOf, formatDate, mailLanguage, MAIL_LANGUAGES, translate } from './translate';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** What a catalogue lacks or adds compared with English, and where its placeholders differ. */
function catalogueProblems(catalogue: Partial<Messages> & Record<string, string>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(en) as (keyof Messages)[]) {
    const message = catalogue[key];
    if (typeof message !== 'string' || message.trim() === '') problems.push(`missing ${key}`);
    else if (placeholders(message).join() !== placeholders(en[key]).join()) problems.push(`placeholders of ${key}`);
  }
  for (const key of Object.keys(catalogue)) if (!(key in en)) problems.push(`unknown ${key}`);
  return problems;
}

describe('e-mail message catalogues (issue 10: English and Portuguese (Brazil))', () => {
  it.each(MAIL_LANGUAGES)('%s has every key of English, each with the same placeholders', (language) => {
    expect(catalogueProblems(catalogues[language])).toEqual([]);
  });

  it('the check fires on a missing key, a lost placeholder and an unknown key', () => {
    const { 'reminder.body': _gone, ...missing } = catalogues.PT_BR;
    void _gone;
    expect(catalogueProblems(missing)).toEqual(['missing reminder.body']);
    expect(catalogueProblems({ ...catalogues.PT_BR, 'appDeclined.body': '{recipient} recusou.' })).toEqual([
      'placeholders of appDeclined.body',
    ]);
    expect(catalogueProblems({ ...catalogues.PT_BR, 'x.y': 'z' })).toEqual(['unknown x.y']);
  });

  it('Portuguese is translated, with the help page’s words', () => {
    const same = (Object.keys(en) as (keyof Messages)[]).filter((k) => catalogues.PT_BR[k] === en[k]);
    expect(same).toEqual(['layout.link']); // "Link" is the same word in both
    expect(catalogues.PT_BR['action.openCredentialRequests']).toContain('Solicitações de credenciais');
    expect(catalogues.PT_BR['reauthorizationRequested.subject']).toContain('reautorize');
    expect(catalogues.PT_BR['appDeclined.subject']).toContain('recusou');
  });

  it('fills placeholders once: a value that looks like a placeholder stays as typed', () => {
    expect(translate('EN', 'appDeclined.subject', { recipient: '{app}', app: 'Slack', request: '{request}' })).toBe(
      '{app} declined Slack: {request}',
    );
  });

  it('counts and dates follow the language', () => {
    expect(countOf('EN', 'reminder.days.one', 'reminder.days.other', 1)).toBe('1 day');
    expect(countOf('PT_BR', 'reminder.days.one', 'reminder.days.other', 3)).toBe('3 dias');
    expect(formatDate('2027-01-31T12:00:00Z', 'EN')).toBe('January 31, 2027 at 12:00 PM UTC');
    expect(formatDate('2027-01-31T12:00:00Z', 'PT_BR')).toBe('31 de janeiro de 2027 às 12:00 UTC');
    expect(formatDate('not a date', 'PT_BR')).toBe('not a date');
  });

  it('an absent or unknown language is English', () => {
    expect([undefined, null, 'FR', 'pt-BR'].map(mailLanguage)).toEqual(['EN', 'EN', 'EN', 'EN']);
    expect(mailLanguage('PT_BR')).toBe('PT_BR');
  });
});
