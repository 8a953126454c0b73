import { mailLinks } from '../links';
import { greet, render } from './layout';
import type { RenderedMail } from './types';

export interface FeatureGrantedMail {
  publicUrl: string;
  /** The organization owner this copy goes to; omitted: a plain greeting. */
  ownerName?: string | null;
  memberName: string;
  organizationName: string;
}

/** SPEC §11 / R2.3: to each owner of an eligible organization of a member who now has the feature. */
export function featureGranted({
  publicUrl,
  ownerName,
  memberName,
  organizationName,
}: FeatureGrantedMail): RenderedMail {
  return render({
    subject: `${memberName} may now use credential requests in ${organizationName}`,
    greeting: greet(ownerName ?? ''),
    blocks: [
      {
        kind: 'paragraph',
        text:
          `${memberName}, a member of ${organizationName}, has been given access to credential requests. ` +
          `From now on ${memberName} may ask people in ${organizationName} to share app credentials ` +
          'with their teams, without ever seeing the secrets.',
      },
    ],
    action: { label: 'Open credential requests', url: mailLinks.home(publicUrl) },
    why: `You receive this e-mail because you are an owner of ${organizationName}.`,
  });
}
