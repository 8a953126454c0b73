import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mailLinks } from '../links';
import { ACTION_STYLE, render } from './layout';
import { mailTemplates, renderMail, type MailTemplateName } from './registry';
import type { MailApp, MailRequest, RenderedMail } from './types';

const PUBLIC_URL = 'https://cr.example.test';
const EVIL = '<script>alert("x")</script>';

const slack: MailApp = { appKey: 'slack', appName: 'Slack', modules: ['Send message', 'List channels'] };
const request: MailRequest = {
  requestId: 'req-1',
  requestName: 'Q3 reporting',
  requesterName: 'Rita Requester',
  recipientName: 'Rob Recipient',
  apps: [slack, { appKey: 'github', appName: 'GitHub', modules: ['Create issue'] }],
};

/** Every value a user may have typed, made hostile. */
const evilApp: MailApp = { appKey: 'slack', appName: `Slack ${EVIL}`, modules: [`Mod ${EVIL}`] };
const evilRequest: MailRequest = {
  requestId: 'req-1',
  requestName: `Name ${EVIL}`,
  requesterName: `Req ${EVIL}`,
  recipientName: `Rec ${EVIL}`,
  description: `Desc ${EVIL}`,
  apps: [evilApp],
};

const reviewUrl = `${PUBLIC_URL}/requests/req-1`;
const invitationUrl = mailLinks.invitation(PUBLIC_URL, 'tok-123');

interface Case<K extends MailTemplateName = MailTemplateName> {
  name: K;
  data: Parameters<(typeof mailTemplates)[K]>[0];
  evil: Parameters<(typeof mailTemplates)[K]>[0];
  subject: RegExp;
  link: string;
  linkLabel: string;
  /** Facts the e-mail must state in both text and HTML. */
  mentions: string[];
}

function makeCase<K extends MailTemplateName>(c: Case<K>): Case {
  return c as unknown as Case;
}

