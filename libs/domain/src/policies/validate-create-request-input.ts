import { type AppCatalog, findApp, findVersion } from '../catalog/app-catalog';
import type { RequestedAppData } from '../credential-request/events';
import { DEFAULT_LANGUAGE, isLanguage, type FieldError, type Language } from '../shared/types';
import { isValidEmail, normalizeEmail } from './corporate-email';
import { scopesFor } from './scopes';
import { LIMITS } from './limits';

/** The GraphQL input of createCredentialRequest (schema.graphql), as the gateway hands it over. */
export interface RecipientInput {
  userId?: string | null;
  name?: string | null;
  email?: string | null;
  /** The outside recipient's e-mail language (issue 10); refused with a userId, where the member's choice rules. */
  language?: Language | null;
}

export interface RequestedAppInput {
  appKey: string;
  version?: number | null;
  modules?: string[] | null;
  allModules?: boolean | null;
  note?: string | null;
  connectionName?: string | null;
  expectedAccountDomain?: string | null;
}

export interface CreateCredentialRequestInput {
  teamId: string;
  name: string;
  recipient: RecipientInput;
  description?: string | null;
  apps: RequestedAppInput[];
  termsAccepted: boolean;
  idempotencyKey?: string | null;
}

export type NormalizedRecipient =
  { kind: 'USER'; userId: string } | { kind: 'EXTERNAL'; name: string; email: string; language: Language };

export interface NormalizedCreateRequestInput {
  teamId: string;
  name: string;
  description: string | null;
  recipient: NormalizedRecipient;
  apps: RequestedAppData[];
  idempotencyKey: string | null;
}

export type CreateRequestValidation =
  { ok: true; value: NormalizedCreateRequestInput } | { ok: false; errors: FieldError[] };

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

function blankToNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * R4.1 + R13.3: every invalid field at once, paths written from the argument name (`input.apps.1.note`).
 * `recipientName` is the name used in default connection names (for a userId recipient the caller knows it);
 * without it the external recipient's input name is used.
 */
