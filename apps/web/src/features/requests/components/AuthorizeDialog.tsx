// "Create a connection": API key or username/password typed here and sent once (the fields are cleared as the
// request leaves; nothing is kept in the URL, storage or the cache), or for OAuth2 a hand-over to the provider.
// An optional end date limits the access (R12.4).
import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import {
  fieldError,
  localizedAppError,
  ownError,
  readError,
  appRefusal,
  type FieldError,
  type ReadError,
} from '../../../lib/errors';
import { formatFullDateTime, toDateTimeLocal } from '../../../lib/format';
import { type Checked, REQUIRED, useFormChecks } from '../../../lib/form-checks';
import type { AppAuthorizationStatus, ConnectionType } from '../../../gql/graphql';
import { AppMoved } from './AppMoved';
import { AuthorizeApp, StartOAuth, UpdateCredentials } from '../api/mutations';
import { useAfterAction, useDoneDespiteLostAnswer } from '../api/after-action';

type Fields = 'apiKey' | 'username' | 'password' | 'accessUntil';

export interface AuthorizeTarget {
  requestId: string;
  appKey: string;
  appName: string;
  type: ConnectionType;
  /**
   * `update`: an AUTHORIZED API-key/basic app gets its credentials replaced (updateCredentials). `reauthorize`: the
   * same connection gets new credentials (R5.5), so the title does not say "create a connection".
   */
  mode: 'authorize' | 'reauthorize' | 'update';
  /** The end date the app's access has now (R12.4): a reauthorization replaces it, so the form starts from it. */
  accessUntil?: string | null;
}

const TITLE = {
  authorize: 'authorize.title',
  reauthorize: 'authorize.reauthorizeTitle',
  update: 'authorize.updateTitle',
} as const;

