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

export function DeclineDialog({
  target,
  onClose,
}: {
  /** `connected`: the app is authorized, so declining deletes a connection that works (and may be in use). */
  target: { requestId: string; appKey: string; appName: string; connected?: boolean } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('requests');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [refusal, setRefusal] = useState<ReadError | null>(null);
  const afterAction = useAfterAction();
  const [decline, { loading }] = useMutation(DeclineApp, afterAction);
  const { checking, doneDespiteLostAnswer } = useDoneDespiteLostAnswer();
  const close = () => {
    setReason('');
    setErrors([]);
    setRefusal(null);
    onClose();
  };
  return (
    <Dialog
      open={target !== null}
      title={t('decline.title', { app: target?.appName ?? '' })}
      onClose={close}
      description={
        <>
          {target?.connected && <p className="notice">{t('decline.connected', { app: target.appName })}</p>}
          <p>{t('decline.final', { app: target?.appName ?? '' })}</p>
        </>
      }
    >
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (!target) return;
          try {
            await decline({ variables: { requestId: target.requestId, appKey: target.appKey, reason } });
            close();
          } catch (err) {
            if (await doneDespiteLostAnswer(err, target, 'DECLINED')) return close();
            const read = readError(err);
            setErrors(read.fields);
            // A new refusal replaces the last one, whichever place it is shown in.
            setRefusal(read.fields.length === 0 ? read : null);
          }
        }}
      >
        <Field
          label={t('decline.reason')}
          hint={
            <>
              {t('decline.reasonHint')} <CharCount value={reason} max={LIMITS.reason} />
            </>
          }
          error={fieldError(errors, 'reason')}
        >
          <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
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
    </Dialog>
  );
}
