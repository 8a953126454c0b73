import { mailLinks } from '../links';
import { greet, render } from './layout';
import type { MailApp, MailParty, MailRequest, RenderedMail } from './types';

export interface AppReauthorizedMail {
  publicUrl: string;
  request: MailRequest;
  app: MailApp;
  to: MailParty;
}

/** SPEC §11 / R5.5: an app was reauthorized; to requester and recipient. */
export function appReauthorized({ publicUrl, request, app, to }: AppReauthorizedMail): RenderedMail {
  const forRequester = to === 'requester';
  return render({
    subject: forRequester
      ? `${request.recipientName} reauthorized ${app.appName}: ${request.requestName}`
      : `You reauthorized ${app.appName}: ${request.requestName}`,
    greeting: greet(forRequester ? request.requesterName : request.recipientName),
    blocks: [
      {
        kind: 'paragraph',
        text: forRequester
          ? `${request.recipientName} reauthorized ${app.appName} for the request "${request.requestName}". ` +
            'The connection works again for your team.'
          : `You reauthorized ${app.appName} for the request "${request.requestName}" from ` +
            `${request.requesterName}. The connection works again for their team.`,
      },
      { kind: 'apps', apps: [app] },
    ],
    action: { label: 'View request', url: mailLinks.request(publicUrl, request.requestId) },
  });
}
