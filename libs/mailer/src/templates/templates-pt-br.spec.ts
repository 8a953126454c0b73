import { catalogues } from '../i18n';
import { mailLinks } from '../links';
import { ACTION_STYLE } from './layout';
import { mailTemplates, renderMail, type MailTemplateName } from './registry';
import type { MailApp, MailRequest, RenderedMail } from './types';

const PUBLIC_URL = 'https://cr.example.test';
const hubspot: MailApp = { appKey: 'hubspot', appName: 'HubSpot CRM', modules: ['Search Contacts'] };
const request: MailRequest = {
  requestId: 'req-9',
  requestName: 'Leads de marketing',
  requesterName: 'Carlos Contratado',
  recipientName: 'Marta Gerente',
  description: 'Geração de leads',
  apps: [hubspot],
};

/** One input that satisfies every template (each reads only its own fields). */
const input = {
  publicUrl: PUBLIC_URL,
  invitationUrl: mailLinks.invitation(PUBLIC_URL, 'tok-1'),
  organizationName: 'Acme',
  memberName: 'Ana',
  ownerName: 'Olga',
  request,
  app: hubspot,
  reason: 'Não agora',
  error: 'invalid_grant',
  accessUntil: '2027-01-31T12:00:00Z',
  endedAt: '2027-01-31T12:00:00Z',
  to: 'recipient',
  daysWaiting: 2,
  teamName: 'Marketing',
};
const names = Object.keys(mailTemplates) as MailTemplateName[];
const render = (name: MailTemplateName, language?: string): RenderedMail =>
  renderMail(name, { ...input, language } as never);
const htmlText = (html: string) => html.replace(/<[^>]+>/g, ' ');
/** English sentences every e-mail carries: none may remain in a Portuguese one. */
const englishMarkers = [catalogues.EN['layout.safeLink'], 'Hello ', ' the request ', ' for the request '];

describe('mail templates in Portuguese (Brazil) (issue 10)', () => {
  it.each(names)('%s: subject, text and HTML are Portuguese, with lang="pt-BR"', (name) => {
    const mail = render(name, 'PT_BR');
    for (const part of [mail.subject, mail.text, htmlText(mail.html)]) {
      for (const marker of englishMarkers) expect(part).not.toContain(marker);
      expect(part).not.toMatch(/\bundefined\b|\bnull\b|\[object Object\]|NaN|\{\w+\}/);
    }
    expect(mail.text).toContain(catalogues.PT_BR['layout.safeLink']);
    expect(mail.html).toContain('<html lang="pt-BR">');
    expect(mail.text).toMatch(/^Olá, (Marta Gerente|Carlos Contratado|Olga),/);
  });

  it.each(names)('%s: English stays the default, with lang="en"', (name) => {
    const mail = render(name);
    expect(mail.text).toMatch(/^Hello /);
    expect(mail.html).toContain('<html lang="en">');
    expect(render(name, 'EN')).toEqual(mail);
  });

  it('the invitation, the first contact, in Portuguese', () => {
    const mail = render('acceptInvitation', 'PT_BR');
    expect(mail.subject).toBe('Carlos Contratado convida você a compartilhar credenciais: Leads de marketing');
    expect(mail.text).toContain(`Aceitar convite: ${PUBLIC_URL}/invitations/tok-1?lng=pt-BR`);
    expect(mail.text).toContain('Descrição:\n> Geração de leads');
    expect(mail.html).toContain(
      `<a href="${PUBLIC_URL}/invitations/tok-1?lng=pt-BR" style="${ACTION_STYLE}">Aceitar convite</a>`,
    );
  });

  it('dates and counts in the Brazilian form', () => {
    expect(render('appAuthorized', 'PT_BR').text).toContain('O acesso termina em 31 de janeiro de 2027 às 12:00 UTC.');
    expect(render('reminder', 'PT_BR').text).toContain('pediu há 2 dias');
  });

  it('keeps the security properties: HTML escaped, no CR/LF in the subject, no secret field', () => {
    const evil = '<script>x</script>';
    const mail = renderMail('appDeclined', {
      ...input,
      language: 'PT_BR',
      request: { ...request, recipientName: `R\r\nBcc: v@example.test ${evil}` },
      reason: evil,
    } as never);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toContain('R Bcc: v@example.test');
    expect(mail.html).not.toContain('<script');
    expect(mail.text).toContain('Motivo:\n> <script>x</script>');
  });
});
