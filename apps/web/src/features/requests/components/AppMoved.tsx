// In an app's dialog, in place of its form: the app changed meanwhile (the other party, another tab, the end date)
// and the action is no longer one it offers. Said at once, rather than offered and refused after typing a secret.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import type { AppAuthorizationStatus } from '../../../gql/graphql';

export function AppMoved({
  app,
  status,
  onClose,
}: {
  app: string;
  status: AppAuthorizationStatus;
  onClose: () => void;
}) {
  const { t } = useTranslation('requests');
  // The form the focus was in went: it goes to the one thing left to do, not to the dialog's frame.
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);
  return (
    <>
      <p className="notice notice-error" role="alert" data-app-moved={status}>
        {t('dialogs.moved', { app, status: t(`appStatus.${status}`, { ns: 'common' }) })}
      </p>
      <div className="dialog-actions">
        <Button ref={closeButton} variant="primary" onClick={onClose}>
          {t('close', { ns: 'common' })}
        </Button>
      </div>
    </>
  );
}
