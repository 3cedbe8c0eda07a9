import { useSearchParams } from 'react-router';
import { Card, Tabs } from 'antd';
import { useI18n } from '../../app/i18n';
import { CollectionTable, type Collection } from './CollectionTable';

/** 集中开工 batches, key lists and 包保 groups, each with its totals from the engine and its projects a click away. */
export default function CollectionsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = (['batches', 'key-lists', 'groups'] as const).find((k) => k === params.get('tab')) ?? 'batches';
  const kinds: { key: Collection; label: string }[] = [
    { key: 'batches', label: t('collections.batches') },
    { key: 'key-lists', label: t('collections.keyLists') },
    { key: 'groups', label: t('collections.groups') },
  ];
  return (
    <div>
      <div className="guatu-page-header">
        <h1>{t('menu.collections')}</h1>
      </div>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k })}
          destroyOnHidden
          items={kinds.map((k) => ({ key: k.key, label: k.label, children: <CollectionTable kind={k.key} /> }))}
        />
      </Card>
    </div>
  );
}
