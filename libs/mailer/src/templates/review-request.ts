import { mailLanguage, translate } from '../i18n';
import { mailLinks } from '../links';
import { greet, optionalQuote, render } from './layout';
import type { Localized, MailRequest, RenderedMail } from './types';

export interface ReviewRequestMail extends Localized {
  publicUrl: string;
  request: MailRequest;
}

/** SPEC §11 / R4.5: a request was created for an internal recipient. */
export function reviewRequest({ publicUrl, request, language }: ReviewRequestMail): RenderedMail {
  const lang = mailLanguage(language);
  const words = { requester: request.requesterName, request: request.requestName };
  return render({
    language: lang,
    subject: translate(lang, 'reviewRequest.subject', words),
    greeting: greet(lang, request.recipientName),
    blocks: [
      { kind: 'paragraph', text: translate(lang, 'reviewRequest.body', words) },
      { kind: 'apps', apps: request.apps },
      ...optionalQuote(translate(lang, 'label.description'), request.description),
    ],
    action: { label: translate(lang, 'action.reviewRequest'), url: mailLinks.request(publicUrl, request.requestId) },
  });
}
