// What could not be read, said where it is missing, with Try again: an unread list must not look like an empty one
// (no organization, nobody to ask, no app to choose).
import { useTranslation } from 'react-i18next';
import { readError } from '../lib/errors';

type DataAttributes = { [name: `data-${string}`]: string };

export function ReadFailure({ message, onRetry, ...data }: { message: string; onRetry: () => void } & DataAttributes) {
  const { t } = useTranslation('common');
  return (
    <p className="notice notice-error" role="alert" {...data}>
      {message}{' '}
      <button type="button" className="btn btn-link" onClick={onRetry}>
        {t('tryAgain')}
      </button>
    </p>
  );
}

/** The options of a choice: "Loading…" while they are read, or why they could not be, with Try again. */
export function OptionsState({ loading, error, onRetry }: { loading: boolean; error: unknown; onRetry: () => void }) {
  const { t } = useTranslation('common');
  if (error) return <ReadFailure message={readError(error).message} onRetry={onRetry} data-options-unread="" />;
  if (loading)
    return (
      <p className="field-hint" role="status">
        {t('loading')}
      </p>
    );
  return null;
}
