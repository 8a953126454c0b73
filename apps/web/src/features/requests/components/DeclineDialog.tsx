// Decline with a reason (R5.2: 1–256 characters, shown to the requester).
import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { fieldError, readError, type FieldError, type ReadError } from '../../../lib/errors';
import { DeclineApp } from '../api/mutations';
import { useAfterAction, useDoneDespiteLostAnswer } from '../api/after-action';
import { CharCount } from './CharCount';
import { LIMITS } from '../../../lib/limits';
import { REQUIRED, useFormChecks } from '../../../lib/form-checks';
import type { AppAuthorizationStatus } from '../../../gql/graphql';
import { AppMoved } from './AppMoved';

export function DeclineDialog({
  target,
  moved,
  onClose,
  onDone,
}: {
  /** `connected`: the app is authorized, so declining deletes a connection that works (and may be in use). */
  target: { requestId: string; appKey: string; appName: string; connected?: boolean } | null;
  /** The app's status now, when it no longer offers Decline (declined meanwhile). */
  moved?: AppAuthorizationStatus | null;
  onClose: () => void;
  /** Done (also when found done after a lost answer): the card says so. */
  onDone: (target: { appKey: string }) => void;
}) {
  const { t } = useTranslation('requests');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [refusal, setRefusal] = useState<ReadError | null>(null);
  const afterAction = useAfterAction();
  const [decline, { loading }] = useMutation(DeclineApp, afterAction);
  const { checking, doneDespiteLostAnswer } = useDoneDespiteLostAnswer();
  // An empty reason is said at the field, which takes the focus; nothing is sent.
  const checks = useFormChecks<'reason'>();
  const close = () => {
    setReason('');
    setErrors([]);
    setRefusal(null);
    checks.forget();
    onClose();
  };
  return (
    <Dialog
      open={target !== null}
      title={t('decline.title', { app: target?.appName ?? '' })}
      onClose={close}
      description={
        <>
          {/* Live: the app may be authorized while the dialog is open, and declining then ends a connection. */}
          <p className={target?.connected ? 'notice' : undefined} role="status" data-decline-connected="">
            {target?.connected ? t('decline.connected', { app: target.appName }) : ''}
          </p>
          <p>{t('decline.final', { app: target?.appName ?? '' })}</p>
        </>
      }
    >
      {moved && !loading && !checking && target ? (
        <AppMoved app={target.appName} status={moved} onClose={close} />
      ) : (
        <form
          ref={checks.form}
          noValidate
          onSubmit={checks.guard(
            () => (reason.trim() ? {} : { reason: REQUIRED }),
            async (e) => {
              e.preventDefault();
              if (!target) return;
              try {
                await decline({ variables: { requestId: target.requestId, appKey: target.appKey, reason } });
              } catch (err) {
                if (!(await doneDespiteLostAnswer(err, target, 'DECLINED'))) {
                  const read = readError(err);
                  setErrors(read.fields);
                  // A new refusal replaces the last one, whichever place it is shown in.
                  setRefusal(read.fields.length === 0 ? read : null);
                  return;
                }
              }
              onDone(target);
              close();
            },
          )}
        >
          <Field
            label={t('decline.reason')}
            hint={
              <>
                {t('decline.reasonHint')} <CharCount value={reason} max={LIMITS.reason} />
              </>
            }
            error={checks.errorOf('reason', t, fieldError(errors, 'reason'))}
          >
            <textarea
              rows={3}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                checks.forget();
              }}
            />
          </Field>
          {refusal && (
            <p className="notice notice-error" role="alert">
              {refusal.message}
            </p>
          )}
          <div className="dialog-actions">
            <Button type="submit" variant="danger" className="btn-solid" busy={loading || checking}>
              {t('decline.confirm')}
            </Button>
            <Button onClick={close}>{t('cancel', { ns: 'common' })}</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
