import { mailLanguage, translate, type MailLanguage } from '../i18n';
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

/**
 * The refresh error in the reader's language when the service wrote it (libs/application connection-refresher), the
 * provider's code kept; anything else (a provider's own text) as it came.
 */
function reasonOf(error: string, lang: MailLanguage): string {
  if (/^No tokens are stored for this connection/.test(error))
    return translate(lang, 'connectionExpired.reason.noTokens');
  if (/^The access token expired and the provider gave no refresh token/.test(error))
    return translate(lang, 'connectionExpired.reason.noRefreshToken');
  const refused = /^The provider refused to refresh the token \((.+)\)\.?$/.exec(error);
  if (refused) return translate(lang, 'connectionExpired.reason.refreshRefused', { code: refused[1] });
  return error;
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
        text: reasonOf(error.trim(), lang) || translate(lang, 'value.noDetails'),
      },
    ],
    action: {
      label: translate(lang, 'action.requestReauthorization'),
      url: mailLinks.request(publicUrl, request.requestId),
    },
  });
}
