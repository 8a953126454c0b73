import { formatDate, mailLanguage, translate } from '../i18n';
import { mailLinks } from '../links';
import { greet, render, type Block } from './layout';
import type { Localized, MailApp, MailParty, MailRequest, RenderedMail } from './types';

export interface AppReauthorizedMail extends Localized {
  publicUrl: string;
  request: MailRequest;
  app: MailApp;
  to: MailParty;
  /** R12.4: when access ends, as the reauthorization set it (it replaces the end date given before). */
  accessUntil?: string | null;
  /** R12.4: the reauthorization lifted an end date given before. */
  endLifted?: boolean;
}

/** SPEC §11 / R5.5: an app was reauthorized; to requester and recipient, each in their own language. */
export function appReauthorized({
  publicUrl,
  request,
  app,
  to,
  accessUntil,
  endLifted,
  language,
}: AppReauthorizedMail): RenderedMail {
  const lang = mailLanguage(language);
  const forRequester = to === 'requester';
  const words = {
    requester: request.requesterName,
    recipient: request.recipientName,
    app: app.appName,
    request: request.requestName,
  };
  const until: Block[] = accessUntil
    ? [
        {
          kind: 'paragraph',
          text: translate(lang, 'appAuthorized.accessEnds', { date: formatDate(accessUntil, lang) }),
        },
      ]
    : endLifted
      ? [{ kind: 'paragraph', text: translate(lang, 'appReauthorized.endLifted') }]
      : [];
  return render({
    language: lang,
    subject: translate(
      lang,
      forRequester ? 'appReauthorized.subject.requester' : 'appReauthorized.subject.recipient',
      words,
    ),
    greeting: greet(lang, forRequester ? request.requesterName : request.recipientName),
    blocks: [
      {
        kind: 'paragraph',
        text: translate(
          lang,
          forRequester ? 'appReauthorized.body.requester' : 'appReauthorized.body.recipient',
          words,
        ),
      },
      { kind: 'apps', apps: [app] },
      ...until,
    ],
    action: { label: translate(lang, 'action.viewRequest'), url: mailLinks.request(publicUrl, request.requestId) },
  });
}
