import { mailLinks } from '../links';
import { greet, render } from './layout';
import type { MailRequest, RenderedMail } from './types';

export interface ReminderMail {
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
export function reminder({ publicUrl, request, daysWaiting, invitationUrl }: ReminderMail): RenderedMail {
  const days = daysWaiting === 1 ? '1 day' : `${daysWaiting} days`;
  return render({
    subject: `Reminder: ${request.requesterName} is waiting for credentials: ${request.requestName}`,
    greeting: greet(request.recipientName),
    blocks: [
      {
        kind: 'paragraph',
        text:
          `${request.requesterName} asked you ${days} ago to give access to these apps for the request ` +
          `"${request.requestName}", and they are still waiting for your answer. You may authorize or decline each app.`,
      },
      { kind: 'apps', apps: request.apps },
    ],
    action: invitationUrl
      ? { label: 'Accept invitation', url: invitationUrl }
      : { label: 'Review request', url: mailLinks.request(publicUrl, request.requestId) },
  });
}