const cases: Case[] = [
  makeCase({
    name: 'reviewRequest',
    data: { publicUrl: PUBLIC_URL, request: { ...request, description: 'Numbers for the board' } },
    evil: { publicUrl: PUBLIC_URL, request: evilRequest },
    subject: /^Rita Requester asks you for credentials: Q3 reporting$/,
    link: reviewUrl,
    linkLabel: 'Review request',
    mentions: [
      'Hello Rob Recipient',
      'Q3 reporting',
      'Rita Requester',
      'Slack',
      'Send message',
      'GitHub',
      'Create issue',
      'Numbers for the board',
    ],
  }),
  makeCase({
    name: 'acceptInvitation',
    data: { invitationUrl, organizationName: 'Acme', request },
    evil: { invitationUrl, organizationName: `Org ${EVIL}`, request: evilRequest },
    subject: /^Rita Requester invites you to share credentials: Q3 reporting$/,
    link: `${PUBLIC_URL}/invitations/tok-123`,
    linkLabel: 'Accept invitation',
    mentions: ['Hello Rob Recipient', 'Acme', 'Q3 reporting', 'Rita Requester', 'Slack', 'List channels', 'GitHub'],
  }),
  makeCase({
    name: 'appAuthorized',
    data: { publicUrl: PUBLIC_URL, request, app: slack, accessUntil: '2027-01-31T12:00:00.000Z' },
    evil: { publicUrl: PUBLIC_URL, request: evilRequest, app: evilApp },
    subject: /^Rob Recipient authorized Slack: Q3 reporting$/,
    link: reviewUrl,
    linkLabel: 'View request',
    mentions: ['Hello Rita Requester', 'Q3 reporting', 'Slack', 'Send message', 'January 31, 2027 at 12:00 PM UTC'],
  }),
  makeCase({
    name: 'appDeclined',
    data: { publicUrl: PUBLIC_URL, request, app: slack, reason: 'We do not use Slack any more' },
    evil: { publicUrl: PUBLIC_URL, request: evilRequest, app: evilApp, reason: `Because ${EVIL}` },
    subject: /^Rob Recipient declined Slack: Q3 reporting$/,
    link: reviewUrl,
    linkLabel: 'View request',
    mentions: ['Hello Rita Requester', 'Q3 reporting', 'Slack', 'Send message', 'We do not use Slack any more'],
  }),
  makeCase({
    name: 'reauthorizationRequested',
    data: { publicUrl: PUBLIC_URL, request, app: slack },
    evil: { publicUrl: PUBLIC_URL, request: evilRequest, app: evilApp },
    subject: /^Rita Requester asks you to reauthorize Slack: Q3 reporting$/,
    link: `${PUBLIC_URL}/requests/req-1/apps/slack/reauthorize`,
    linkLabel: 'Reauthorize',
    mentions: ['Hello Rob Recipient', 'Q3 reporting', 'Rita Requester', 'Slack', 'List channels'],
  }),
  makeCase({
    name: 'appReauthorized',
    data: { publicUrl: PUBLIC_URL, request, app: slack, to: 'requester' },
    evil: { publicUrl: PUBLIC_URL, request: evilRequest, app: evilApp, to: 'requester' },
    subject: /^Rob Recipient reauthorized Slack: Q3 reporting$/,
    link: reviewUrl,
    linkLabel: 'View request',
    mentions: ['Hello Rita Requester', 'Q3 reporting', 'Rob Recipient', 'Slack', 'Send message'],
  }),
  makeCase({
    name: 'connectionExpired',
    data: { publicUrl: PUBLIC_URL, request, app: slack, error: 'invalid_grant: refresh token revoked' },
    evil: { publicUrl: PUBLIC_URL, request: evilRequest, app: evilApp, error: `err ${EVIL}` },
    subject: /^The Slack connection has expired: Q3 reporting$/,
    link: reviewUrl,
    linkLabel: 'Request reauthorization',
    mentions: [
      'Hello Rita Requester',
      'Q3 reporting',
      'Rob Recipient',
      'Slack',
      'invalid_grant: refresh token revoked',
      'reauthorize',
    ],
  }),
  makeCase({
    name: 'featureGranted',
    data: { publicUrl: PUBLIC_URL, ownerName: 'Olga Owner', memberName: 'Rita Requester', organizationName: 'Acme' },
    evil: { publicUrl: PUBLIC_URL, ownerName: `O ${EVIL}`, memberName: `M ${EVIL}`, organizationName: `Org ${EVIL}` },
    subject: /^Rita Requester may now use credential requests in Acme$/,
    link: `${PUBLIC_URL}/`,
    linkLabel: 'Open credential requests',
    mentions: ['Hello Olga Owner', 'Rita Requester', 'Acme', 'owner'],
  }),
  makeCase({
    name: 'accessEnded',
    data: { publicUrl: PUBLIC_URL, request, app: slack, endedAt: '2027-01-31T12:00:00.000Z', to: 'recipient' },
    evil: { publicUrl: PUBLIC_URL, request: evilRequest, app: evilApp, endedAt: EVIL, to: 'requester' },
    subject: /^Access to Slack has ended: Q3 reporting$/,
    link: reviewUrl,
    linkLabel: 'View request',
    mentions: [
      'Hello Rob Recipient',
      'Q3 reporting',
      'Rita Requester',
      'Slack',
      'Send message',
      'January 31, 2027 at 12:00 PM UTC',
    ],
  }),
  makeCase({
    name: 'accessRemoved',
    data: { publicUrl: PUBLIC_URL, request, app: slack, teamName: 'Sales', to: 'requester' },
    evil: { publicUrl: PUBLIC_URL, request: evilRequest, app: evilApp, teamName: `Team ${EVIL}`, to: 'recipient' },
    subject: /^Access to Slack was revoked: Q3 reporting$/,
    link: reviewUrl,
    linkLabel: 'View request',
    mentions: ['Hello Rita Requester', 'Rob Recipient', 'Sales', 'Q3 reporting', 'Slack', 'Send message'],
  }),
  makeCase({
    name: 'reminder',
    data: { publicUrl: PUBLIC_URL, request, daysWaiting: 3 },
    evil: { publicUrl: PUBLIC_URL, request: evilRequest, daysWaiting: 1 },
    subject: /^Reminder: Rita Requester is waiting for credentials: Q3 reporting$/,
    link: reviewUrl,
    linkLabel: 'Review request',
    mentions: ['Hello Rob Recipient', 'Q3 reporting', '3 days', 'Slack', 'Send message', 'GitHub', 'Create issue'],
  }),
];

