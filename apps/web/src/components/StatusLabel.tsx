// Coloured status labels (the help page: green Authorized, red Declined, orange Reauthorizing); pending, invalid
// and the rest each have their own colour. The text always says the status, so colour is never the only cue.
import { useTranslation } from 'react-i18next';

export type Status =
  | 'AUTHORIZED'
  | 'PARTIALLY_AUTHORIZED'
  | 'INCOMPLETE'
  | 'INVALID'
  | 'DECLINED'
  | 'PENDING'
  | 'REAUTHORIZING'
  | 'REVOKED';

/** `of`: a request's status or an app's; Portuguese says them in different genders (a solicitação, o app). */
export function StatusLabel({ status, of = 'request' }: { status: Status; of?: 'request' | 'app' }) {
  const { t } = useTranslation('common');
  return (
    <span className={`status status-${status.toLowerCase().replace('_', '-')}`} data-status={status}>
      {t(of === 'app' ? `appStatus.${status}` : `status.${status}`)}
    </span>
  );
}
