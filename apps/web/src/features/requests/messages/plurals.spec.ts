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
