import i18next from 'i18next';
import { en } from './en';
import { ptBR } from './pt-BR';

describe('counts in the requests catalogue', () => {
  const t = async (lng: string) => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng, resources: { en: { requests: en }, 'pt-BR': { requests: ptBR } }, ns: ['requests'] });
    return (count: number) => i18n.t('requests:remove.usedBy', { count });
  };

  // CLDR puts 0 in Portuguese's "one": without a _zero form a connection nobody uses read "usada por 0 cenário".
  it('says a connection no scenario uses in words, in both languages', async () => {
    const pt = await t('pt-BR');
    expect([pt(0), pt(1), pt(2)]).toEqual([
      'ainda não usada por nenhum cenário',
      'usada por 1 cenário',
      'usada por 2 cenários',
    ]);
    const english = await t('en');
    expect([english(0), english(1), english(2)]).toEqual([
      'used by no scenario yet',
      'used by 1 scenario',
      'used by 2 scenarios',
    ]);
  });
});

describe('every count that can be 0 has its own words in Portuguese', () => {
  // A history always holds the request's creation: never 0 events. A range is said of a page with rows only.
  const NEVER_ZERO = ['historyVerified', 'list.range'];
  const counted = (node: object, at = ''): string[] =>
    Object.entries(node).flatMap(([key, value]) =>
      typeof value === 'object' && value !== null
        ? counted(value as object, `${at}${key}.`)
        : key.endsWith('_one')
          ? [`${at}${key.slice(0, -'_one'.length)}`]
          : [],
    );
  const has = (path: string) =>
    path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], ptBR);

  it('finds the counts (the scan reads the catalogue)', () => {
    expect(counted(ptBR)).toEqual(expect.arrayContaining(['list.total', 'remove.usedBy']));
  });

  it('gives each a _zero form: CLDR says "0 solicitação" in Portuguese', async () => {
    const without = counted(ptBR).filter(
      (key) => !NEVER_ZERO.some((never) => key.endsWith(never)) && typeof has(`${key}_zero`) !== 'string',
    );
    expect(without).toEqual([]);
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'pt-BR', resources: { 'pt-BR': { requests: ptBR } }, ns: ['requests'] });
    expect([0, 1, 2].map((count) => i18n.t('requests:list.total', { count }))).toEqual([
      'Nenhuma solicitação',
      '1 solicitação',
      '2 solicitações',
    ]);
  });
});
