// A failed operation in the viewer's language: the error code picks the sentence from the feature's own catalogue
// (`errors.<CODE>`, else `errors.generic` with the server's message), announced to screen readers.
import { useTranslation } from 'react-i18next';
import { readError, type ReadError } from '../lib/errors';
import { useSessionEnded } from '../lib/session-ended';
import { ReadFailure } from './ReadFailure';

export function OperationError({ error, namespace }: { error: ReadError; namespace: string }) {
  const { t, i18n } = useTranslation(namespace);
  const sessionEnded = useSessionEnded();
  const key = error.code ? `errors.${error.code}` : null;
  // An ended session is no failure of the operation ("Something went wrong: Your session has ended…"): said as it is.
  const text =
    sessionEnded && error.code === 'UNAUTHENTICATED'
      ? error.message
      : key && i18n.exists(key, { ns: namespace })
        ? t(key, { message: error.message })
        : t('errors.generic', { message: error.message });
  return (
    <p role="alert" className="notice notice-error" data-code={error.code ?? undefined}>
      {text}
    </p>
  );
}

/**
 * A page's read that failed: a refusal in words; no answer at all (the network, a proxy), with Try again, since that
 * one may well pass the second time.
 */
export function PageReadError({
  error,
  namespace,
  onRetry,
}: {
  error: unknown;
  namespace: string;
  onRetry: () => Promise<unknown>;
}) {
  const read = readError(error);
  // The frame's notice says the session ended, with the way to sign in again: a read refused for it adds nothing.
  const sessionEnded = useSessionEnded();
  if (sessionEnded && read.code === 'UNAUTHENTICATED') return null;
  if (read.code !== null) return <OperationError error={read} namespace={namespace} />;
  return (
    <ReadFailure message={read.message} onRetry={() => void onRetry().catch(() => undefined)} data-read-failed="" />
  );
}
