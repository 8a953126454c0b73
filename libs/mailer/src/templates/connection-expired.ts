import { mailLanguage, translate } from '../i18n';
import { mailLinks } from '../links';
import { greet, render } from './layout';
import type { Localized, MailApp, MailRequest, RenderedMail } from './types';

export interface ConnectionExpiredMail extends Localized {
  publicUrl: string;
  request: MailRequest;
  app: MailApp;
  /** R5.6: the refresh error as shown on the app (provider text, never a token). */
  error: string;
}

/** SPEC §11 / R5.6: a token refresh failed; to the requester, suggesting reauthorization. */
export function connectionExpired({ publicUrl, request, app, error, language }: ConnectionExpiredMail): RenderedMail {
  const lang = mailLanguage(language);
  const words = { recipient: request.recipientName, app: app.appName, request: request.requestName };
  return render({
    language: lang,
    subject: translate(lang, 'connectionExpired.subject', words),
    greeting: greet(lang, request.requesterName),
    blocks: [
      { kind: 'paragraph', text: translate(lang, 'connectionExpired.body', words) },
      { kind: 'apps', apps: [app] },
      {
        kind: 'quote',
        label: translate(lang, 'label.error'),
        text: error.trim() || translate(lang, 'value.noDetails'),
      },
    ],
    action: {
      label: translate(lang, 'action.requestReauthorization'),
      url: mailLinks.request(publicUrl, request.requestId),
    },
  });
}
