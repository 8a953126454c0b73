// Quality of the whole web app in real Chromium: axe-core on every page (no serious or critical violation), a
// dialog and a form driven by the keyboard alone, every page at 375 px without horizontal scrolling, and the switch
// to Portuguese (Brazil) with the help page's words. Screenshots go to dist/screenshots/ (a few are committed under
// docs/screenshots/). The directory and requests are seeded through the API: the flows are clicked in their own tests.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Client } from 'pg';
import { INVITATION_SECRET } from '@libs/application';
import { invitationToken } from '@libs/invitations';
import { gqlOk, tokenFor } from './support/api';
import { englishLeft, englishPhrases, pageText } from './support/english-left';
import { captureLogs } from './support/logs';
import {
  bootWebApp,
  launchBrowser,
  screenshotDir,
  signIn,
  type WebApp,
  type WebUser,
} from './support/web-admin-browser';

const secret = 'web-admin-quality-secret-0123456789abcdef';
const shots = screenshotDir;

interface PageCase {
  name: string;
  path: string;
  as: 'owner' | 'member' | 'support' | 'outsider' | null;
  /** waits until the page shows its content */
  ready: (page: Page) => Promise<unknown>;
  /** a sentence the page must say, by language (counts take the language's plural form) */
  says?: { selector: string; en: string; 'pt-BR': string };
}

