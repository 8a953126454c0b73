// R8.4: which modules were used, by which scenario and how often — never the data accessed.
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { Row, StackedTable } from '../../../components/StackedTable';

const USAGE_COLUMNS = ['module', 'scenario', 'uses', 'lastUsed'] as const;

interface Use {
  moduleKey: string;
  scenarioId: string;
  scenarioName?: string | null;
  uses: number;
  lastUsedAt: string;
}

export function UsageTable({
  usage,
  moduleName,
  labelledBy,
}: {
  usage: Use[];
  moduleName: (key: string) => string;
  /** the heading that names the table ("Usage") */
  labelledBy: string;
}) {
  const { t, i18n } = useTranslation('requests');
  if (usage.length === 0) return <p className="muted">{t('details.usageNone')}</p>;
  return (
    <StackedTable labelledBy={labelledBy} headers={USAGE_COLUMNS.map((column) => t(`details.usageColumns.${column}`))}>
      {usage.map((u) => (
        <Row key={`${u.scenarioId}/${u.moduleKey}`}>
          {moduleName(u.moduleKey)}
          {u.scenarioName ?? u.scenarioId}
          {u.uses}
          {formatDateTime(u.lastUsedAt, i18n.language)}
        </Row>
      ))}
    </StackedTable>
  );
}
