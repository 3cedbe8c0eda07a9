import { Link } from 'react-router';
import { Alert, Card, Table, Tag } from 'antd';
import { listTemplates, type TemplateSummary } from '../../api/bulletins';
import { useI18n } from '../../app/i18n';
import { dateTime } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';

/** 通报模板: the templates bulletins are written from; administrators edit those of their region and below. */
export default function TemplatesPage() {
  const { t } = useI18n();
  const state = useLoad(listTemplates, []);
  return (
    <div>
      <div className="guatu-page-header">
        <h1>{t('templates.title')}</h1>
      </div>
      <Alert type="info" showIcon title={t('templates.versioning')} style={{ marginBottom: 16 }} />
      <Card>
        <Table<TemplateSummary>
          rowKey="id"
          size="middle"
          data-testid="template-list"
          loading={state.loading}
          dataSource={state.data ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            {
              title: t('templates.name'),
              dataIndex: 'name',
              width: 220,
              render: (n: string, x) => <Link to={`/bulletin-templates/${x.id}`}>{n}</Link>,
            },
            { title: t('templates.description'), dataIndex: 'description', width: 360 },
            { title: t('templates.owner'), dataIndex: 'regionName', width: 100 },
            { title: t('templates.needs'), dataIndex: 'needs', width: 140, render: (needs: string[]) => needs.map((n) => <Tag key={n}>{t(`needs.${n}` as 'needs.batch')}</Tag>) },
            { title: t('templates.version'), dataIndex: 'version', width: 90, render: (v: number) => t('bulletins.versionN', { n: v }) },
            { title: t('templates.updatedAt'), dataIndex: 'updatedAt', width: 170, render: (d: string) => dateTime(d) },
            {
              title: t('actions'),
              key: 'actions',
              width: 100,
              render: (_, x) => <Link to={`/bulletin-templates/${x.id}`}>{x.abilities.update ? t('edit') : t('templates.view')}</Link>,
            },
          ]}
        />
      </Card>
    </div>
  );
}
