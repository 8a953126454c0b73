// R8.4: which modules were used, by which scenario and how often — never the data accessed.
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';

interface Use {
  moduleKey: string;
  scenarioId: string;
  scenarioName?: string | null;
  uses: number;
  lastUsedAt: string;
}

export function UsageTable({ usage, moduleName }: { usage: Use[]; moduleName: (key: string) => string }) {
  const { t, i18n } = useTranslation('requests');
  if (usage.length === 0) return <p className="muted">{t('details.usageNone')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('details.usageColumns.module')}</th>
            <th scope="col">{t('details.usageColumns.scenario')}</th>
            <th scope="col">{t('details.usageColumns.uses')}</th>
            <th scope="col">{t('details.usageColumns.lastUsed')}</th>
          </tr>
        </thead>
        <tbody>
          {usage.map((u) => (
            <tr key={`${u.scenarioId}/${u.moduleKey}`}>
              <td>{moduleName(u.moduleKey)}</td>
              <td>{u.scenarioName ?? u.scenarioId}</td>
              <td>{u.uses}</td>
              <td>{formatDateTime(u.lastUsedAt, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
