import { mailLinks } from '../links';
import { greet, render } from './layout';
import type { MailApp, MailRequest, RenderedMail } from './types';

export interface ConnectionExpiredMail {
  publicUrl: string;
  request: MailRequest;
  app: MailApp;
  /** R5.6: the refresh error as shown on the app (provider text, never a token). */
  error: string;
}

/** SPEC §11 / R5.6: a token refresh failed; to the requester, suggesting reauthorization. */
export function connectionExpired({ publicUrl, request, app, error }: ConnectionExpiredMail): RenderedMail {
  return render({
    subject: `The ${app.appName} connection has expired: ${request.requestName}`,
    greeting: greet(request.requesterName),
    blocks: [
      {
        kind: 'paragraph',
        text:
          `The ${app.appName} connection of the request "${request.requestName}" could not be refreshed and no ` +
          `longer works. On the request's page you can ask ${request.recipientName} to reauthorize it.`,
      },
      { kind: 'apps', apps: [app] },
      { kind: 'quote', label: 'Error', text: error.trim() || '(no details)' },
    ],
    action: { label: 'Request reauthorization', url: mailLinks.request(publicUrl, request.requestId) },
  });
}
