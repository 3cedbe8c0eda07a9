import { Link } from 'react-router';
import { Table, Tag, Typography } from 'antd';
import { get } from '../../api/client';
import { projectsHref, queryStats, type StatsFilter } from '../../api/stats';
import { useI18n } from '../../app/i18n';
import { count, date, money } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';

export type Collection = 'batches' | 'key-lists' | 'groups';

interface Item {
  id: number;
  name: string;
  regionName: string;
  /** Batches: the day; key lists: the year; groups: the leader. */
  when: string;
  detail: string | null;
  status?: 'draft' | 'published';
  filter: StatsFilter;
  totals?: { count: number; totalInvestment: string; planned: string | null; plannedYear: number };
}

const PATHS: Record<Collection, string> = { batches: '/batches', 'key-lists': '/key-lists', groups: '/accountability-groups' };

async function load(kind: Collection): Promise<Item[]> {
  const { items } = await get<{ items: Record<string, any>[] }>(PATHS[kind], { pageSize: 200 });
  const rows: Item[] = items.map((x) =>
    kind === 'batches'
      ? { id: x.id, name: x.name, regionName: x.regionName, when: x.heldOn, detail: x.place, filter: { batch: x.id } }
      : kind === 'key-lists'
        ? { id: x.id, name: x.name, regionName: x.regionName, when: String(x.year), detail: x.description, status: x.status, filter: { keyList: x.id } }
        : {
            id: x.id,
            name: x.name,
            regionName: x.regionName,
            when: `${x.leader.name}${x.leader.title ? `（${x.leader.title}）` : ''}`,
            detail: (x.coveredRegions as { name: string }[]).map((r) => r.name).join('、'),
            filter: { group: x.id },
          },
  );
  // The totals of each are the engine's, for the same filter the project list uses.
  return Promise.all(
    rows.map(async (row) => {
      const plannedYear = kind === 'batches' ? Number(row.when.slice(0, 4)) : kind === 'key-lists' ? Number(row.when) : new Date().getFullYear();
      const planned = `plannedInvestment:${plannedYear}`;
      const { total } = await queryStats({ filter: row.filter, measures: ['count', 'totalInvestment', planned] });
      return { ...row, totals: { count: Number(total.count ?? 0), totalInvestment: String(total.totalInvestment ?? '0'), planned: (total[planned] as string | null) ?? null, plannedYear } };
    }),
  );
}

export function CollectionTable({ kind }: { kind: Collection }) {
  const { t, locale, field } = useI18n();
  const state = useLoad(() => load(kind), [kind]);
  return (
    <Table<Item>
      rowKey="id"
      size="middle"
      loading={state.loading}
      dataSource={state.data ?? []}
      scroll={{ x: 960 }}
      pagination={{ pageSize: 20 }}
      data-testid={`collection-${kind}`}
      locale={state.error ? { emptyText: <Typography.Text type="danger">{state.error.message}</Typography.Text> } : undefined}
      columns={[
        {
          title: field('name'),
          dataIndex: 'name',
          width: 280,
          render: (name: string, x) => (
            <>
              {name} {x.status === 'draft' && <Tag>{t('collections.draft')}</Tag>}
            </>
          ),
        },
        { title: t('projects.region'), dataIndex: 'regionName', width: 130 },
        {
          title: kind === 'batches' ? t('collections.heldOn') : kind === 'key-lists' ? t('dashboard.year') : t('collections.leader'),
          dataIndex: 'when',
          width: 150,
          render: (v: string) => (kind === 'batches' ? date(v, locale) : v),
        },
        { title: kind === 'groups' ? t('collections.covers') : t('collections.detail'), dataIndex: 'detail', ellipsis: true },
        {
          title: t('count'),
          align: 'right',
          width: 90,
          render: (_, x) => (
            <Link to={projectsHref(x.filter)} className="guatu-figure" data-testid={`collection-count-${x.id}`}>
              {count(x.totals?.count)}
            </Link>
          ),
        },
        { title: t('dashboard.totalInvestment'), align: 'right', width: 130, render: (_, x) => <Link to={projectsHref(x.filter)}>{money(x.totals?.totalInvestment, locale)}</Link> },
        { title: t('collections.planned'), align: 'right', width: 150, render: (_, x) => (x.totals ? `${money(x.totals.planned ?? '0', locale)}（${x.totals.plannedYear}）` : '—') },
      ]}
    />
  );
}
