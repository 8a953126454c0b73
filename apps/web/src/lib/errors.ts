// Reads the gateway's error shape: BAD_USER_INPUT carries extensions.fields [{ path, message }] where path names
// the input field (e.g. "input.apps.1.modules"); forms show each message next to that field.
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import i18next from 'i18next';
import { localizeFieldMessage } from './field-messages';
import { localizeAppError, localizeOperationMessage } from './operation-messages';
import { isSessionEnded } from './session-ended';

export interface FieldError {
  path: string;
  message: string;
}

export interface ReadError {
  code: string | null;
  /** Translated when read, not when caught: a refusal a page keeps follows a change of language. Never spread. */
  readonly message: string;
  fields: FieldError[];
}

export function readError(error: unknown): ReadError {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const ext = (first?.extensions ?? {}) as { code?: string; fields?: { path?: unknown; message?: unknown }[] };
    const fields = (ext.fields ?? [])
      .filter((f) => typeof f.path === 'string' || Array.isArray(f.path))
      .map((f) => ({
        path: Array.isArray(f.path) ? f.path.join('.') : String(f.path),
        message: String(f.message ?? ''),
      }));
    const said = first?.message ?? error.message;
    const code = ext.code ?? null;
    return {
      code,
      fields,
      // For an ended session the server's sentence is for API clients ("send Authorization: Bearer <token>"); a
      // person reads why. Every other refusal the service writes is said in the reader's language.
      get message() {
        return code === 'UNAUTHENTICATED' && isSessionEnded() ? i18next.t('common:signedOut') : localizedRefusal(said);
      },
    };
  }
  // No answer the service wrote (the network, a proxy's error page): the browser's own words ("Failed to fetch") mean
  // nothing to a person, and differ from one browser to another.
  return {
    code: null,
    fields: [],
    get message() {
      return i18next.t('common:operationErrors.network');
    },
  };
}

/**
 * The app's own words when they are the reason for a refusal (`extensions.appSaid`): a key it refused for a REVOKED
 * app (CONFLICT: R5's table has no REVOKED → INVALID, and nothing is stored) or for an update (BAD_USER_INPUT at the
 * secret's field; the app keeps its working key). For the person both are a key the app refused, said at the key's
 * field. The service's own sentences (a key left empty or too long) carry none and stay field errors.
 */
export function appRefusal(error: unknown): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const said = (error.errors[0]?.extensions as { appSaid?: unknown } | undefined)?.appSaid;
  return typeof said === 'string' ? said : null;
}

/**
 * Whether a page's read error takes the page's place: a refusal (the viewer was let go), or no answer before anything
 * was read. A read again that got no answer (the network) keeps the page as it was, with what was typed in its forms:
 * the action that failed says so where it was pressed.
 */
export const replacesPage = (error: unknown, shown: boolean): boolean =>
  !!error && (!shown || readError(error).code !== null);

const norm = (p: string) => p.replace(/^input\./, '').replace(/\[(\d+)\]/g, '.$1');

/**
 * The message for a field, in the reader's language: exact path (a leading "input." may be dropped), or a nested
 * path under it (a group: `apps.1.modules` for `apps.1.modules.0`).
 */
export function fieldError(fields: FieldError[], path: string): string | undefined {
  const want = norm(path);
  const found = fields.find((f) => norm(f.path) === want) ?? fields.find((f) => norm(f.path).startsWith(want + '.'));
  return found && localized(found.message);
}

/**
 * The message about an object itself, never one of its members' (`recipient`, not `recipient.email`): for a
 * control that also shows what is wrong with the whole, without taking a sibling field's error.
 */
export function ownError(fields: FieldError[], path: string): string | undefined {
  const found = fields.find((f) => norm(f.path) === norm(path));
  return found && localized(found.message);
}

/** The catalogue in the language the page shows now (read again on every render). */
const translate = (key: string, options?: Record<string, unknown>) => i18next.t(key, options);

/** A refusal the service wrote, in the reader's language (as it came, when it is of no known kind). */
export const localizedRefusal = (message: string): string => localizeOperationMessage(message, translate);

/** An app's error: the service's own sentences in the reader's language, the app's words as they came. */
export const localizedAppError = (message: string): string => localizeAppError(message, translate);

/** A field message from the server, in the language the page shows now. */
export const localized = (message: string): string => localizeFieldMessage(message, translate);
