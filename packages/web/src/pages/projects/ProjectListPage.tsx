import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { LEVEL_LABELS } from '@guatu/core';
import { get } from '../../api/client';
import { filterToSearch, searchToFilter } from '../../api/stats';
import type { Page, ProjectSummary } from '../../api/types';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { date, money } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { ExportButtons } from '../../lib/ExportButtons';
import { projectsExportUrl } from '../../api/exchange';
import { ProjectFilters, type ListFilter } from './ProjectFilters';
import { LightTag } from './LightTag';
import { StageTag } from './StageTag';

const SORTS = ['code', 'name', 'totalInvestment', 'startedOn', 'stage', 'updatedAt'] as const;
/** Filters the form has no control for: they arrive from a figure's drill-down and show as tags. */
const DRILL_KEYS = ['managedBy', 'lights', 'warnings', 'sizeBands', 'regions', 'ids', 'signedFrom', 'signedTo', 'completedFrom', 'completedTo', 'maxTotalInvestment', 'asOf'] as const;

/** The project library: server-side filters, sorting and paging, all kept in the URL. */
export default function ProjectListPage() {
  const { t, label, locale } = useI18n();
  const { hasRole } = useAuth();
  const [params, setParams] = useSearchParams();
  const filter: ListFilter = useMemo(() => ({ ...searchToFilter(params), q: params.get('q') ?? undefined }), [params]);
  const sort = (SORTS as readonly string[]).includes(params.get('sort') ?? '') ? params.get('sort')! : 'updatedAt';
  const order = params.get('order') === 'asc' ? 'asc' : 'desc';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(10, Number(params.get('pageSize')) || 20));

  const state = useLoad(
    () => get<Page<ProjectSummary> & { page: number }>('/projects', { ...filter, sort, order, page, pageSize }),
    [params.toString()],
  );

  const update = (next: ListFilter, extra: Record<string, string | undefined> = {}) => {
    const search = new URLSearchParams(filterToSearch(next));
    if (next.q) search.set('q', next.q);
    for (const [k, v] of Object.entries({ sort: params.get('sort') ?? undefined, order: params.get('order') ?? undefined, ...extra })) if (v) search.set(k, v);
    setParams(search);
  };
  const drilled = DRILL_KEYS.filter((k) => filter[k] !== undefined);

  return (
    <div>
      <div className="guatu-page-header">
        <h1>{t('projects.title')}</h1>
        {/* List-view actions (new, import, export) sit together here. */}
        <Space wrap data-testid="list-actions">
          {hasRole('reporter', 'admin') && (
            <Link to="/projects/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('projects.new')}
              </Button>
            </Link>
          )}
          <ExportButtons testId="export-projects" href={(format) => projectsExportUrl(filter, format)} />
        </Space>
      </div>
      <Card>
        <ProjectFilters value={filter} onChange={(next) => update(next)} />
        {drilled.length > 0 && (
          <div style={{ marginBottom: 12 }} data-testid="drill-filter">
            <Typography.Text type="secondary">{t('projects.filterFromFigure')}：</Typography.Text>
            {drilled.map((k) => (
              <Tag key={k} closable onClose={() => update({ ...filter, [k]: undefined })}>
                {drillLabel(k, filter, t)}
              </Tag>
            ))}
          </div>
        )}
        <Table<ProjectSummary>
          rowKey="id"
          size="middle"
          loading={state.loading}
          dataSource={state.data?.items ?? []}
          scroll={{ x: 1280 }}
          onChange={(pagination, _filters, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const field = s?.order ? String(s.field) : undefined;
            update(filter, {
              page: String(pagination.current ?? 1),
              pageSize: String(pagination.pageSize ?? pageSize),
              sort: field,
              order: field ? (s!.order === 'ascend' ? 'asc' : 'desc') : undefined,
            });
          }}
          pagination={{
            current: page,
            pageSize,
            total: state.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (n) => <span data-testid="project-total">{t('projects.count', { n })}</span>,
          }}
          columns={[
            { title: t('projects.code'), dataIndex: 'code', key: 'code', sorter: true, sortOrder: so('code'), width: 220, responsive: ['md'] },
            {
              title: t('projects.name'),
              dataIndex: 'name',
              key: 'name',
              sorter: true,
              sortOrder: so('name'),
              width: 260,
              render: (name: string, p) => <Link to={`/projects/${p.id}`}>{name}</Link>,
            },
            { title: t('projects.region'), dataIndex: 'regionName', width: 130, render: (n: string, p) => (p.managedByPrefecture ? `${n}（市直）` : n) },
            { title: t('projects.category'), dataIndex: 'categoryName', width: 120 },
            { title: t('projects.warning'), dataIndex: 'light', width: 80, render: (l, p) => (l ? <LightTag light={l} reasons={p.warningReasons} /> : null) },
            { title: t('projects.stage'), dataIndex: 'stage', key: 'stage', sorter: true, sortOrder: so('stage'), width: 100, render: (s) => <StageTag stage={s} /> },
            { title: t('projects.level'), dataIndex: 'level', width: 100, render: (l: string) => label(LEVEL_LABELS, l) },
            {
              title: t('projects.totalInvestment'),
              dataIndex: 'totalInvestment',
              key: 'totalInvestment',
              sorter: true,
              sortOrder: so('totalInvestment'),
              align: 'right',
              width: 130,
              render: (v: string) => money(v, locale),
            },
            { title: t('projects.startedOn'), dataIndex: 'startedOn', key: 'startedOn', sorter: true, sortOrder: so('startedOn'), width: 130, render: (v) => date(v, locale) },
          ]}
        />
      </Card>
    </div>
  );

  function so(key: string) {
    return sort === key && params.get('sort') ? (order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;
  }
}

function drillLabel(key: (typeof DRILL_KEYS)[number], filter: ListFilter, t: ReturnType<typeof useI18n>['t']): string {
  const v = filter[key];
  const text = Array.isArray(v) ? (key === 'ids' ? String(v.length) : v.join('、')) : String(v);
  const names: Record<string, string> = {
    managedBy: t('projects.managedBy'),
    batch: t('projects.batch'),
    keyList: t('projects.keyList'),
    group: t('projects.group'),
    lights: t('projects.warning'),
    warnings: t('projects.warning'),
    ids: t('projects.ids'),
  };
  if (key === 'managedBy') return filter.managedBy === 'prefecture' ? names.managedBy! : `${t('projects.managedBy')}：否`;
  return `${names[key] ?? key}：${text}`;
}
