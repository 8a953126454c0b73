import { ApplyForCredentialRequestsHandler } from './apply-for-credential-requests/apply-for-credential-requests.handler';
import { ChooseLanguageHandler } from './choose-language/choose-language.handler';
import { ProvisionIdentityHandler } from './provision-identity/provision-identity.handler';
import { ReviewCredentialRequestsApplicationHandler } from './review-credential-requests-application/review-credential-requests-application.handler';

export * from './provision-identity/provision-identity.command';
export * from './apply-for-credential-requests/apply-for-credential-requests.command';
export * from './review-credential-requests-application/review-credential-requests-application.command';
export * from './choose-language/choose-language.command';

export const UserHandlers = [
  ProvisionIdentityHandler,
  ApplyForCredentialRequestsHandler,
  ReviewCredentialRequestsApplicationHandler,
  ChooseLanguageHandler,
];
