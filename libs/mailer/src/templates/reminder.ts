import { countOf, mailLanguage, translate } from '../i18n';
import { mailLinks } from '../links';
import { greet, render } from './layout';
import type { Localized, MailRequest, RenderedMail } from './types';

export interface ReminderMail extends Localized {
  publicUrl: string;
  /** `apps` should hold the apps still waiting for an answer. */
  request: MailRequest;
  daysWaiting: number;
  /**
   * For an external recipient who has not accepted yet the review page is out of reach: pass the invitation link
   * (`mailLinks.invitation`) and the reminder points there instead.
   */
  invitationUrl?: string | null;
}

/** R12.5: a request is still unanswered after N days; to the recipient. */
export function reminder({ publicUrl, request, daysWaiting, invitationUrl, language }: ReminderMail): RenderedMail {
  const lang = mailLanguage(language);
  const words = {
    requester: request.requesterName,
    request: request.requestName,
    days: countOf(lang, 'reminder.days.one', 'reminder.days.other', daysWaiting),
  };
  return render({
    language: lang,
    subject: translate(lang, 'reminder.subject', words),
    greeting: greet(lang, request.recipientName),
    blocks: [
      { kind: 'paragraph', text: translate(lang, 'reminder.body', words) },
      { kind: 'apps', apps: request.apps },
    ],
    action: invitationUrl
      ? { label: translate(lang, 'action.acceptInvitation'), url: invitationUrl }
      : { label: translate(lang, 'action.reviewRequest'), url: mailLinks.request(publicUrl, request.requestId) },
  });
}
