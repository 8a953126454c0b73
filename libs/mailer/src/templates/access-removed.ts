import { mailLinks } from '../links';
import { greet, render } from './layout';
import type { MailApp, MailParty, MailRequest, RenderedMail } from './types';

export interface AccessRemovedMail {
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
export function accessRemoved({ publicUrl, request, app, teamName, to }: AccessRemovedMail): RenderedMail {
  const forRequester = to === 'requester';
  return render({
    subject: `Access to ${app.appName} was revoked: ${request.requestName}`,
    greeting: greet(forRequester ? request.requesterName : request.recipientName),
    blocks: [
      {
        kind: 'paragraph',
        text: forRequester
          ? `${request.recipientName} no longer belongs to the team ${teamName}, so the access they gave to ` +
            `${app.appName} for the request "${request.requestName}" was revoked. Your team can no longer use ` +
            'this connection; ask for new credentials if you still need them.'
          : `You no longer belong to the team ${teamName}, so the access you gave to ${app.appName} for the ` +
            `request "${request.requestName}" from ${request.requesterName} was revoked. The team can no longer ` +
            'use your credentials.',
      },
      { kind: 'apps', apps: [app] },
    ],
    action: forRequester
      ? { label: 'View request', url: mailLinks.request(publicUrl, request.requestId) }
      : { label: 'Open credential requests', url: mailLinks.home(publicUrl) },
  });
}
