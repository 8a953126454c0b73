import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createMailer,
  FileMailer,
  mailLinks,
  MailDeliveryError,
  messageIdFor,
  renderMail,
  type MailApp,
  type Mailer,
  type MailRequest,
  type MailTemplateData,
  type MailTemplateName,
} from '@libs/mailer';
import { simpleParser } from 'mailparser';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { freePort } from './support/free-port';

const FROM = 'Credential requests <no-reply@cr.example.test>';
const DOMAIN = 'cr.example.test';

const slack: MailApp = { appKey: 'slack', appName: 'Slack', modules: ['Send message'] };
const request: MailRequest = {
  requestId: 'req-42',
  requestName: 'Q3 reporting',
  requesterName: 'Rita Requester',
  recipientName: 'Rob Recipient',
  apps: [slack],
};

interface Delivery<K extends MailTemplateName = MailTemplateName> {
  template: K;
  data: (publicUrl: string) => MailTemplateData<K>;
  to: string;
  /** Path the e-mail's action link must reach on PUBLIC_URL. */
  path: string;
  label: string;
}

function delivery<K extends MailTemplateName>(d: Delivery<K>): Delivery {
  return d as unknown as Delivery;
}

const deliveries: Delivery[] = [
  delivery({
    template: 'reviewRequest',
    data: (publicUrl) => ({ publicUrl, request }),
    to: 'rob@example.test',
    path: '/requests/req-42',
    label: 'Review request',
  }),
  delivery({
    template: 'acceptInvitation',
    data: (publicUrl) => ({
      invitationUrl: mailLinks.invitation(publicUrl, 'invite-token-1'),
      organizationName: 'Acme',
      request,
    }),
    to: 'outsider@partner.test',
    path: '/invitations/invite-token-1',
    label: 'Accept invitation',
  }),
  delivery({
    template: 'appAuthorized',
    data: (publicUrl) => ({ publicUrl, request, app: slack }),
    to: 'rita@example.test',
    path: '/requests/req-42',
    label: 'View request',
  }),
  delivery({
    template: 'appDeclined',
    data: (publicUrl) => ({ publicUrl, request, app: slack, reason: 'Not ours to share' }),
    to: 'rita@example.test',
    path: '/requests/req-42',
    label: 'View request',
  }),
  delivery({
    template: 'reauthorizationRequested',
    data: (publicUrl) => ({ publicUrl, request, app: slack }),
    to: 'rob@example.test',
    path: '/requests/req-42/apps/slack/reauthorize',
    label: 'Reauthorize',
  }),
  delivery({
    template: 'appReauthorized',
    data: (publicUrl) => ({ publicUrl, request, app: slack, to: 'recipient' }),
    to: 'rob@example.test',
    path: '/requests/req-42',
    label: 'View request',
  }),
  delivery({
    template: 'connectionExpired',
    data: (publicUrl) => ({ publicUrl, request, app: slack, error: 'invalid_grant' }),
    to: 'rita@example.test',
    path: '/requests/req-42',
    label: 'Request reauthorization',
  }),
  delivery({
    template: 'featureGranted',
    data: (publicUrl) => ({ publicUrl, ownerName: 'Olga', memberName: 'Rita Requester', organizationName: 'Acme' }),
    to: 'olga@example.test',
    path: '/',
    label: 'Open credential requests',
  }),
  delivery({
    template: 'accessEnded',
    data: (publicUrl) => ({ publicUrl, request, app: slack, endedAt: '2027-01-01T00:00:00Z', to: 'requester' }),
    to: 'rita@example.test',
    path: '/requests/req-42',
    label: 'View request',
  }),
  delivery({
    template: 'reminder',
    data: (publicUrl) => ({ publicUrl, request, daysWaiting: 3 }),
    to: 'rob@example.test',
    path: '/requests/req-42',
    label: 'Review request',
  }),
];

function linkIn(text: string, label: string): string {
  const match = new RegExp(`${label}: (\\S+)`).exec(text);
  if (!match) throw new Error(`no "${label}" link in:\n${text}`);
  return match[1];
}

