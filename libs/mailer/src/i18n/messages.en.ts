/**
 * English e-mail messages. `{name}` placeholders are filled once, left to right, by `translate` (a value is never
 * read again as a template, so a request named "{app}" stays as typed).
 */
export const en = {
  'layout.greeting': 'Hello {name},',
  'layout.greetingNoName': 'Hello,',
  'layout.safeLink': 'Opening this link changes nothing by itself; you decide on the page.',
  'layout.why': 'You receive this e-mail because of a credential request you take part in.',
  'layout.link': 'Link',
  'label.description': 'Description',
  'label.reason': 'Reason',
  'label.error': 'Error',
  'value.noReason': '(no reason given)',
  'value.noDetails': '(no details)',
  'action.viewRequest': 'View request',
  'action.reviewRequest': 'Review request',
  'action.acceptInvitation': 'Accept invitation',
  'action.reauthorize': 'Reauthorize',
  'action.requestReauthorization': 'Request reauthorization',
  'action.openCredentialRequests': 'Open credential requests',
  'reviewRequest.subject': '{requester} asks you for credentials: {request}',
  'reviewRequest.body':
    '{requester} asks you to give access to these apps for the request "{request}". You enter the credentials on ' +
    "the request's page; {requester} never sees them.",
  'acceptInvitation.subject': '{requester} invites you to share credentials: {request}',
  'acceptInvitation.body':
    '{requester} invites you to join {organization} as a guest and to give access to these apps for the request ' +
    '"{request}". You enter the credentials yourself; {requester} never sees them.',
  'acceptInvitation.signIn':
    'Sign in with an account whose verified e-mail address is the one this message was sent to, then accept.',
  'appAuthorized.subject': '{recipient} authorized {app}: {request}',
  'appAuthorized.body':
    '{recipient} authorized {app} for the request "{request}". Your team can now use the connection in its scenarios.',
  'appAuthorized.accessEnds': 'Access ends on {date}.',
  'appDeclined.subject': '{recipient} declined {app}: {request}',
  'appDeclined.body': '{recipient} declined {app} for the request "{request}".',
  'reauthorizationRequested.subject': '{requester} asks you to reauthorize {app}: {request}',
  'reauthorizationRequested.body':
    'The {app} connection you authorized for the request "{request}" needs a new authorization. {requester} asks ' +
    'you to sign in to {app} again; the connection keeps working for the team once you do.',
  'appReauthorized.subject.requester': '{recipient} reauthorized {app}: {request}',
  'appReauthorized.subject.recipient': 'You reauthorized {app}: {request}',
  'appReauthorized.body.requester':
    '{recipient} reauthorized {app} for the request "{request}". The connection works again for your team.',
  'appReauthorized.body.recipient':
    'You reauthorized {app} for the request "{request}" from {requester}. The connection works again for their team.',
  'appReauthorized.endLifted': 'Access no longer ends on a set date.',
  'connectionExpired.subject': 'The {app} connection has expired: {request}',
  'connectionExpired.body':
    'The {app} connection of the request "{request}" could not be refreshed and no longer works. On the ' +
    "request's page you can ask {recipient} to reauthorize it.",
  'connectionExpired.reason.noTokens': 'No access is stored for this connection.',
  'connectionExpired.reason.noRefreshToken': 'The access expired and the provider does not renew it by itself.',
  'connectionExpired.reason.refreshRefused': 'The provider refused to renew the access ({code}).',
  'featureGranted.subject': '{member} may now use credential requests in {organization}',
  'featureGranted.body':
    '{member}, a member of {organization}, has been given access to credential requests. From now on {member} may ' +
    'ask people in {organization} to share app credentials with their teams, without ever seeing the secrets.',
  'featureGranted.subject.self': 'You may now use credential requests in {organization}',
  'featureGranted.body.self':
    'You have been given access to credential requests. From now on you may ask people in {organization} to share ' +
    'app credentials with your teams, without ever seeing the secrets.',
  'featureGranted.why': 'You receive this e-mail because you are an owner of {organization}.',
  'accessEnded.subject': 'Access to {app} has ended: {request}',
  'accessEnded.body.requester':
    'The access {recipient} gave to {app} for the request "{request}" ended on {date}, as set when it was ' +
    'authorized. Your team can no longer use this connection.',
  'accessEnded.body.recipient':
    'The access you gave to {app} for the request "{request}" from {requester} ended on {date}, as you set it. ' +
    'Their team can no longer use this connection.',
  'accessRemoved.subject': 'Access to {app} was revoked: {request}',
  'accessRemoved.body.requester':
    '{recipient} no longer belongs to the team {team}, so the access they gave to {app} for the request ' +
    '"{request}" was revoked. Your team can no longer use this connection; ask for new credentials if you still ' +
    'need them.',
  'accessRemoved.body.recipient':
    'You no longer belong to the team {team}, so the access you gave to {app} for the request "{request}" from ' +
    '{requester} was revoked. The team can no longer use your credentials.',
  'reminder.subject': 'Reminder: {requester} is waiting for credentials: {request}',
  'reminder.body':
    '{requester} asked you {days} ago to give access to these apps for the request "{request}", and they are ' +
    'still waiting for your answer. You may authorize or decline each app.',
  'reminder.days.one': '{count} day',
  'reminder.days.other': '{count} days',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
