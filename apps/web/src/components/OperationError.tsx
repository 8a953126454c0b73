// A failed operation in the viewer's language: the error code picks the sentence from the feature's own catalogue
// (`errors.<CODE>`, else `errors.generic` with the server's message), announced to screen readers.
import { useTranslation } from 'react-i18next';
import type { ReadError } from '../lib/errors';

export function OperationError({ error, namespace }: { error: ReadError; namespace: string }) {
  const { t, i18n } = useTranslation(namespace);
  const key = error.code ? `errors.${error.code}` : null;
  const text =
    key && i18n.exists(key, { ns: namespace })
      ? t(key, { message: error.message })
      : t('errors.generic', { message: error.message });
  return (
    <p role="alert" className="notice notice-error" data-code={error.code ?? undefined}>
      {text}
    </p>
  );
}
