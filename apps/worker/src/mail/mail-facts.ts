import type { CredentialRequestState, RequestedAppState } from '@libs/domain';
import type { MailApp, MailRequest } from '@libs/mailer';

export function mailApp(app: RequestedAppState): MailApp {
  return { appKey: app.appKey, appName: app.appName, modules: app.modules.map((m) => m.name) };
}

export function mailRequest(state: CredentialRequestState, apps = state.apps): MailRequest {
  return {
    requestId: state.requestId,
    requestName: state.name,
    requesterName: state.requester.name,
    recipientName: state.recipient.name,
    description: state.description,
    apps: apps.map(mailApp),
  };
}