describe('mailer over real SMTP and .eml files', () => {
  let sink: SmtpSink;
  let mailer: Mailer;
  let web: Server;
  let publicUrl: string;
  const visited: string[] = [];
  let dir: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = createMailer({ smtpUrl: sink.url, from: FROM });
    // Stands in for the gateway behind PUBLIC_URL, to prove each link reaches the intended route.
    web = createHttpServer((req, res) => {
      visited.push(req.url ?? '');
      res.end('ok');
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    publicUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
    dir = await mkdtemp(join(tmpdir(), 'mailer-e2e-'));
  });

  afterAll(async () => {
    await mailer.close();
    await sink.stop();
    await new Promise<void>((resolve) => web.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    sink.setFailure(null);
    sink.clear();
  });

  it('delivers every template to the right recipient with subject, working link and Message-ID', async () => {
    expect(mailer.transport).toBe('smtp');
    const sent = [];
    for (const d of deliveries) {
      const rendered = renderMail(d.template, d.data(publicUrl));
      const key = `evt-1:${d.template}:${d.to}`;
      const info = await mailer.send({ to: d.to, ...rendered, messageId: key });
      expect(info).toMatchObject({ transport: 'smtp', accepted: [d.to], rejected: [] });
      expect(info.messageId).toBe(messageIdFor(key, DOMAIN));
      sent.push({ d, rendered, key });
    }

    const received = await sink.waitFor(deliveries.length);
    expect(received).toHaveLength(deliveries.length);
    for (const [i, { d, rendered, key }] of sent.entries()) {
      const mail = received[i];
      expect(mail.envelope.to).toEqual([d.to]);
      expect(mail.envelope.from).toBe('no-reply@cr.example.test');
      expect(mail.subject).toBe(rendered.subject);
      expect(mail.messageId).toBe(messageIdFor(key, DOMAIN));
      expect(mail.from?.text).toContain('no-reply@cr.example.test');

      const textLink = linkIn(mail.text ?? '', d.label);
      expect(mail.html || '').toContain(`href="${textLink}"`);
      const response = await fetch(textLink);
      expect(response.status).toBe(200);
      expect(visited.at(-1)).toBe(`${d.path}?lng=en`);
    }
  });

  it('sends a retried key with the same Message-ID so receivers can drop the duplicate', async () => {
    const rendered = renderMail('reviewRequest', { publicUrl, request });
    const mail = { to: 'rob@example.test', ...rendered, messageId: 'evt-9:reviewRequest:rob@example.test' };
    await mailer.send(mail);
    await mailer.send(mail);
    const [first, second] = await sink.waitFor(2);
    expect(first.messageId).toBe(second.messageId);
  });

  it('passes extra headers through', async () => {
    const rendered = renderMail('reminder', { publicUrl, request, daysWaiting: 2 });
    await mailer.send({ to: 'rob@example.test', ...rendered, headers: { 'X-Request-Id': 'req-42' } });
    const [mail] = await sink.waitFor(1);
    expect(mail.headers.get('x-request-id')).toBe('req-42');
  });

  it.each([421, 451])('rejects a %i answer as transient', async (code) => {
    sink.setFailure(code);
    const rendered = renderMail('reviewRequest', { publicUrl, request });
    const failure = mailer.send({ to: 'rob@example.test', ...rendered, messageId: `evt-2:review:${code}` });
    await expect(failure).rejects.toBeInstanceOf(MailDeliveryError);
    await expect(failure).rejects.toMatchObject({ kind: 'transient', permanent: false, responseCode: code });
    expect(sink.messages).toHaveLength(0);
  });

  it('rejects a 550 answer as permanent', async () => {
    sink.setFailure(550);
    const rendered = renderMail('reviewRequest', { publicUrl, request });
    await expect(mailer.send({ to: 'nobody@example.test', ...rendered })).rejects.toMatchObject({
      name: 'MailDeliveryError',
      kind: 'permanent',
      permanent: true,
      responseCode: 550,
    });
  });

  it('rejects as transient when no server listens', async () => {
    const down = createMailer({ smtpUrl: `smtp://127.0.0.1:${await freePort()}`, from: FROM });
    const rendered = renderMail('reviewRequest', { publicUrl, request });
    try {
      await expect(down.send({ to: 'rob@example.test', ...rendered })).rejects.toMatchObject({
        kind: 'transient',
        responseCode: null,
      });
    } finally {
      await down.close();
    }
  });

  it('writes parseable .eml files, one per message key, when SMTP is not configured', async () => {
    const files = createMailer({ smtpUrl: null, from: FROM, mailDir: join(dir, 'mail') });
    expect(files).toBeInstanceOf(FileMailer);
    try {
      const review = renderMail('reviewRequest', { publicUrl, request });
      const key = 'evt-3:reviewRequest:rob@example.test';
      const first = await files.send({ to: 'rob@example.test', ...review, messageId: key });
      const again = await files.send({ to: 'rob@example.test', ...review, messageId: key });
      const other = await files.send({
        to: 'rita@example.test',
        ...renderMail('appDeclined', { publicUrl, request, app: slack, reason: 'No' }),
        messageId: 'evt-4:appDeclined:rita@example.test',
      });

      expect(first.path).toBe(again.path);
      expect(other.path).not.toBe(first.path);
      expect(first).toMatchObject({
        transport: 'file',
        accepted: ['rob@example.test'],
        messageId: messageIdFor(key, DOMAIN),
      });
      const names = (await readdir(join(dir, 'mail'))).sort();
      expect(names).toHaveLength(2);
      expect(names.every((name) => name.endsWith('.eml'))).toBe(true);

      const parsed = await simpleParser(await readFile(first.path ?? ''));
      expect(parsed.subject).toBe(review.subject);
      expect(parsed.messageId).toBe(messageIdFor(key, DOMAIN));
      expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '').toBe('rob@example.test');
      expect(linkIn(parsed.text ?? '', 'Review request')).toBe(`${publicUrl}/requests/req-42?lng=en`);
      expect(parsed.html || '').toContain(`href="${publicUrl}/requests/req-42?lng=en"`);
    } finally {
      await files.close();
    }
  });
});
