import { formatDate, mailLanguage, translate } from '../i18n';
import { mailLinks } from '../links';
import { greet, render, type Block } from './layout';
import type { Localized, MailApp, MailRequest, RenderedMail } from './types';

export interface AppAuthorizedMail extends Localized {
  publicUrl: string;
  request: MailRequest;
  app: MailApp;
  /** R12.4: ISO date when access ends, if the recipient set one. */
  accessUntil?: string | null;
}

/** SPEC §11: an app was authorized; to the requester. */
export function appAuthorized({ publicUrl, request, app, accessUntil, language }: AppAuthorizedMail): RenderedMail {
  const lang = mailLanguage(language);
  const words = { recipient: request.recipientName, app: app.appName, request: request.requestName };
  const until: Block[] = accessUntil
    ? [
        {
          kind: 'paragraph',
          text: translate(lang, 'appAuthorized.accessEnds', { date: formatDate(accessUntil, lang) }),
        },
      ]
    : [];
  return render({
    language: lang,
    subject: translate(lang, 'appAuthorized.subject', words),
    greeting: greet(lang, request.requesterName),
    blocks: [
      { kind: 'paragraph', text: translate(lang, 'appAuthorized.body', words) },
      { kind: 'apps', apps: [app] },
      ...until,
    ],
    action: { label: translate(lang, 'action.viewRequest'), url: mailLinks.request(publicUrl, request.requestId) },
  });
}
