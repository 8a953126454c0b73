// The shell's catalogue (namespace "common"): navigation, sign-in, shared labels and statuses.
const STATUSES = {
  AUTHORIZED: 'Authorized',
  PARTIALLY_AUTHORIZED: 'Partially authorized',
  INCOMPLETE: 'Incomplete',
  INVALID: 'Invalid',
  DECLINED: 'Declined',
  PENDING: 'Pending',
  REAUTHORIZING: 'Reauthorizing',
  REVOKED: 'Revoked',
};

export const en = {
  appName: 'Credential requests',
  skipToContent: 'Skip to content',
  nav: { label: 'Main', credentials: 'Credentials', signOut: 'Sign out', menu: 'Menu' },
  language: { label: 'Language', en: 'English', 'pt-BR': 'Português (Brasil)' },
  workspace: {
    organization: 'Organization',
    team: 'Team',
    none: 'You are not a member of any organization yet. Open the invitation you were sent, or <create>create an organization</create>.',
  },
  signIn: {
    title: 'Sign in',
    intro: 'Sign in to see the credential requests you sent and received.',
    // Come from an invitation's e-mail: often someone outside the organization, here for the first time.
    introInvitation:
      'You were invited to share credentials. Sign in with the e-mail address the invitation was sent to: it is how the invitation knows you.',
    firstTime: 'First time here? Signing in creates your account in this service; there is nothing else to set up.',
    oidc: 'Sign in',
    dev: {
      title: 'Development sign-in',
      warning: 'For development and tests only: no password is checked.',
      email: 'E-mail',
      name: 'Name',
      supportStaff: 'Support staff',
      submit: 'Sign in (development)',
    },
    none: 'No sign-in method is configured on this server.',
    failed: 'Sign-in did not complete ({{reason}}). Try again.',
    // A reason the page does not know: not echoed (the address is anyone's to write, and a code means nothing).
    failedUnknown: 'Sign-in did not complete. Try again.',
    // The server's reasons (`/?signin=error&reason=…`), said to a person.
    reasons: {
      provider_unavailable: 'your sign-in provider could not be reached',
      access_denied: 'you declined, or your sign-in provider refused',
      invalid_state: 'it took too long, or was started in another tab',
      no_email: 'your account gives no verified e-mail address',
      provider_error: 'your sign-in provider did not answer as expected',
    },
  },
  sessionEnded:
    'Your session has ended. <signin>Sign in again</signin> (in a new tab), then come back to this one: what you typed here stays.',
  // Said alone (a dialog's refusal) and after "Something went wrong:": a sentence either way.
  signedOut: 'Your session has ended. Sign in again to go on.',
  leave: {
    title: 'Leave this page?',
    body: 'What you typed here has not been sent, and will be lost.',
    stay: 'Stay on this page',
    leave: 'Leave',
  },
  signOutFailed: 'You are still signed in: the service could not be reached to sign you out. Try again.',
  loading: 'Loading…',
  error: 'Something went wrong: {{message}}',
  routeError: {
    notLoadedTitle: 'This page could not be loaded',
    notLoaded:
      'The service was updated while this page was open, or the connection failed on the way. Reload the page to get the current version.',
    title: 'Something went wrong on this page',
    body: 'The page stopped on an error of its own. Reload it; if it happens again, go back to the credential requests.',
    reload: 'Reload the page',
  },
  notFound: { title: 'Page not found', back: 'Go to credential requests' },
  cancel: 'Cancel',
  close: 'Close',
  status: STATUSES,
  // An app's status: the same words in English; Portuguese says them in the app's gender (o app).
  appStatus: STATUSES,
  // What a refused field says, in the reader's words (lib/field-messages.ts maps the server's sentences here).
  fieldErrors: {
    required: 'Fill this in.',
    length: 'Use 1 to {{max}} characters.',
    tooLong: 'Use at most {{max}} characters.',
    email: 'Enter an e-mail address, such as name@example.com.',
    terms: 'Accept the terms and conditions to send the request.',
    future: 'Choose a date and time in the future.',
    dateTime: 'Enter a valid date and time.',
    duplicateApp: 'This app is already in the request: choose another one, or remove this one.',
    modules: 'Choose at least one module, or all modules.',
    apps: 'Add at least one app.',
    recipientChoice: 'Choose a person of the organization, or give the name and e-mail address of someone outside it.',
    domain: 'Enter a domain name, such as example.com.',
    characters: 'Remove the tabs, line breaks or invisible characters from this text.',
    unknownChoice: 'This choice is not available any more: choose again.',
    language: 'Choose a language from the list.',
    webhookHttps: 'Enter an https address, such as https://hooks.example.com/credentials.',
    webhookCredentials: 'Remove the user name and password from the address.',
    webhookPublic: 'The address must be reachable on the public internet.',
    self: 'You cannot send a request to yourself: choose someone else.',
    notMember: 'This person is not a member of the organization.',
  },
  // What a refused operation says, in the reader's words (lib/operation-messages.ts maps the server's sentences here).
  tryAgain: 'Try again',
  operationErrors: {
    concurrent: 'Someone else changed this at the same time. Please try again.',
    network: 'The service could not be reached, or its answer was lost. Check your connection and try again.',
    requestExists: 'This request already exists.',
    organizationExists: 'An organization with this name already exists.',
    teamExists: 'A team with this name already exists.',
    notApplied: 'This person has not applied.',
    // The form was sent once (its answer may have been lost: the request may exist) and changed since.
    idempotency:
      'This form was already sent once, and has changed since: its first answer may have been lost. Look for the request in the Sent list before sending it again; to send another one, reload this page.',
    accessNotEnded: 'The access to {{app}} has not reached its end date yet.',
    // Said beside the app (its card, its dialog): the service names it by its key, which is no name for a person. The
    // page reads the request again on this refusal (useAfterAction), so it shows the app as it is now.
    appChanged: 'This app has changed in the meantime, so this is no longer possible. The page now shows it as it is.',
    appNotInRequest: '{{app}} is not part of this request.',
    notRefreshable: 'The connection of {{app}} cannot be refreshed.',
    systemOnly: 'Connections are refreshed by the service itself.',
    featureNotEnabled: 'Credential requests are not enabled for you. Apply for them first.',
    planNotEligible: 'This organization’s plan does not include credential requests.',
    needsOwner: 'An organization needs an owner.',
    guestsCannotCreate: 'Guests of an organization cannot create credential requests.',
    externalAdminsOnly: 'Only organization owners and admins may ask people outside the organization.',
    sameTeamOnly: 'As a member of the team, you may ask only its members.',
    outsideMailLimit:
      'This team has sent as many e-mails to people outside the organization as it may in an hour. Try again in {{minutes}} min.',
    ownRole: 'Nobody changes their own role or removes themselves: ask another admin.',
    auditorsOnly: 'Only organization admins and team admins see the history.',
    orgAdminsOnly: 'Only organization owners and admins may do this.',
    teamAdminsOnly: 'Only organization owners and admins, or the team’s admins, manage the team’s members.',
    ownersOnly: 'Only an owner can appoint, demote or remove an owner.',
    supportOnly: 'Only support staff may do this.',
    recipientOnly: 'Only the person the request was sent to may do this.',
    reauthorizeOnly: 'Only the requester or a team admin may ask for reauthorization.',
    deleteOnly: 'Only the requester, the recipient or organization admins may delete this request.',
    invitationOtherAddress: 'Sign in with the verified e-mail address the invitation was sent to.',
    invitationTaken: 'This invitation was already accepted by another account.',
    notTeamAdmin: 'You do not administer this team.',
    notTeamMember: 'You must be a member of the team to send requests from it.',
    requestNotFound: 'This request does not exist, or you may not see it.',
    invitationNotFound: 'This invitation does not exist or is no longer valid.',
    organizationNotFound: 'This organization does not exist, or you are not a member of it.',
    teamNotFound: 'This team does not exist, or you are not a member of its organization.',
    userNotFound: 'This person was not found.',
    webhookNotFound: 'This webhook does not exist any more.',
    appNotGranted: 'Access was not granted at the provider. It needs to be authorized again, allowing access.',
    appMissingScopes:
      'Not every permission the request needs was granted (missing: {{scopes}}). It needs to be authorized again, allowing them all.',
    appWrongDomain:
      'The account used is not from {{domain}}. It needs to be authorized again with an account of that domain.',
    appGrantRefused: 'The provider refused the authorization. It needs to be authorized again.',
    appNoTokens: 'No access is stored for this connection: it needs to be authorized again.',
    appNoRefreshToken:
      'The access expired and the provider does not renew it by itself: it needs to be authorized again.',
    appRefreshRefused: 'The provider refused to renew the access: it needs to be authorized again.',
    signIn: 'Sign in to continue.',
    sessionEnded: 'Your session has ended. Sign in again.',
    notSignedIn: 'This was not done: you were not signed in when it was sent. Once signed in, try again.',
    noEmail: 'Your account does not give an e-mail address. Sign in with an account that has one.',
    otherIdentity: 'This e-mail address belongs to another account. Sign in with that account.',
    unverified: 'Your e-mail address is not verified. Verify it with your sign-in provider, then sign in again.',
    rateLimitedFor: 'Too many failed attempts. Try again in {{seconds}} seconds.',
    rateLimited: 'Too many attempts. Try again later.',
    notEligible: 'Not eligible: {{reasons}}.',
    eligibility: {
      noEligibleOrganization:
        'the person belongs to no Enterprise organization and no partner organization on a paid plan',
      notCorporate: 'the e-mail address is not a corporate address',
      unverifiedEmail: 'the e-mail address is not verified',
    },
    verificationUnavailable: 'The app could not check the credentials right now. Nothing was changed; try again.',
    verificationUnavailableBecause:
      'The app could not check the credentials right now ({{reason}}). Nothing was changed; try again.',
    verificationReason: {
      timedOut: 'it did not answer in time',
      networkError: 'it could not be reached',
      answered: 'it answered {{status}}',
    },
  },
};
