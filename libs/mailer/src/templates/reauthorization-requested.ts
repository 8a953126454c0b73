import { mailLanguage, translate } from '../i18n';
import { mailLinks } from '../links';
import { greet, render } from './layout';
import type { Localized, MailApp, MailRequest, RenderedMail } from './types';

export interface ReauthorizationRequestedMail extends Localized {
  publicUrl: string;
  request: MailRequest;
  app: MailApp;
  /** R5.4: who asked, when not the requester (an admin of the request's team). */
  askedBy?: string | null;
}

/** SPEC §11 / R5.4: the recipient is asked to grant an OAuth2 app again. */
export function reauthorizationRequested({
  publicUrl,
  request,
  app,
  askedBy,
  language,
}: ReauthorizationRequestedMail): RenderedMail {
  const lang = mailLanguage(language);
  const words = { requester: askedBy || request.requesterName, app: app.appName, request: request.requestName };
  return render({
    language: lang,
    subject: translate(lang, 'reauthorizationRequested.subject', words),
    greeting: greet(lang, request.recipientName),
    blocks: [
      { kind: 'paragraph', text: translate(lang, 'reauthorizationRequested.body', words) },
      { kind: 'apps', apps: [app] },
    ],
    action: {
      label: translate(lang, 'action.reauthorize'),
      url: mailLinks.reauthorize(publicUrl, request.requestId, app.appKey),
    },
  });
}