export function AuthorizeDialog({
  target,
  moved,
  onClose,
  onAuthorized,
}: {
  target: AuthorizeTarget | null;
  /** The app's status now, when it no longer offers this dialog's action (changed meanwhile). */
  moved?: AppAuthorizationStatus | null;
  onClose: () => void;
  /** Credentials entered here were accepted (an OAuth2 grant says so when the provider sends the browser back). */
  onAuthorized: (target: AuthorizeTarget) => void;
}) {
  const { t, i18n } = useTranslation('requests');
  const [apiKey, setApiKey] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [until, setUntil] = useState('');
  // A reauthorization sends its end date again, and an empty field would end the limit without a word: the field
  // starts from the current one (each time the dialog opens for an app), and is sent as it was unless changed. An
  // update starts from it too, and leaves it out unless changed (the server then keeps it, R12.4).
  const kept = target?.mode !== 'authorize' && target?.accessUntil ? target.accessUntil : null;
  const [openedFor, setOpenedFor] = useState<AuthorizeTarget | null>(null);
  if (openedFor !== target) {
    setOpenedFor(target);
    setUntil(kept ? toDateTimeLocal(kept) : '');
  }
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [refusal, setRefusal] = useState<ReadError | null>(null);
  const afterAction = useAfterAction();
  const [authorize, authorizing] = useMutation(AuthorizeApp, afterAction);
  const [update, updating] = useMutation(UpdateCredentials, afterAction);
  const [startOAuth, starting] = useMutation(StartOAuth, { onError: afterAction.onError });
  const { checking, doneDespiteLostAnswer } = useDoneDespiteLostAnswer();
  const busy = authorizing.loading || updating.loading || starting.loading || checking;
  // The moment picked, as sent and as said back in the hint (a datetime-local value is local time).
  const keptValue = kept ? toDateTimeLocal(kept) : '';
  const accessUntil =
    kept && until === keptValue
      ? kept
      : until && !Number.isNaN(Date.parse(until))
        ? new Date(until).toISOString()
        : null;
  // An update leaves the end date out unless changed (a date passing meanwhile cannot make it refused); the others
  // send it as it stands.
  const sendsUntil = target?.mode !== 'update' || until !== keptValue;
  // Checked here before anything is sent (and before the secret's fields are cleared for sending): a date in the past
  // used to come back refused with the key already gone, and an empty field was said without the focus going to it.
  const checks = useFormChecks<Fields>();
  const wrong = (): Checked<Fields> => {
    const found: Checked<Fields> = {};
    if (target?.type === 'API_KEY' && !apiKey) found.apiKey = REQUIRED;
    if (target?.type === 'BASIC' && !username.trim()) found.username = REQUIRED;
    if (target?.type === 'BASIC' && !password) found.password = REQUIRED;
    if (sendsUntil && until && !accessUntil) found.accessUntil = 'common:fieldErrors.dateTime';
    else if (sendsUntil && accessUntil && Date.parse(accessUntil) <= Date.now())
      found.accessUntil = 'common:fieldErrors.future';
    return found;
  };

  const close = () => {
    setApiKey('');
    setUsername('');
    setPassword('');
    setUntil('');
    setErrors([]);
    setRefusal(null);
    checks.forget();
    onClose();
  };

  /** The app refused the key or password: said at the secret's field, in the app's own words. */
  const refusedByApp = (reason: string) => {
    const secretField = target?.type === 'API_KEY' ? 'input.apiKey' : 'input.basic.password';
    setErrors([{ path: secretField, message: t('authorize.rejected', { message: localizedAppError(reason) }) }]);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!target) return;
    setErrors([]);
    setRefusal(null);
    try {
      if (target.type === 'OAUTH2') {
        const { data } = await startOAuth({
          variables: { requestId: target.requestId, appKey: target.appKey, accessUntil },
        });
        // The provider sends the browser back through /oauth/callback to the request page with the outcome.
        if (data) location.assign(data.startOAuthAuthorization.authorizationUrl);
        return;
      }
      const input = {
        requestId: target.requestId,
        appKey: target.appKey,
        // Emptied, an update says in words that the end date goes (null keeps it, R12.4).
        accessUntil: sendsUntil ? accessUntil : undefined,
        ...(target.mode === 'update' && sendsUntil && !accessUntil ? { removeAccessUntil: true } : {}),
        ...(target.type === 'API_KEY' ? { apiKey } : { basic: { username, password } }),
      };
      // The secret leaves the form now: clear the fields before the answer comes back.
      setApiKey('');
      setPassword('');
      const run = target.mode === 'update' ? update : authorize;
      const { data } = await run({ variables: { input } });
      const app = data && ('authorizeApp' in data ? data.authorizeApp : data.updateCredentials);
      if (app?.status === 'INVALID' || app?.error) {
        refusedByApp(app.error ?? '');
        return;
      }
      onAuthorized(target);
      close();
    } catch (err) {
      // Authorized after all (the answer was lost on its way back): an update cannot be told apart this way.
      const checkable = target.type !== 'OAUTH2' && target.mode !== 'update';
      if (checkable && (await doneDespiteLostAnswer(err, target, 'AUTHORIZED'))) {
        onAuthorized(target);
        close();
        return;
      }
      const again = appRefusal(err);
      if (again !== null) {
        refusedByApp(again);
        return;
      }
      const read = readError(err);
      setErrors(read.fields);
      if (read.fields.length === 0) setRefusal(read);
    }
  };

  const secretError = (path: string) =>
    fieldError(errors, path) ?? (path === 'input.apiKey' ? ownError(errors, 'input') : undefined);
  /** A field changed: what was found about the values before no longer holds. */
  const changed = (set: (value: string) => void) => (e: { target: { value: string } }) => {
    set(e.target.value);
    checks.forget();
  };

  return (
    <Dialog
      open={target !== null}
      title={t(TITLE[target?.mode ?? 'authorize'], { app: target?.appName ?? '' })}
      onClose={close}
    >
      {target && moved && !busy && <AppMoved app={target.appName} status={moved} onClose={close} />}
      {target && !(moved && !busy) && (
        <form ref={checks.form} noValidate onSubmit={checks.guard(wrong, submit)}>
          <p>{target.type === 'OAUTH2' ? t('authorize.oauthIntro', { app: target.appName }) : t('authorize.intro')}</p>
          {target.type === 'API_KEY' && (
            <Field label={t('authorize.apiKey')} error={checks.errorOf('apiKey', t, secretError('input.apiKey'))}>
              <input
                type="password"
                autoComplete="off"
                spellCheck={false}
                value={apiKey}
                onChange={changed(setApiKey)}
              />
            </Field>
          )}
          {target.type === 'BASIC' && (
            <>
              <Field
                label={t('authorize.username')}
                error={checks.errorOf(
                  'username',
                  t,
                  fieldError(errors, 'input.basic.username') ?? ownError(errors, 'input.basic'),
                )}
              >
                <input type="text" autoComplete="off" value={username} onChange={changed(setUsername)} />
              </Field>
              <Field
                label={t('authorize.password')}
                error={checks.errorOf('password', t, fieldError(errors, 'input.basic.password'))}
              >
                <input type="password" autoComplete="new-password" value={password} onChange={changed(setPassword)} />
              </Field>
            </>
          )}
          <Field
            label={t('authorize.accessUntil')}
            hint={
              // The browser's picker writes the date in the browser's language and order (dd/mm or mm/dd): the
              // hint says it back in full, in the page's language, so nobody revokes on the wrong day.
              accessUntil
                ? t('authorize.accessUntilChosen', { when: formatFullDateTime(accessUntil, i18n.language) })
                : kept
                  ? t('authorize.accessUntilRemoved', { when: formatFullDateTime(kept, i18n.language) })
                  : t('authorize.accessUntilHint')
            }
            error={checks.errorOf(
              'accessUntil',
              t,
              fieldError(errors, 'input.accessUntil') ?? fieldError(errors, 'accessUntil'),
            )}
          >
            <input type="datetime-local" value={until} onChange={changed(setUntil)} />
          </Field>
          {refusal && (
            <p className="notice notice-error" role="alert">
              {refusal.message}
            </p>
          )}
          <div className="dialog-actions">
            <Button type="submit" variant="primary" busy={busy}>
              {busy
                ? t('authorize.saving')
                : target.type === 'OAUTH2'
                  ? t('authorize.continue', { app: target.appName })
                  : t('authorize.save')}
            </Button>
            <Button onClick={close}>{t('cancel', { ns: 'common' })}</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
