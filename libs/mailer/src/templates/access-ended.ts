import { formatDate, mailLanguage, translate } from '../i18n';
import { mailLinks } from '../links';
import { greet, render } from './layout';
import type { Localized, MailApp, MailParty, MailRequest, RenderedMail } from './types';

export interface AccessEndedMail extends Localized {
  publicUrl: string;
  request: MailRequest;
  app: MailApp;
  /** ISO date the access ended (the authorization's end date). */
  endedAt: string;
  to: MailParty;
}

/** SPEC §11 / R12.4: a time-limited authorization reached its end date; to requester and recipient. */
export function accessEnded({ publicUrl, request, app, endedAt, to, language }: AccessEndedMail): RenderedMail {
  const lang = mailLanguage(language);
  const forRequester = to === 'requester';
  const words = {
    requester: request.requesterName,
    recipient: request.recipientName,
    app: app.appName,
    request: request.requestName,
    date: formatDate(endedAt, lang),
  };
  return render({
    language: lang,
    subject: translate(lang, 'accessEnded.subject', words),
    greeting: greet(lang, forRequester ? request.requesterName : request.recipientName),
    blocks: [
      {
        kind: 'paragraph',
        text: translate(lang, forRequester ? 'accessEnded.body.requester' : 'accessEnded.body.recipient', words),
      },
      { kind: 'apps', apps: [app] },
    ],
    action: { label: translate(lang, 'action.viewRequest'), url: mailLinks.request(publicUrl, request.requestId) },
  });
}
