import { mailLinks } from '../links';
import { greet, optionalQuote, render } from './layout';
import type { MailRequest, RenderedMail } from './types';

export interface ReviewRequestMail {
  publicUrl: string;
  request: MailRequest;
}

/** SPEC §11 / R4.5: a request was created for an internal recipient. */
export function reviewRequest({ publicUrl, request }: ReviewRequestMail): RenderedMail {
  return render({
    subject: `${request.requesterName} asks you for credentials: ${request.requestName}`,
    greeting: greet(request.recipientName),
    blocks: [
      {
        kind: 'paragraph',
        text:
          `${request.requesterName} asks you to give access to these apps for the request "${request.requestName}". ` +
          `You enter the credentials on the request's page; ${request.requesterName} never sees them.`,
      },
      { kind: 'apps', apps: request.apps },
      ...optionalQuote('Description', request.description),
    ],
    action: { label: 'Review request', url: mailLinks.request(publicUrl, request.requestId) },
  });
}