export function validateCreateRequestInput(
  input: CreateCredentialRequestInput,
  catalog: AppCatalog,
  recipientName?: string,
): CreateRequestValidation {
  const errors: FieldError[] = [];
  const fail = (path: string, message: string) => errors.push({ path, message });

  const name = (input.name ?? '').trim();
  if (name.length === 0) fail('input.name', 'The name is required.');
  else if (name.length > LIMITS.name) fail('input.name', `The name must be at most ${LIMITS.name} characters.`);

  const description = blankToNull(input.description);
  if (description !== null && description.length > LIMITS.description) {
    fail('input.description', `The description must be at most ${LIMITS.description} characters.`);
  }

  let recipient: NormalizedRecipient | null = null;
  const r = input.recipient ?? {};
  const userId = blankToNull(r.userId);
  const email = blankToNull(r.email);
  const recipientInputName = blankToNull(r.name);
  const language = r.language ?? null;
  if (language !== null && !isLanguage(language)) fail('input.recipient.language', 'Choose EN or PT_BR.');
  else if (language !== null && userId !== null && email === null) {
    fail('input.recipient.language', "A member's e-mails use their own language; give it only for an outside person.");
  }
  if (userId !== null && email !== null) {
    fail('input.recipient', 'Give either a userId or a name and e-mail, not both.');
  } else if (userId !== null) {
    recipient = { kind: 'USER', userId };
  } else if (email !== null || recipientInputName !== null) {
    let ok = true;
    if (recipientInputName === null) {
      fail('input.recipient.name', 'The recipient name is required for an external person.');
      ok = false;
    } else if (recipientInputName.length > LIMITS.recipientName) {
      fail('input.recipient.name', `The recipient name must be at most ${LIMITS.recipientName} characters.`);
      ok = false;
    }
    if (email === null) {
      fail('input.recipient.email', 'The recipient e-mail is required for an external person.');
      ok = false;
    } else if (!isValidEmail(email)) {
      fail('input.recipient.email', 'The recipient e-mail is not a valid address.');
      ok = false;
    }
    if (ok && recipientInputName !== null && email !== null) {
      const chosen = language !== null && isLanguage(language) ? language : DEFAULT_LANGUAGE;
      recipient = { kind: 'EXTERNAL', name: recipientInputName, email: normalizeEmail(email), language: chosen };
    }
  } else {
    fail('input.recipient', 'Give a userId, or a name and e-mail for an external person.');
  }

  const defaultRecipientName = recipientName ?? recipientInputName ?? '';
  const apps: RequestedAppData[] = [];
  const seenKeys = new Set<string>();
  if (!Array.isArray(input.apps) || input.apps.length === 0) fail('input.apps', 'Request at least one app.');
  (input.apps ?? []).forEach((appInput, i) => {
    const at = `input.apps.${i}`;
    const before = errors.length;
    const note = blankToNull(appInput.note);
    if (note !== null && note.length > LIMITS.note)
      fail(`${at}.note`, `The note must be at most ${LIMITS.note} characters.`);
    const connectionName = blankToNull(appInput.connectionName);
    if (connectionName !== null && connectionName.length > LIMITS.connectionName) {
      fail(`${at}.connectionName`, `The connection name must be at most ${LIMITS.connectionName} characters.`);
    }
    if (seenKeys.has(appInput.appKey)) {
      fail(`${at}.appKey`, `The app ${appInput.appKey} appears more than once.`);
      return;
    }
    seenKeys.add(appInput.appKey);
    const app = findApp(catalog, appInput.appKey);
    if (!app) {
      fail(`${at}.appKey`, `Unknown app ${appInput.appKey}.`);
      return;
    }
    if (app.unavailableReason) {
      fail(`${at}.appKey`, `The app ${app.name} is not available: ${app.unavailableReason}.`);
      return;
    }
    const version = findVersion(app, appInput.version);
    if (!version) {
      fail(`${at}.version`, `Unknown version ${appInput.version} of ${app.key}.`);
      return;
    }
    let moduleKeys: string[];
    if (appInput.allModules === true) {
      moduleKeys = version.modules.map((m) => m.key);
    } else {
      moduleKeys = appInput.modules ?? [];
      if (moduleKeys.length === 0) fail(`${at}.modules`, 'Choose at least one module, or all modules.');
      moduleKeys.forEach((key, j) => {
        if (!version.modules.some((m) => m.key === key)) fail(`${at}.modules.${j}`, `Unknown module ${key}.`);
      });
    }
    const expectedAccountDomain = blankToNull(appInput.expectedAccountDomain)?.toLowerCase() ?? null;
    if (expectedAccountDomain !== null) {
      if (version.connectionType !== 'OAUTH2') {
        fail(`${at}.expectedAccountDomain`, 'An expected account domain applies to OAuth2 apps only.');
      } else if (!DOMAIN.test(expectedAccountDomain)) {
        fail(`${at}.expectedAccountDomain`, 'The expected account domain is not a valid domain name.');
      }
    }
    if (errors.length > before) return;
    const chosen = new Set(moduleKeys);
    // Catalog order, never input order (R13.7).
    const modules = version.modules.filter((m) => chosen.has(m.key)).map((m) => ({ ...m, scopes: [...m.scopes] }));
    apps.push({
      appKey: app.key,
      appName: app.name,
      version: version.version,
      connectionType: version.connectionType,
      modules,
      scopes: scopesFor(version, moduleKeys),
      note,
      connectionName: connectionName ?? `${app.name} (${defaultRecipientName})`,
      expectedAccountDomain,
    });
  });

  if (input.termsAccepted !== true) fail('input.termsAccepted', 'The terms must be accepted.');

  if (errors.length > 0 || recipient === null) return { ok: false, errors };
  return {
    ok: true,
    value: {
      teamId: input.teamId,
      name,
      description,
      recipient,
      apps,
      idempotencyKey: blankToNull(input.idempotencyKey),
    },
  };
}
