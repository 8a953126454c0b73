import { mailLinks } from '../links';
import { formatUtc } from './format';
import { greet, render } from './layout';
import type { MailApp, MailParty, MailRequest, RenderedMail } from './types';

export interface AccessEndedMail {
  publicUrl: string;
  request: MailRequest;
  app: MailApp;
  /** ISO date the access ended (the authorization's end date). */
  endedAt: string;
  to: MailParty;
}

/** SPEC §11 / R12.4: a time-limited authorization reached its end date; to requester and recipient. */
export function accessEnded({ publicUrl, request, app, endedAt, to }: AccessEndedMail): RenderedMail {
  const when = formatUtc(endedAt);
  const forRequester = to === 'requester';
  return render({
    subject: `Access to ${app.appName} has ended: ${request.requestName}`,
    greeting: greet(forRequester ? request.requesterName : request.recipientName),
    blocks: [
      {
        kind: 'paragraph',
        text: forRequester
          ? `The access ${request.recipientName} gave to ${app.appName} for the request "${request.requestName}" ` +
            `ended on ${when}, as set when it was authorized. Your team can no longer use this connection.`
          : `The access you gave to ${app.appName} for the request "${request.requestName}" from ` +
            `${request.requesterName} ended on ${when}, as you set it. Their team can no longer use this connection.`,
      },
      { kind: 'apps', apps: [app] },
    ],
    action: { label: 'View request', url: mailLinks.request(publicUrl, request.requestId) },
  });
}
