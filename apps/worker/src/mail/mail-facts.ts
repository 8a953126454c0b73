import type { CredentialRequestState, Language, RequestedAppState } from '@libs/domain';
import type { MailApp, MailRequest } from '@libs/mailer';

/** What a mail job says of an app: the template's facts, and the keys that name its modules in another language. */
export interface MailAppFacts extends MailApp {
  version?: number;
  /** Absent from jobs queued before issue 10's module names: those keep the English names they carry. */
  moduleKeys?: string[];
}

/** A module's name in a language, as the catalog gives it (undefined: the catalog no longer has the module). */
export type ModuleNamer = (
  appKey: string,
  version: number,
  moduleKey: string,
  language: Language,
) => string | undefined;

export function mailApp(app: RequestedAppState): MailAppFacts {
  return {
    appKey: app.appKey,
    appName: app.appName,
    version: app.version,
    moduleKeys: app.modules.map((m) => m.key),
    modules: app.modules.map((m) => m.name),
  };
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

/** The modules of a job's facts named in the addressee's language (issue 10), at send time. */
export function localizedModules(
  data: Record<string, unknown>,
  language: Language,
  name: ModuleNamer,
): Record<string, unknown> {
  const localize = (app: MailAppFacts): MailAppFacts => {
    const { version, moduleKeys } = app;
    if (version === undefined || moduleKeys?.length !== app.modules.length) return app;
    return { ...app, modules: moduleKeys.map((key, i) => name(app.appKey, version, key, language) ?? app.modules[i]) };
  };
  const request = data.request as MailRequest | undefined;
  return {
    ...data,
    ...(request ? { request: { ...request, apps: request.apps.map(localize) } } : {}),
    ...(data.app ? { app: localize(data.app as MailAppFacts) } : {}),
  };
}
