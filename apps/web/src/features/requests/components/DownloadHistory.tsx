import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { type ChainCheck, type ChainEvent, historyFile } from '../history-chain';

/** The history as a JSON file, with what each hash covers, for a check with the auditor's own tools (R10.3). */
export function DownloadHistory({
  requestId,
  events,
  verification,
}: {
  requestId: string;
  events: readonly ChainEvent[];
  verification: ChainCheck;
}) {
  const { t } = useTranslation('requests');
  const download = () => {
    const file = new Blob([historyFile(requestId, events, verification, new Date())], { type: 'application/json' });
    const url = URL.createObjectURL(file);
    const link = document.createElement('a');
    link.href = url;
    link.download = `credential-request-${requestId}-history.json`;
    link.click();
    // After the click has started the download: revoking at once may cancel it in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <p>
      <Button onClick={download}>{t('details.downloadHistory')}</Button>
    </p>
  );
}
