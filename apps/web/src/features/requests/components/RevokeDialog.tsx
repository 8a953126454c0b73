import { useRef } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog';
import { Button } from '../../../components/Button';
import { readError } from '../../../lib/errors';
import { RevokeAccess } from '../api/mutations';
import { useAfterAction, useDoneDespiteLostAnswer } from '../api/after-action';
import type { AppAuthorizationStatus } from '../../../gql/graphql';
import { AppMoved } from './AppMoved';

export function RevokeDialog({
  target,
  moved,
  onClose,
  onDone,
}: {
  target: { requestId: string; appKey: string; appName: string } | null;
  /** The app's status now, when it no longer offers Revoke (changed meanwhile). */
  moved?: AppAuthorizationStatus | null;
  onClose: () => void;
  /** Done (also when found done after a lost answer): the card says so. */
  onDone: (target: { appKey: string }) => void;
}) {
  const { t } = useTranslation('requests');
  const afterAction = useAfterAction();
  const [revoke, { loading, error, reset }] = useMutation(RevokeAccess, afterAction);
  const { checking, doneDespiteLostAnswer } = useDoneDespiteLostAnswer();
  // A destructive confirmation opens on Cancel: Enter pressed twice must not revoke.
  const cancel = useRef<HTMLButtonElement>(null);
  const close = () => {
    reset();
    onClose();
  };
  return (
    <Dialog
      open={target !== null}
      title={t('revoke.title', { app: target?.appName ?? '' })}
      onClose={close}
      initialFocus={cancel}
      description={<p>{t('revoke.body')}</p>}
    >
      {moved && !loading && !checking && target ? (
        <AppMoved app={target.appName} status={moved} onClose={close} />
      ) : (
        <>
          {error && (
            <p className="notice notice-error" role="alert">
              {readError(error).message}
            </p>
          )}
          <div className="dialog-actions">
            <Button
              variant="danger"
              className="btn-solid"
              busy={loading || checking}
              onClick={async () => {
                if (!target) return;
                try {
                  await revoke({ variables: { requestId: target.requestId, appKey: target.appKey } });
                } catch (err) {
                  // Else shown from `error`.
                  if (!(await doneDespiteLostAnswer(err, target, 'REVOKED'))) return;
                }
                onDone(target);
                close();
              }}
            >
              {t('revoke.confirm')}
            </Button>
            <Button ref={cancel} onClick={close}>
              {t('cancel', { ns: 'common' })}
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}
