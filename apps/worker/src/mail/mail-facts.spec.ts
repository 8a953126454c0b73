import { localizedModules, type MailAppFacts, type ModuleNamer } from './mail-facts';

const names: ModuleNamer = (appKey, version, key, language) =>
  appKey === 'crm' && version === 1 && key === 'list' && language === 'PT_BR' ? 'Listar' : undefined;
const app: MailAppFacts = {
  appKey: 'crm',
  appName: 'CRM',
  version: 1,
  moduleKeys: ['list', 'gone'],
  modules: ['List', 'Gone'],
};

describe('module names in the addressee’s language (issue 10)', () => {
  it('names the request’s and the event’s app modules from the catalog, keeping a name it does not know', () => {
    const data = { request: { requestId: 'r', apps: [app] }, app, language: 'PT_BR' };
    const out = localizedModules(data, 'PT_BR', names);
    expect((out.request as { apps: MailAppFacts[] }).apps[0].modules).toEqual(['Listar', 'Gone']);
    expect((out.app as MailAppFacts).modules).toEqual(['Listar', 'Gone']);
    expect(data.app.modules).toEqual(['List', 'Gone']);
  });

  it('leaves a job queued before module keys were carried as it was', () => {
    const old = { appKey: 'crm', appName: 'CRM', modules: ['List'] };
    expect(localizedModules({ app: old }, 'PT_BR', names)).toEqual({ app: old });
  });
});
