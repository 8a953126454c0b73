// The webhook's signing secret, shown once (R12.6): a read-only field with a copy button in a modal dialog. Closing
// the dialog drops the secret; nothing keeps it (no storage, no cache, no URL).
import { useEffect, useState } from 'react';
import { useBlocker } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';

export function SecretOnce({
  registration,
  onClose,
}: {
  registration: { url: string; signingSecret: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('webhooks');
  const [copy, setCopy] = useState<'copied' | 'copyFailed' | null>(null);
  // Escape would drop the secret for good, perhaps by a slip: it says so instead, and only the button closes.
  const [escaped, setEscaped] = useState(false);
  // So would Back or a link (the dialog, and the secret, went with the page): the same warning, and the page stays.
  const blocker = useBlocker(registration !== null);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    setEscaped(true);
    blocker.reset();
  }, [blocker]);
  const close = () => {
    setCopy(null);
    setEscaped(false);
    onClose();
  };
  const copySecret = async () => {
    if (!registration) return;
    try {
      await navigator.clipboard.writeText(registration.signingSecret);
      setCopy('copied');
    } catch {
      setCopy('copyFailed');
    }
  };
  return (
    <Dialog
      open={registration !== null}
      title={t('secret.title')}
      onClose={close}
      onEscape={() => setEscaped(true)}
      // Read out with the title when it opens: the focus lands on the secret, past this warning.
      description={registration && <p>{t('secret.once')}</p>}
    >
      {registration && (
        <>
          <Field label={t('secret.label', { url: registration.url })}>
            <input
              type="text"
              readOnly
              value={registration.signingSecret}
              autoComplete="off"
              spellCheck={false}
              onFocus={(e) => e.currentTarget.select()}
            />
          </Field>
          {escaped && (
            <p role="alert" className="notice notice-warning">
              {t('secret.escape')}
            </p>
          )}
          {copy && (
            <p role="status" className={copy === 'copied' ? 'notice notice-success' : 'notice notice-error'}>
              {t(`secret.${copy}`)}
            </p>
          )}
          <div className="dialog-actions">
            <Button onClick={() => void copySecret()}>{t('secret.copy')}</Button>
            <Button variant="primary" onClick={close}>
              {t('secret.done')}
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}
