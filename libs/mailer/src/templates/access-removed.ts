import { mailLanguage, translate } from '../i18n';
import { mailLinks } from '../links';
import { greet, render } from './layout';
import type { Localized, MailApp, MailParty, MailRequest, RenderedMail } from './types';

export interface AccessRemovedMail extends Localized {
  publicUrl: string;
  request: MailRequest;
  app: MailApp;
  /** The team the recipient no longer belongs to (the request's team). */
  teamName: string;
  to: MailParty;
}

/**
 * R13.13: the recipient left the request's team (or its organization), so the system revoked the access they had
 * given it; to requester and recipient. The recipient's link is the home page: they may no longer see the request.
 */
export function accessRemoved({ publicUrl, request, app, teamName, to, language }: AccessRemovedMail): RenderedMail {
  const lang = mailLanguage(language);
  const forRequester = to === 'requester';
  const words = {
    requester: request.requesterName,
    recipient: request.recipientName,
    app: app.appName,
    request: request.requestName,
    team: teamName,
  };
  return render({
    language: lang,
    subject: translate(lang, 'accessRemoved.subject', words),
    greeting: greet(lang, forRequester ? request.requesterName : request.recipientName),
    blocks: [
      {
        kind: 'paragraph',
        text: translate(lang, forRequester ? 'accessRemoved.body.requester' : 'accessRemoved.body.recipient', words),
      },
      { kind: 'apps', apps: [app] },
    ],
    action: forRequester
      ? { label: translate(lang, 'action.viewRequest'), url: mailLinks.request(publicUrl, request.requestId) }
      : { label: translate(lang, 'action.openCredentialRequests'), url: mailLinks.home(publicUrl) },
  });
}
