import { mailLanguage, translate } from '../i18n';
import { mailLinks } from '../links';
import { greet, render } from './layout';
import type { Localized, RenderedMail } from './types';

export interface FeatureGrantedMail extends Localized {
  publicUrl: string;
  /** The organization owner this copy goes to; omitted: a plain greeting. */
  ownerName?: string | null;
  memberName: string;
  organizationName: string;
  /** The owner is the member who got the feature: the e-mail speaks to them, not of them in the third person. */
  self?: boolean;
}

/** SPEC §11 / R2.3: to each owner of an eligible organization of a member who now has the feature. */
export function featureGranted({
  publicUrl,
  ownerName,
  memberName,
  organizationName,
  self,
  language,
}: FeatureGrantedMail): RenderedMail {
  const lang = mailLanguage(language);
  const words = { member: memberName, organization: organizationName };
  return render({
    language: lang,
    subject: translate(lang, self ? 'featureGranted.subject.self' : 'featureGranted.subject', words),
    greeting: greet(lang, ownerName ?? ''),
    blocks: [
      { kind: 'paragraph', text: translate(lang, self ? 'featureGranted.body.self' : 'featureGranted.body', words) },
    ],
    action: { label: translate(lang, 'action.openCredentialRequests'), url: mailLinks.home(publicUrl) },
    why: translate(lang, 'featureGranted.why', words),
  });
}
