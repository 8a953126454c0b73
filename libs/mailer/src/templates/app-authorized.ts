import { mailLinks } from '../links';
import { formatUtc } from './format';
import { greet, render, type Block } from './layout';
import type { MailApp, MailRequest, RenderedMail } from './types';

export interface AppAuthorizedMail {
  publicUrl: string;
  request: MailRequest;
  app: MailApp;
  /** R12.4: ISO date when access ends, if the recipient set one. */
  accessUntil?: string | null;
}

/** SPEC §11: an app was authorized; to the requester. */
export function appAuthorized({ publicUrl, request, app, accessUntil }: AppAuthorizedMail): RenderedMail {
  const until: Block[] = accessUntil ? [{ kind: 'paragraph', text: `Access ends on ${formatUtc(accessUntil)}.` }] : [];
  return render({
    subject: `${request.recipientName} authorized ${app.appName}: ${request.requestName}`,
    greeting: greet(request.requesterName),
    blocks: [
      {
        kind: 'paragraph',
        text:
          `${request.recipientName} authorized ${app.appName} for the request "${request.requestName}". ` +
          'Your team can now use the connection in its scenarios.',
      },
      { kind: 'apps', apps: [app] },
      ...until,
    ],
    action: { label: 'View request', url: mailLinks.request(publicUrl, request.requestId) },
  });
}
