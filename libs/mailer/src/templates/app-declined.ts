import { mailLanguage, translate } from '../i18n';
import { mailLinks } from '../links';
import { greet, render } from './layout';
import type { Localized, MailApp, MailRequest, RenderedMail } from './types';

export interface AppDeclinedMail extends Localized {
  publicUrl: string;
  request: MailRequest;
  app: MailApp;
  /** Required by the decline decider (`decideDeclineApp`), shown to the requester. */
  reason: string;
}

/** SPEC §11: an app was declined; to the requester, with the reason. */
export function appDeclined({ publicUrl, request, app, reason, language }: AppDeclinedMail): RenderedMail {
  const lang = mailLanguage(language);
  const words = { recipient: request.recipientName, app: app.appName, request: request.requestName };
  return render({
    language: lang,
    subject: translate(lang, 'appDeclined.subject', words),
    greeting: greet(lang, request.requesterName),
    blocks: [
      { kind: 'paragraph', text: translate(lang, 'appDeclined.body', words) },
      { kind: 'apps', apps: [app] },
      {
        kind: 'quote',
        label: translate(lang, 'label.reason'),
        text: reason.trim() || translate(lang, 'value.noReason'),
      },
    ],
    action: { label: translate(lang, 'action.viewRequest'), url: mailLinks.request(publicUrl, request.requestId) },
  });
}
