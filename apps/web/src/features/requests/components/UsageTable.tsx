// R8.4: which modules were used, by which scenario and how often — never the data accessed.
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { Cell, Row, StackedTable } from '../../../components/StackedTable';

const USAGE_COLUMNS = ['module', 'scenario', 'uses', 'lastUsed'] as const;

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
  const column = (key: (typeof USAGE_COLUMNS)[number]) => t(`details.usageColumns.${key}`);
  return (
    <StackedTable headers={USAGE_COLUMNS.map(column)}>
      {usage.map((u) => (
        <Row key={`${u.scenarioId}/${u.moduleKey}`}>
          <Cell label={column('module')}>{moduleName(u.moduleKey)}</Cell>
          <Cell label={column('scenario')}>{u.scenarioName ?? u.scenarioId}</Cell>
          <Cell label={column('uses')}>{u.uses}</Cell>
          <Cell label={column('lastUsed')}>{formatDateTime(u.lastUsedAt, i18n.language)}</Cell>
        </Row>
      ))}
    </StackedTable>
  );
}
