import { Link, useSearchParams } from 'react-router';
import { Card, Table, Tag } from 'antd';
import { listBulletins, listTemplates, type BulletinSummary } from '../../api/bulletins';
import { useI18n } from '../../app/i18n';
import { date, dateTime } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { GenerateForm } from './GenerateForm';
import { periodLabel } from './PeriodPicker';

/** 通报: generate a bulletin from a template, and the bulletins already generated with their data version. */
export default function BulletinsPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const templates = useLoad(listTemplates, []);
  const list = useLoad(() => listBulletins({ page, pageSize: 20 }), [page]);
  const usable = (templates.data ?? []).filter((x) => x.abilities.generate);

  return (
    <div>
      <div className="guatu-page-header">
        <h1>{t('bulletins.title')}</h1>
      </div>
      {usable.length > 0 && (
        <Card title={t('bulletins.generate')} style={{ marginBottom: 16 }}>
          <GenerateForm templates={usable} />
        </Card>
      )}
      <Card title={t('bulletins.list')}>
        <Table<BulletinSummary>
          rowKey="id"
          size="middle"
          data-testid="bulletin-list"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('bulletins.empty') }}
          scroll={{ x: 1190 }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showTotal: (n) => t('bulletins.count', { n }), onChange: (p) => setParams({ page: String(p) }) }}
          columns={[
            { title: t('bulletins.title'), dataIndex: 'title', width: 300, render: (title: string, b) => <Link to={`/bulletins/${b.id}`}>{title}</Link> },
            { title: t('bulletins.region'), dataIndex: 'regionName', width: 100 },
            { title: t('bulletins.period'), dataIndex: 'period', width: 120, render: (p: string) => periodLabel(p, t) },
            { title: t('bulletins.template'), dataIndex: 'templateName', width: 240, render: (n: string, b) => `${n}（${t('bulletins.versionN', { n: b.templateVersion })}）` },
            { title: t('bulletins.dataVersion'), dataIndex: 'dataVersion', width: 90, render: (v: number) => <Tag>{v}</Tag> },
            { title: t('bulletins.date'), dataIndex: 'bulletinDate', width: 130, render: (d: string) => date(d, locale) },
            { title: t('bulletins.generatedAt'), dataIndex: 'generatedAt', width: 210, render: (d: string, b) => `${dateTime(d)} ${b.generatedByName?.replace(/（.*）$/, '') ?? ''}` },
          ]}
        />
      </Card>
    </div>
  );
}
