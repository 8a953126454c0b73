import { greet, optionalQuote, render } from './layout';
import type { MailRequest, RenderedMail } from './types';

export interface AcceptInvitationMail {
  /** Built with `mailLinks.invitation(publicUrl, token)`; the template never sees the token on its own. */
  invitationUrl: string;
  organizationName: string;
  request: MailRequest;
}

/** SPEC §11 / R4.4: a request was created for an external recipient. */
export function acceptInvitation({ invitationUrl, organizationName, request }: AcceptInvitationMail): RenderedMail {
  return render({
    subject: `${request.requesterName} invites you to share credentials: ${request.requestName}`,
    greeting: greet(request.recipientName),
    blocks: [
      {
        kind: 'paragraph',
        text:
          `${request.requesterName} invites you to join ${organizationName} as a guest and to give access to these ` +
          `apps for the request "${request.requestName}". You enter the credentials yourself; ` +
          `${request.requesterName} never sees them.`,
      },
      { kind: 'apps', apps: request.apps },
      ...optionalQuote('Description', request.description),
      {
        kind: 'paragraph',
        text: 'Sign in with an account whose verified e-mail address is the one this message was sent to, then accept.',
      },
    ],
    action: { label: 'Accept invitation', url: invitationUrl },
  });
}
