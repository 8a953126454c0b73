import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tabs } from '../../../components/Tabs';

export function RequestsPage() {
  const { t } = useTranslation('requests');
  const [tab, setTab] = useState<'sent' | 'received'>('sent');
  return (
    <section>
      <h1>{t('list.title')}</h1>
      <h2>{t('list.heading')}</h2>
      <Tabs
        label={t('list.tabsLabel')}
        items={[
          { key: 'sent', label: t('list.sent') },
          { key: 'received', label: t('list.received') },
        ]}
        selected={tab}
        onSelect={setTab}
      >
        {null}
      </Tabs>
    </section>
  );
}
