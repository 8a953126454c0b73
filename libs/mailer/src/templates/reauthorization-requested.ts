import { mailLinks } from '../links';
import { greet, render } from './layout';
import type { MailApp, MailRequest, RenderedMail } from './types';

export interface ReauthorizationRequestedMail {
  publicUrl: string;
  request: MailRequest;
  app: MailApp;
}

/** SPEC §11 / R5.4: the recipient is asked to grant an OAuth2 app again. */
export function reauthorizationRequested({ publicUrl, request, app }: ReauthorizationRequestedMail): RenderedMail {
  return render({
    subject: `${request.requesterName} asks you to reauthorize ${app.appName}: ${request.requestName}`,
    greeting: greet(request.recipientName),
    blocks: [
      {
        kind: 'paragraph',
        text:
          `The ${app.appName} connection you authorized for the request "${request.requestName}" needs a new ` +
          `authorization. ${request.requesterName} asks you to sign in to ${app.appName} again; the connection ` +
          'keeps working for the team once you do.',
      },
      { kind: 'apps', apps: [app] },
    ],
    action: { label: 'Reauthorize', url: mailLinks.reauthorize(publicUrl, request.requestId, app.appKey) },
  });
}
