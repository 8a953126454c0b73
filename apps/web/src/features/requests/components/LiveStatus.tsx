import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * R12.7 for whoever does not see the labels change: an app's new status, heard live (the other party acted), is said
 * in a polite status region. Not the first read, and not an app whose card already says what the viewer just did.
 */
export function LiveStatus({
  apps,
  saidByCard,
}: {
  apps: readonly { appKey: string; appName: string; status: string }[];
  saidByCard: string | null;
}) {
  const { t } = useTranslation('requests');
  const seen = useRef<Map<string, string> | null>(null);
  const [said, setSaid] = useState('');
  const statuses = apps.map((app) => `${app.appKey}:${app.status}`).join(',');
  useEffect(() => {
    const before = seen.current;
    seen.current = new Map(apps.map((app) => [app.appKey, app.status]));
    if (!before) return;
    const changed = apps.filter(
      (app) => before.has(app.appKey) && before.get(app.appKey) !== app.status && app.appKey !== saidByCard,
    );
    if (changed.length === 0) return;
    setSaid(
      changed
        .map((app) =>
          t('details.appNowIs', { app: app.appName, status: t(`appStatus.${app.status}`, { ns: 'common' }) }),
        )
        .join(' '),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- when a status changes
  }, [statuses]);
  return (
    <p className="visually-hidden" role="status" data-live-status="">
      {said}
    </p>
  );
}
