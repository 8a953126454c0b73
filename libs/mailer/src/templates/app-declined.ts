import { mailLinks } from '../links';
import { greet, render } from './layout';
import type { MailApp, MailRequest, RenderedMail } from './types';

export interface AppDeclinedMail {
  publicUrl: string;
  request: MailRequest;
  app: MailApp;
  /** Required by the decline decider (`decideDeclineApp`), shown to the requester. */
  reason: string;
}

/** SPEC §11: an app was declined; to the requester, with the reason. */
export function appDeclined({ publicUrl, request, app, reason }: AppDeclinedMail): RenderedMail {
  return render({
    subject: `${request.recipientName} declined ${app.appName}: ${request.requestName}`,
    greeting: greet(request.requesterName),
    blocks: [
      {
        kind: 'paragraph',
        text: `${request.recipientName} declined ${app.appName} for the request "${request.requestName}".`,
      },
      { kind: 'apps', apps: [app] },
      { kind: 'quote', label: 'Reason', text: reason.trim() || '(no reason given)' },
    ],
    action: { label: 'View request', url: mailLinks.request(publicUrl, request.requestId) },
  });
}
