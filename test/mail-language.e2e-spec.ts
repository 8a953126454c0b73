import { bootApp, type BootedApp } from './support/app';
import { codeOf, gql, gqlOk, seedDirectory, type SeededDirectory } from './support/api';
import { captureLogs } from './support/logs';
import { createTestDatabase, type TestDatabase } from './support/postgres';
import { redisUrl, uniquePrefix } from './support/redis';
import { startVerificationServer, writeTestCatalog } from './support/requests-fixture';
import { startSmtpSink, type CapturedMail, type SmtpSink } from './support/smtp-sink';

/*
 * Issue 10 item 4: e-mails in English or Portuguese (Brazil) — a member's own choice (setLanguage), an outside
 * recipient's the language the requester picked (RecipientInput.language); English by default. Real gateway,
 * worker, PostgreSQL, Redis and an SMTP server on loopback.
 */
const JWT_SECRET = 'mail-language-test-secret-0123456789abcdef';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('e-mail language (issue 10): setLanguage and RecipientInput.language over the real app', () => {
  let db: TestDatabase;
  let sink: SmtpSink;
  let verifier: Awaited<ReturnType<typeof startVerificationServer>>;
  let booted: BootedApp;
  let dir: SeededDirectory;

  beforeAll(async () => {
    db = await createTestDatabase('mail_language');
    sink = await startSmtpSink();
    verifier = await startVerificationServer();
    booted = await bootApp(
      {
        DATABASE_URL: db.url,
        REDIS_URL: redisUrl,
        BULL_PREFIX: uniquePrefix('mail-lang'),
        SMTP_URL: sink.url,
        AUTH_JWT_SECRET: JWT_SECRET,
        APPS_CATALOG: writeTestCatalog(verifier.url),
        LOG_LEVEL: 'warn',
      },
      captureLogs('warn').logger,
    );
    dir = await seedDirectory(booted.url, JWT_SECRET, { enableFeature: true });
  }, 90_000);

  afterAll(async () => {
    await booted?.close();
    await sink?.stop();
    await new Promise((r) => verifier?.server.close(r));
    await db?.drop();
  });

  /** The first e-mail to `address` whose subject matches, waiting for the worker (no fixed sleep decides). */
  async function mailTo(address: string, subject: RegExp, timeoutMs = 30_000): Promise<CapturedMail> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const found = sink.messages.find((m) => m.envelope.to.includes(address) && subject.test(m.subject ?? ''));
      if (found) return found;
      if (Date.now() > end) {
        const seen = sink.messages.map((m) => `${m.envelope.to.join()}: ${m.subject}`);
        throw new Error(`no e-mail to ${address} matching ${subject}; received: ${JSON.stringify(seen)}`);
      }
      await sleep(50);
    }
  }
  const createRequest = (token: string, name: string, recipient: Record<string, unknown>) =>
    gql<{ createCredentialRequest: { id: string } }>(
      booted.url,
      token,
      'mutation($input: CreateCredentialRequestInput!) { createCredentialRequest(input: $input) { id } }',
      {
        input: {
          teamId: dir.teamId,
          termsAccepted: true,
          name,
          recipient,
          apps: [{ appKey: 'crm-keyed', allModules: true }],
        },
      },
    );
  const setLanguage = (token: string, language: string) =>
    gqlOk<{ setLanguage: { language: string; supportStaff: boolean; user: { id: string } } }>(
      booted.url,
      token,
      'mutation($l: Language!) { setLanguage(language: $l) { language supportStaff user { id } } }',
      { l: language },
    );

  it('an outside recipient created with language PT_BR gets the Portuguese invitation; without one, English', async () => {
    const pt = await createRequest(dir.owner.token, 'Leads de marketing', {
      name: 'Marta Gerente',
      email: 'marta@cliente.example',
      language: 'PT_BR',
    });
    expect(pt.errors).toBeUndefined();
    const en = await createRequest(dir.owner.token, 'Marketing leads', {
      name: 'Mark Manager',
      email: 'mark@client.example',
    });
    expect(en.errors).toBeUndefined();

    const invitation = await mailTo('marta@cliente.example', /convida você a compartilhar credenciais/);
    expect(invitation.subject).toBe(`${dir.owner.name} convida você a compartilhar credenciais: Leads de marketing`);
    expect(invitation.text).toContain('Olá, Marta Gerente,');
    expect(invitation.text).toMatch(/Aceitar convite: http:\/\/\S+\/invitations\/\S+/);
    expect(invitation.html).toContain('<html lang="pt-BR">');
    expect(invitation.text).not.toContain('Hello');
    // The modules as the catalog names them in Portuguese; one it does not translate keeps its English name.
    expect(invitation.text).toContain('Keyed CRM: Listar negócios, Update a Deal');
    expect(invitation.html).toContain('Listar negócios, Update a Deal');

    const english = await mailTo('mark@client.example', /invites you to share credentials/);
    expect(english.text).toContain('Hello Mark Manager,');
    expect(english.html).toContain('<html lang="en">');
    expect(english.text).toContain('Keyed CRM: List Deals, Update a Deal');
    // The API gives the page the same translations, for the catalog and for a request's modules.
    const read = await gqlOk<{ credentialRequest: { apps: { modules: unknown[] }[] } }>(
      booted.url,
      dir.owner.token,
      'query($id: ID!) { credentialRequest(id: $id) { apps { modules { key name names { language name } } } } }',
      { id: pt.data!.createCredentialRequest.id },
    );
    expect(read.credentialRequest.apps[0].modules).toEqual([
      { key: 'list-deals', name: 'List Deals', names: [{ language: 'PT_BR', name: 'Listar negócios' }] },
      { key: 'update-deal', name: 'Update a Deal', names: [] },
    ]);
    const catalog = await gqlOk<{ apps: { key: string; versions: { modules: { names: unknown[] }[] }[] }[] }>(
      booted.url,
      dir.owner.token,
      '{ apps { key versions { modules { names { language name } } } } }',
    );
    const crm = catalog.apps.find((a) => a.key === 'crm-keyed');
    expect(crm?.versions[0].modules.map((m) => m.names)).toEqual([
      [{ language: 'PT_BR', name: 'Listar negócios' }],
      [],
    ]);
  }, 60_000);

  it('a member who called setLanguage(PT_BR) gets Portuguese; the requester, who never chose, English', async () => {
    const chosen = await setLanguage(dir.member.token, 'PT_BR');
    expect(chosen.setLanguage).toEqual({ language: 'PT_BR', supportStaff: false, user: { id: dir.member.id } });
    // The same choice again changes nothing and answers the same.
    expect((await setLanguage(dir.member.token, 'PT_BR')).setLanguage.language).toBe('PT_BR');

    const created = await createRequest(dir.owner.token, 'Newsletter interna', { userId: dir.member.id });
    expect(created.errors).toBeUndefined();
    const requestId = created.data!.createCredentialRequest.id;
    const review = await mailTo(dir.member.email, /solicita suas credenciais: Newsletter interna$/);
    expect(review.text).toContain(`Olá, ${dir.member.name},`);
    expect(review.text).toContain('Revisar solicitação: ');
    expect(review.html).toContain('<html lang="pt-BR">');

    // The member declines: the requester (who never chose) is told in English.
    await gqlOk(
      booted.url,
      dir.member.token,
      'mutation($r: ID!) { declineApp(requestId: $r, appKey: "crm-keyed", reason: "Sem acesso agora") { status } }',
      { r: requestId },
    );
    const declined = await mailTo(dir.owner.email, /declined Keyed CRM: Newsletter interna$/);
    expect(declined.text).toContain('Reason:\n> Sem acesso agora');
    expect(declined.html).toContain('<html lang="en">');

    // Another member who never chose: English by default.
    const other = await createRequest(dir.owner.token, 'Default language', { userId: dir.outsider.id });
    expect(other.errors).toBeUndefined();
    const defaultMail = await mailTo(dir.outsider.email, /asks you for credentials: Default language$/);
    expect(defaultMail.text).toContain(`Hello ${dir.outsider.name},`);

    // And back to English: the next e-mail to the member follows the new choice.
    expect((await setLanguage(dir.member.token, 'EN')).setLanguage.language).toBe('EN');
    await createRequest(dir.owner.token, 'Back to English', { userId: dir.member.id });
    await mailTo(dir.member.email, /asks you for credentials: Back to English$/);
  }, 60_000);

  it('a language for an inside recipient (userId) is BAD_USER_INPUT at input.recipient.language and stores nothing', async () => {
    const count = async () =>
      (
        await gqlOk<{ sentCredentialRequests: { totalCount: number } }>(
          booted.url,
          dir.owner.token,
          'query($t: ID!) { sentCredentialRequests(teamId: $t) { totalCount } }',
          { t: dir.teamId },
        )
      ).sentCredentialRequests.totalCount;
    const before = await count();
    const refused = await createRequest(dir.owner.token, 'Refused', { userId: dir.member.id, language: 'PT_BR' });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].extensions.fields).toEqual([
      expect.objectContaining({ path: 'input.recipient.language' }),
    ]);
    expect(await count()).toBe(before);
    const unknown = await gql(booted.url, dir.owner.token, 'mutation { setLanguage(language: FR) { language } }');
    expect(unknown.errors?.length).toBeGreaterThan(0);
  }, 30_000);
});