function htmlText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('mail templates', () => {
  it('has a case for every template', () => {
    expect(cases.map((c) => c.name).sort()).toEqual(Object.keys(mailTemplates).sort());
  });

  describe.each(cases)('$name', (c) => {
    let mail: RenderedMail;
    beforeAll(() => {
      mail = renderMail(c.name, c.data);
    });

    it('has the subject', () => {
      expect(mail.subject).toMatch(c.subject);
    });

    // With the e-mail's language, which the web app reads before the browser's.
    it('carries the link in text and as a labelled anchor in HTML', () => {
      expect(mail.text).toContain(`${c.linkLabel}: ${c.link}?lng=en`);
      expect(mail.html).toContain(`<a href="${c.link}?lng=en" style="${ACTION_STYLE}">${c.linkLabel}</a>`);
    });

    it('states the facts in text and HTML', () => {
      for (const fact of c.mentions) {
        expect(mail.text).toContain(fact);
        expect(htmlText(mail.html)).toContain(fact);
      }
    });

    it('leaks no undefined or null', () => {
      for (const part of [mail.subject, mail.text, htmlText(mail.html)]) {
        expect(part).not.toMatch(/\bundefined\b|\bnull\b|\[object Object\]|NaN/);
      }
    });

    it('escapes every interpolated value in HTML', () => {
      const evil = renderMail(c.name, c.evil);
      expect(evil.html).not.toContain('<script');
      expect(evil.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      // The text part is plain text: the value appears as typed, which is harmless there.
      expect(evil.text).toContain(EVIL);
      expect(evil.subject).not.toMatch(/[\r\n]/);
    });
  });

  it('keeps a request name with line breaks out of the header', () => {
    const mail = mailTemplates.reviewRequest({
      publicUrl: PUBLIC_URL,
      request: { ...request, requestName: 'A\r\nBcc: victim@example.test' },
    });
    expect(mail.subject).toBe('Rita Requester asks you for credentials: A Bcc: victim@example.test');
  });

  it('omits an absent description and access end without leaving a label', () => {
    const review = mailTemplates.reviewRequest({ publicUrl: PUBLIC_URL, request: { ...request, description: null } });
    expect(review.text).not.toContain('Description');
    const authorized = mailTemplates.appAuthorized({ publicUrl: PUBLIC_URL, request, app: slack });
    expect(authorized.text).not.toContain('Access ends');
  });

  it('words two-party mails for each side', () => {
    const toRequester = mailTemplates.accessEnded({
      publicUrl: PUBLIC_URL,
      request,
      app: slack,
      endedAt: '2027-01-31T12:00:00Z',
      to: 'requester',
    });
    expect(toRequester.text).toMatch(/^Hello Rita Requester,/);
    expect(toRequester.text).toContain('Your team can no longer use this connection');
    const toRecipient = mailTemplates.appReauthorized({ publicUrl: PUBLIC_URL, request, app: slack, to: 'recipient' });
    expect(toRecipient.subject).toBe('You reauthorized Slack: Q3 reporting');
    expect(toRecipient.text).toMatch(/^Hello Rob Recipient,/);
  });

  it('speaks to an owner who is the member given the feature, not of them (R2.3)', () => {
    const data = { publicUrl: PUBLIC_URL, ownerName: 'Olga Owner', memberName: 'Olga Owner', organizationName: 'Acme' };
    const self = mailTemplates.featureGranted({ ...data, self: true });
    expect(self.subject).toBe('You may now use credential requests in Acme');
    expect(self.text).toContain('You have been given access to credential requests');
    expect(self.text).not.toContain('Olga Owner, a member of Acme');
    expect(mailTemplates.featureGranted({ ...data, self: true, language: 'PT_BR' }).subject).toBe(
      'Agora você pode usar solicitações de credenciais em Acme',
    );
    expect(mailTemplates.featureGranted(data).subject).toBe('Olga Owner may now use credential requests in Acme');
  });

  it('names who asked for a reauthorization when it was not the requester (R5.4: a team admin may)', () => {
    const asked = mailTemplates.reauthorizationRequested({
      publicUrl: PUBLIC_URL,
      request,
      app: slack,
      askedBy: 'Tina Teamadmin',
    });
    expect(asked.subject).toBe('Tina Teamadmin asks you to reauthorize Slack: Q3 reporting');
    expect(asked.text).not.toContain('Rita Requester asks');
  });

  it('says the end date a reauthorization set, to both parties (R12.4)', () => {
    for (const to of ['requester', 'recipient'] as const) {
      const mail = mailTemplates.appReauthorized({
        publicUrl: PUBLIC_URL,
        request,
        app: slack,
        to,
        accessUntil: '2027-01-31T12:00:00Z',
      });
      expect(mail.text).toContain('Access ends on');
    }
    expect(
      mailTemplates.appReauthorized({ publicUrl: PUBLIC_URL, request, app: slack, to: 'requester' }).text,
    ).not.toContain('Access ends');
    const lifted = mailTemplates.appReauthorized({
      publicUrl: PUBLIC_URL,
      request,
      app: slack,
      to: 'requester',
      endLifted: true,
    });
    expect(lifted.text).toContain('Access no longer ends on a set date.');
  });

  it("says a refresh error the service wrote in the reader's language, the provider's code kept", () => {
    const expired = (error: string) =>
      mailTemplates.connectionExpired({ publicUrl: PUBLIC_URL, request, app: slack, error, language: 'PT_BR' }).text;
    expect(expired('The provider refused to refresh the token (invalid_grant).')).toContain(
      'O app se recusou a renovar o acesso (invalid_grant).',
    );
    expect(expired('The access token expired and the provider gave no refresh token.')).toContain(
      'O acesso expirou e o app não o renova automaticamente.',
    );
    expect(expired('No tokens are stored for this connection.')).toContain('Nenhum acesso está guardado');
    // A provider's own words stay as they came.
    expect(expired('quota exceeded')).toContain('quota exceeded');
    // Every sentence the refresher writes is one of them: a new or reworded one fails here, not in a reader's inbox.
    const refresher = readFileSync(
      join(__dirname, '../../../application/src/connections/connection-refresher.ts'),
      'utf8',
    );
    const written = [...refresher.matchAll(/error: (['`])((?:(?!\1).)+)\1/g)].map((m) =>
      m[2].replace(/\$\{[^}]+\}/g, 'invalid_grant'),
    );
    expect(written).toHaveLength(3);
    for (const sentence of written) expect(expired(sentence)).not.toContain(sentence);
  });

  it('points a reminder for a not-yet-accepted invitation at the invitation', () => {
    const mail = mailTemplates.reminder({ publicUrl: PUBLIC_URL, request, daysWaiting: 1, invitationUrl });
    expect(mail.text).toContain(`Accept invitation: ${invitationUrl}?lng=en`);
    expect(mail.text).toContain('1 day ago');
  });

  it('encodes ids in links and tolerates a trailing slash on PUBLIC_URL', () => {
    expect(mailLinks.reauthorize('https://x.test/', 'a/b', 'my app')).toBe(
      'https://x.test/requests/a%2Fb/apps/my%20app/reauthorize',
    );
  });

  it("adds the mail's language to a link with a query and a fragment, before the fragment", () => {
    const mail = render({
      language: 'PT_BR',
      subject: 's',
      greeting: 'g',
      blocks: [],
      action: { label: 'Abrir', url: 'https://x.test/a?b=1#c' },
    });
    expect(mail.text).toContain('Abrir: https://x.test/a?b=1&lng=pt-BR#c');
  });

  it('escapes a hostile link in the HTML attribute', () => {
    const mail = mailTemplates.acceptInvitation({
      invitationUrl: 'https://x.test/invitations/"><script>',
      organizationName: 'Acme',
      request,
    });
    expect(mail.html).not.toContain('<script');
    expect(mail.html).toContain('href="https://x.test/invitations/&quot;&gt;&lt;script&gt;?lng=en"');
  });
});
