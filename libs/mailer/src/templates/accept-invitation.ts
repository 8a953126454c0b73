import { mailLanguage, translate } from '../i18n';
import { greet, optionalQuote, render } from './layout';
import type { Localized, MailRequest, RenderedMail } from './types';

export interface AcceptInvitationMail extends Localized {
  /** Built with `mailLinks.invitation(publicUrl, token)`; the template never sees the token on its own. */
  invitationUrl: string;
  organizationName: string;
  request: MailRequest;
}

/** SPEC §11 / R4.4: a request was created for an external recipient, in the language the requester picked. */
export function acceptInvitation({
  invitationUrl,
  organizationName,
  request,
  language,
}: AcceptInvitationMail): RenderedMail {
  const lang = mailLanguage(language);
  const words = { requester: request.requesterName, request: request.requestName, organization: organizationName };
  return render({
    language: lang,
    subject: translate(lang, 'acceptInvitation.subject', words),
    greeting: greet(lang, request.recipientName),
    blocks: [
      { kind: 'paragraph', text: translate(lang, 'acceptInvitation.body', words) },
      { kind: 'apps', apps: request.apps },
      ...optionalQuote(translate(lang, 'label.description'), request.description),
      { kind: 'paragraph', text: translate(lang, 'acceptInvitation.signIn') },
    ],
    action: { label: translate(lang, 'action.acceptInvitation'), url: invitationUrl },
  });
}