describe('web app quality: accessibility, keyboard, 375 px, pt-BR (issue #10)', () => {
  const logs = captureLogs('info');
  const tag = Date.now().toString(36);
  const users: Record<'owner' | 'member' | 'support' | 'outsider', WebUser> = {
    owner: { email: `olga@q-${tag}.example`, name: 'Olga Owner' },
    member: { email: `mia@q-${tag}.example`, name: 'Mia Member' },
    support: { email: `sven@support-q-${tag}.example`, name: 'Sven Support', supportStaff: true },
    outsider: { email: `otto@outside-q-${tag}.example`, name: 'Otto Outside' },
  };
  let web: WebApp;
  let browser: Browser;
  const contexts = new Map<string, BrowserContext>();
  let organizationId: string;
  let teamId: string;
  let requestId: string;
  let invitation: string;

  const token = (u: WebUser) =>
    tokenFor(secret, { sub: `dev:${u.email}`, email: u.email, name: u.name, support: u.supportStaff });
  const api = async <T>(u: WebUser, query: string, variables?: Record<string, unknown>) => {
    try {
      return await gqlOk<T>(web.url, await token(u), query, variables);
    } catch (error) {
      throw new Error(`${u.email}: ${query}: ${String(error)}`);
    }
  };

  /** One signed-in context per user, reused across pages (and one signed-out one). */
  const pageFor = async (who: PageCase['as'], width = 1280): Promise<Page> => {
    const key = `${who ?? 'anonymous'}@${width}`;
    let context = contexts.get(key);
    if (!context) {
      context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
      contexts.set(key, context);
      if (who) await signIn(await context.newPage(), web.url, users[who]);
    }
    return context.pages()[0] ?? context.newPage();
  };

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    // Webhook targets on loopback only (R13.3 would refuse them otherwise): nothing here may reach another host.
    web = await bootWebApp(
      'web_admin_quality',
      { AUTH_JWT_SECRET: secret, WEBHOOKS_ALLOW_INSECURE: 'true' },
      logs.logger,
    );
    browser = await launchBrowser();
    for (const u of Object.values(users)) await api(u, '{ me { id } }');
    const org = await api<{ createOrganization: { id: string } }>(
      users.owner,
      'mutation($name: String!) { createOrganization(input: { name: $name }) { id } }',
      { name: `Quality ${tag}` },
    );
    organizationId = org.createOrganization.id;
    // A second organization with a long name: the header's switcher is as wide as its longest option, and must still
    // fit a phone's screen (it pushed the page 480 px past 375).
    await api(users.owner, 'mutation($name: String!) { createOrganization(input: { name: $name }) { id } }', {
      name: `Zeta, an organization whose name is long enough to show that the switcher fits ${tag}`,
    });
    await api(
      users.support,
      'mutation($id: ID!) { changeOrganizationPlan(organizationId: $id, plan: ENTERPRISE) { id } }',
      {
        id: organizationId,
      },
    );
    const team = await api<{ createTeam: { id: string } }>(
      users.owner,
      'mutation($id: ID!) { createTeam(organizationId: $id, name: "Newsletter") { id } }',
      { id: organizationId },
    );
    teamId = team.createTeam.id;
    const member = await api<{ addOrganizationMember: { id: string } }>(
      users.owner,
      'mutation($id: ID!, $email: String!) { addOrganizationMember(organizationId: $id, email: $email, name: "Mia Member", role: MEMBER) { id } }',
      { id: organizationId, email: users.member.email },
    );
    await api(
      users.owner,
      'mutation($t: ID!, $u: ID!) { addTeamMember(teamId: $t, userId: $u, role: MEMBER) { id } }',
      {
        t: teamId,
        u: member.addOrganizationMember.id,
      },
    );
    await api(users.owner, 'mutation { applyForCredentialRequests { id } }');
    await api(users.member, 'mutation { applyForCredentialRequests { id } }');
    const me = await api<{ me: { id: string } }>(users.owner, '{ me { id } }');
    await api(
      users.support,
      'mutation($id: ID!) { reviewCredentialRequestsApplication(userId: $id, approve: true) { id } }',
      {
        id: me.me.id,
      },
    );
    const created = await api<{ createCredentialRequest: { id: string } }>(
      users.owner,
      'mutation($input: CreateCredentialRequestInput!) { createCredentialRequest(input: $input) { id } }',
      {
        input: {
          teamId,
          name: 'Weekly newsletter',
          recipient: { userId: member.addOrganizationMember.id },
          apps: [{ appKey: 'microsoft-entra-id', allModules: true }],
          termsAccepted: true,
        },
      },
    );
    requestId = created.createCredentialRequest.id;
    // An outside recipient (R3.3): the invitation link's token, as the e-mail carries it.
    const external = await api<{ createCredentialRequest: { id: string } }>(
      users.owner,
      'mutation($input: CreateCredentialRequestInput!) { createCredentialRequest(input: $input) { id } }',
      {
        input: {
          teamId,
          name: 'Lead generation',
          recipient: { name: users.outsider.name, email: users.outsider.email },
          apps: [{ appKey: 'openai', allModules: true }],
          termsAccepted: true,
        },
      },
    );
    const sql = new Client({ connectionString: web.db.url });
    await sql.connect();
    const { rows } = await sql.query<{ invitation_id: string }>(
      'SELECT invitation_id FROM read.requests WHERE id = $1',
      [external.createCredentialRequest.id],
    );
    await sql.end();
    invitation = invitationToken(
      web.app.get<symbol, string>(INVITATION_SECRET, { strict: false }),
      rows[0].invitation_id,
    );
  });
  afterAll(async () => {
    for (const c of contexts.values()) await c.close().catch(() => undefined);
    await browser?.close();
    await web?.close();
  });

  const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).first().waitFor();
  const cases = (): PageCase[] => [
    {
      name: 'sign-in',
      path: '/signin',
      as: null,
      ready: (p) => p.getByRole('button', { name: 'Sign in (development)' }).waitFor(),
    },
    { name: 'requests-sent', path: '/requests', as: 'owner', ready: h1 },
    { name: 'request-create', path: '/requests/new', as: 'owner', ready: h1 },
    {
      name: 'request-details',
      path: `/requests/${requestId}`,
      as: 'owner',
      // The browser's own check too (R10.3), so that the page is looked at (axe, 375 px) with everything it shows.
      ready: (p) => p.locator('section[aria-labelledby="history-title"] [data-browser-check]').waitFor(),
      // One event so far: the singular, not "1 events".
      says: {
        selector: 'section[aria-labelledby="history-title"] [data-server-check]',
        en: 'History verified: 1 event, unaltered.',
        'pt-BR': 'Histórico verificado: 1 evento, sem alteração.',
      },
    },
    { name: 'request-details-recipient', path: `/requests/${requestId}`, as: 'member', ready: h1 },
    {
      name: 'request-reauthorize',
      path: `/requests/${requestId}/apps/microsoft-entra-id/reauthorize`,
      as: 'member',
      ready: h1,
    },
    // A request link opened under an account that may not see it says whose account this is (and nothing of the
    // request, R7.1), in the reader's language.
    {
      name: 'request-not-visible',
      path: `/requests/${requestId}`,
      as: 'outsider',
      ready: (p) => p.locator('[data-signed-in-as] button').waitFor(),
      says: {
        selector: '[data-signed-in-as]',
        en: `You are signed in as ${users.outsider.email}. If the request was sent to another address, sign in with that one. Sign in with another account`,
        'pt-BR': `Você entrou como ${users.outsider.email}. Se a solicitação foi enviada para outro endereço, entre com ele. Entrar com outra conta`,
      },
    },
    { name: 'invitation', path: `/invitations/${invitation}`, as: 'outsider', ready: h1 },
    // Before accepting, the outsider is in no organization: there is no switcher to "choose one above" in, so the
    // pages scoped to one say what to do instead, with a way to do it.
    ...['/team-members', '/webhooks', '/audit-log', '/requests'].map((path): PageCase => ({
      name: `no-organization ${path}`,
      path,
      as: 'outsider',
      ready: (p) => p.locator('[data-no-organization] a[href="/organizations"]').waitFor(),
      says: {
        selector: '[data-no-organization]',
        en: 'You are not a member of any organization yet. Open the invitation you were sent, or create an organization.',
        'pt-BR': 'Você ainda não é membro de nenhuma organização. Abra o convite que recebeu ou crie uma organização.',
      },
    })),
    { name: 'organizations', path: '/organizations', as: 'owner', ready: (p) => p.getByRole('table').waitFor() },
    {
      name: 'organization',
      path: `/organizations/${organizationId}`,
      as: 'owner',
      ready: (p) => p.getByRole('table').waitFor(),
    },
    { name: 'team-members', path: `/teams/${teamId}`, as: 'owner', ready: (p) => p.getByRole('table').waitFor() },
    {
      name: 'feature-access',
      path: '/feature-access',
      as: 'member',
      ready: (p) => p.locator('[data-application]').waitFor(),
    },
    {
      name: 'support',
      path: '/support',
      as: 'support',
      ready: (p) => p.locator(`tr[data-applicant="${users.member.email}"]`).waitFor(),
    },
    { name: 'audit-log', path: '/audit-log', as: 'owner', ready: (p) => p.locator('table[data-page]').waitFor() },
    { name: 'audit-log-forbidden', path: '/audit-log', as: 'member', ready: (p) => p.getByRole('alert').waitFor() },
    {
      name: 'audit-log-members',
      path: '/audit-log?view=members',
      as: 'owner',
      ready: (p) => p.locator('table[data-membership-page]').waitFor(),
    },
    {
      name: 'webhooks',
      path: `/teams/${teamId}/webhooks`,
      as: 'owner',
      ready: (p) => p.getByRole('button', { name: 'Register webhook' }).waitFor(),
    },
    {
      // Open: its examples (a JSON body, a line of code) must wrap at 375 px rather than widen the page.
      name: 'webhooks-guide',
      path: `/teams/${teamId}/webhooks`,
      as: 'owner',
      ready: (p) => p.locator('.delivery-guide summary').click(),
    },
  ];

  const MAIN = new Set([
    'requests-sent',
    'request-create',
    'request-details',
    'invitation',
    'team-members',
    'audit-log',
    'webhooks',
    'support',
  ]);
  const seriousViolations = async (page: Page) => {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };

  // One pass per page: axe at desktop width, then the same page at 375 px (no horizontal scrolling). Screenshots of
  // the main pages at both widths.
  it('every page: axe-core finds no serious or critical violation, and it fits 375 px without horizontal scrolling', async () => {
    const violations: Record<string, string[]> = {};
    const wide: Record<string, number> = {};
    const blank: Record<string, string[]> = {};
    for (const c of cases()) {
      const page = await pageFor(c.as);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${web.url}${c.path}`);
      await c.ready(page);
      if (c.says) expect(await page.locator(c.says.selector).innerText()).toBe(c.says.en);
      violations[c.name] = await seriousViolations(page);
      if (MAIN.has(c.name)) await page.screenshot({ path: join(shots, `${c.name}.png`) });
      await page.setViewportSize({ width: 375, height: 812 });
      const scroll = await page.evaluate<number>(
        'new Promise((done) => requestAnimationFrame(() => done(document.documentElement.scrollWidth)))',
      );
      if (scroll > 375) wide[c.name] = scroll;
      // Nor does any table scroll sideways inside its frame: on a phone each row reads as labelled lines.
      const framed = await page.evaluate<number>(
        "Math.max(0, ...[...document.querySelectorAll('.table-wrap')].map((el) => el.scrollWidth - el.clientWidth))",
      );
      if (framed > 0) wide[`${c.name} (a table)`] = framed;
      // Nor does a stacked row show a label with nothing beside it (a blank cell).
      const bare = await page.evaluate<string[]>(
        "[...document.querySelectorAll('.stacked-table td')].filter((td) => td.dataset.label && td.getClientRects().length > 0 && td.innerText.trim() === '').map((td) => td.dataset.label)",
      );
      if (bare.length > 0) blank[c.name] = bare;
      if (MAIN.has(c.name)) await page.screenshot({ path: join(shots, `${c.name}-375.png`) });
    }
    expect(violations).toEqual(Object.fromEntries(cases().map((c) => [c.name, []])));
    expect(wide).toEqual({});
    expect(blank).toEqual({});
  }, 180_000);

  /** A page of `who` that reads Portuguese (the switch's choice, kept as a preference). */
  const ptPageFor = async (who: PageCase['as']): Promise<Page> => {
    const key = `${who ?? 'anonymous'}@pt-BR`;
    let context = contexts.get(key);
    if (!context) {
      context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
      contexts.set(key, context);
      if (who) await signIn(await context.newPage(), web.url, users[who]);
      // The switch's choice, as a person who picked Portuguese once has it on every later visit.
      await context.addInitScript("localStorage.setItem('lang', 'pt-BR')");
    }
    return context.pages()[0] ?? context.newPage();
  };

  // Issue 10: a person who reads Portuguese finds no English on any page — neither shown nor said to a screen reader.
  it('the header’s switcher keeps to a phone’s screen, and to 200 % zoom, with a long organization name (WCAG 1.4.10)', async () => {
    const page = await pageFor('owner');
    const widest = async () =>
      page.evaluate<number>(
        'new Promise((done) => requestAnimationFrame(() => done(document.documentElement.scrollWidth)))',
      );
    await page.setViewportSize({ width: 640, height: 900 });
    await page.goto(`${web.url}/requests`);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByLabel('Organization', { exact: true }).waitFor();
    expect(await widest()).toBeLessThanOrEqual(640);
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await widest()).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('every page in Portuguese: no phrase of the English catalogues is left, shown or in an accessible name', async () => {
    const phrases = englishPhrases();
    // The two cases that wait for an English label wait for the form instead.
    const ready = (c: PageCase, page: Page) =>
      c.name === 'sign-in' || c.name.startsWith('webhooks')
        ? page.locator('main form button[type="submit"]').first().waitFor()
        : c.ready(page);
    const left: Record<string, string[]> = {};
    let page: Page | null = null;
    for (const c of cases()) {
      page = await ptPageFor(c.as);
      await page.goto(`${web.url}${c.path}`);
      await ready(c, page);
      expect(await page.evaluate<string>('document.documentElement.lang')).toBe('pt-BR');
      if (c.says) expect(await page.locator(c.says.selector).innerText()).toBe(c.says['pt-BR']);
      left[c.name] = englishLeft(await pageText(page), phrases);
    }
    expect(left).toEqual(Object.fromEntries(cases().map((c) => [c.name, []])));
    // The check fires: an English phrase put into the last page is found.
    await page!.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<p>Sign out</p>')");
    expect(englishLeft(await pageText(page!), phrases)).toEqual(['Sign out']);
  }, 180_000);

  it('in Portuguese, the steps and dialogs too: the apps step, and the recipient’s authorize and decline dialogs', async () => {
    const phrases = englishPhrases();
    const create = await ptPageFor('owner');
    await create.goto(`${web.url}/requests/new`);
    await create.getByLabel('Nome da solicitação').fill('Boletim semanal');
    await create.getByLabel(/O destinatário faz parte da organização/).check();
    await create.getByLabel('Usuário').selectOption({ label: `${users.member.name} (${users.member.email})` });
    await create.getByRole('button', { name: 'Próximo' }).click();
    await create.getByLabel('App', { exact: true }).selectOption({ label: 'Microsoft Entra ID' });
    await create.getByLabel('Pesquisar usuários', { exact: true }).waitFor();
    expect(englishLeft(await pageText(create), phrases)).toEqual([]);

    const details = await ptPageFor('member');
    await details.goto(`${web.url}/requests/${requestId}`);
    const card = details.locator('article[data-app="microsoft-entra-id"]');
    await card.getByRole('button', { name: 'Recusar' }).click();
    const decline = details.getByRole('dialog', { name: 'Recusar Microsoft Entra ID' });
    await decline.waitFor();
    expect(englishLeft(await pageText(details), phrases)).toEqual([]);
    await details.keyboard.press('Escape');
    await decline.waitFor({ state: 'hidden' });
    await card.getByRole('button', { name: 'Autorizar' }).click();
    const authorize = details.getByRole('dialog', { name: 'Criar uma conexão para Microsoft Entra ID' });
    await authorize.waitFor();
    expect(englishLeft(await pageText(details), phrases)).toEqual([]);
    await details.keyboard.press('Escape');
  }, 120_000);

  it('a check we rely on fires: axe reports an unlabelled control injected into a page', async () => {
    const page = await pageFor('owner');
    await page.goto(`${web.url}/organizations`);
    await page.getByRole('table').waitFor();
    await page.evaluate("document.querySelector('main').append(document.createElement('select'))");
    expect((await seriousViolations(page)).join('\n')).toMatch(/select-name/);
  });

  it('dialogs and forms work by keyboard: register a webhook, Tab stays in the dialog, Escape closes it, focus returns', async () => {
    const page = await pageFor('owner');
    await page.goto(`${web.url}/teams/${teamId}/webhooks`);
    const url = page.getByLabel('Endpoint URL (https)');
    await url.waitFor();
    await url.focus();
    await page.keyboard.type('http://127.0.0.1:9/keyboard');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string | null>('document.activeElement?.textContent ?? null')).toBe('Register webhook');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Signing secret' });
    await dialog.waitFor();
    await page.screenshot({ path: join(shots, 'webhook-secret-dialog.png') });
    const visited = new Set<string>();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate<{ inDialog: boolean; label: string }>(`(() => {
        const el = document.activeElement;
        return { inDialog: !!el?.closest('dialog[open]'), label: el?.getAttribute('aria-label') ?? el?.textContent ?? '' };
      })()`);
      expect(where.inDialog).toBe(true);
      visited.add(where.label);
    }
    expect([...visited]).toEqual(expect.arrayContaining(['Copy', 'I have stored it']));
    // Escape would drop the secret shown once: it says so, and the dialog stays until its button.
    await page.keyboard.press('Escape');
    await dialog.getByRole('alert').waitFor();
    for (let i = 0; i < 6; i++) {
      if ((await page.evaluate<string | null>('document.activeElement?.textContent ?? null')) === 'I have stored it')
        break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    // Its button went with it: the focus is on what was done.
    expect(await page.evaluate<string | null>('document.activeElement?.textContent ?? null')).toMatch(
      /^Webhook registered/,
    );

    // The delete confirmation, by keyboard too.
    const del = page.getByRole('button', { name: 'Delete the webhook http://127.0.0.1:9/keyboard' });
    await del.focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Delete webhook?' });
    await confirm.waitFor();
    let guard = 0;
    while (
      (await page.evaluate<string | null>('document.activeElement?.textContent ?? null')) !== 'Delete webhook' &&
      guard++ < 6
    ) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.getByText('Webhook deleted.').waitFor();
    expect(await page.locator('tr[data-webhook]').count()).toBe(0);
  });

  it('switches to Portuguese (Brazil) and shows the help page’s words; dates follow the language', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    contexts.set('pt', context);
    const page = await context.newPage();
    await signIn(page, web.url, users.owner);
    await page.goto(`${web.url}/feature-access`);
    await page.getByRole('heading', { level: 1, name: 'How to enable the credential requests feature' }).waitFor();
    await page.getByLabel('Language').selectOption('pt-BR');
    await page
      .getByRole('heading', { level: 1, name: 'Como habilitar o recurso de solicitações de credenciais' })
      .waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('pt-BR');
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Membros da equipe' }).click();
    await page.getByText('Todos na organização podem ver aqui quais membros da equipe').waitFor();
    await nav.getByRole('link', { name: 'Registros de auditoria' }).click();
    await page
      .getByText('Registros de auditoria mostram quando e por quem uma solicitação de credenciais foi criada')
      .waitFor();
    const when = await page.locator('table[data-page] time').first().innerText();
    expect(when).toMatch(/ de /); // e.g. "3 de dez. de 2026, 09:40"
    await page.screenshot({ path: join(shots, 'audit-log-pt-BR.png'), fullPage: true });
    // The choice survives a reload (kept in localStorage as a preference).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Registros de auditoria' }).waitFor();
  });
});
