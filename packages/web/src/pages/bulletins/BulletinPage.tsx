import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { ArrowLeftOutlined, DiffOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { compareBulletin, loadBulletin, printHref, type Bulletin, type BulletinFigure, type Comparison } from '../../api/bulletins';
import { useI18n } from '../../app/i18n';
import { count, date, dateTime } from '../../lib/format';
import { Loaded } from '../../lib/Loaded';
import { useLoad } from '../../lib/useLoad';
import { BulletinText } from './BulletinText';
import { FigureDrill } from './FigureDrill';
import { periodLabel } from './PeriodPicker';

/** One bulletin: its text with every figure traced, its printable page, and a comparison with the data as it is now. */
export default function BulletinPage() {
  const id = Number(useParams().id);
  const state = useLoad(() => loadBulletin(id), [id]);
  return <Loaded state={state}>{(b) => <BulletinView bulletin={b} />}</Loaded>;
}

function BulletinView({ bulletin: b }: { bulletin: Bulletin }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [drill, setDrill] = useState<string | null>(null);
  const [comparison, setComparison] = useState<Comparison>();
  const [comparing, setComparing] = useState(false);
  const compare = async () => {
    setComparing(true);
    try {
      setComparison(await compareBulletin(b.id));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setComparing(false);
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([b.markdown], { type: 'text/markdown;charset=utf-8' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: `bulletin-${b.id}.md` });
    a.click();
    URL.revokeObjectURL(url);
  };
  const moved = new Map((comparison?.figures ?? []).map((f) => [f.key, f]));

  return (
    <div>
      <div className="guatu-page-header">
        <Space wrap>
          <Link to="/bulletins">
            <Button icon={<ArrowLeftOutlined />} aria-label={t('bulletins.back')} />
          </Link>
          <h1 style={{ margin: 0 }}>{b.title}</h1>
        </Space>
        <Space wrap>
          <a href={printHref(b.id)} target="_blank" rel="noopener" data-testid="print-link">
            <Button icon={<PrinterOutlined />}>{t('bulletins.print')}</Button>
          </a>
          <Button icon={<DownloadOutlined />} onClick={download}>
            {t('bulletins.markdown')}
          </Button>
          <Button icon={<DiffOutlined />} onClick={compare} loading={comparing} data-testid="compare">
            {t('bulletins.compare')}
          </Button>
        </Space>
      </div>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'region', label: t('bulletins.region'), children: b.regionName },
            { key: 'period', label: t('bulletins.period'), children: periodLabel(b.period, t) },
            { key: 'date', label: t('bulletins.date'), children: date(b.bulletinDate, locale) },
            { key: 'template', label: t('bulletins.template'), children: `${b.templateName}（${t('bulletins.versionN', { n: b.templateVersion })}）` },
            { key: 'data', label: t('bulletins.dataVersion'), children: <span data-testid="data-version">{b.dataVersion}</span> },
            { key: 'at', label: t('bulletins.generatedAt'), children: dateTime(b.generatedAt) },
            { key: 'by', label: t('bulletins.generatedBy'), children: b.generatedByName ?? '—' },
          ]}
        />
        <Alert type="info" showIcon title={t('bulletins.immutable')} style={{ marginTop: 8 }} />
      </Card>
      {comparison && (
        <Alert
          data-testid="compare-summary"
          style={{ marginBottom: 16 }}
          type={comparison.changed ? 'warning' : 'success'}
          showIcon
          closable={{ onClose: () => setComparison(undefined) }}
          title={t(comparison.changed ? 'bulletins.compareSummary' : 'bulletins.compareSame', { then: comparison.generated.dataVersion, now: comparison.now.dataVersion, changed: comparison.changed })}
        />
      )}
      <Card style={{ marginBottom: 16 }} extra={<span style={{ color: '#6b7280' }}>{t('bulletins.figureHint')}</span>}>
        <BulletinText bulletin={b} comparison={comparison} onDrill={setDrill} />
      </Card>
      <Card title={t('bulletins.figures')}>
        <Table<BulletinFigure>
          rowKey="key"
          size="small"
          pagination={false}
          data-testid="figure-table"
          dataSource={b.figures}
          scroll={{ x: 720 }}
          rowClassName={(f) => (moved.get(f.key)?.changed ? 'figure-row-changed' : '')}
          columns={[
            { title: t('bulletins.figure'), dataIndex: 'label', width: 180 },
            { title: t('bulletins.value'), dataIndex: 'text', width: 100, align: 'right', render: (v: string, f) => <a onClick={() => setDrill(f.key)}>{v}</a> },
            { title: t('bulletins.records'), dataIndex: 'recordCount', width: 90, align: 'right', render: (n: number) => count(n) },
            { title: t('bulletins.measure'), key: 'measure', width: 220, render: (_, f) => <code>{f.request.measures.join(', ')}</code> },
            ...(comparison
              ? [
                  { title: t('bulletins.now'), key: 'now', width: 100, align: 'right' as const, render: (_: unknown, f: BulletinFigure) => moved.get(f.key)?.now.text ?? '—' },
                  {
                    title: t('bulletins.compare'),
                    key: 'changed',
                    width: 200,
                    render: (_: unknown, f: BulletinFigure) => {
                      const c = moved.get(f.key);
                      if (!c) return null;
                      return c.changed ? (
                        <Space orientation="vertical" size={0}>
                          <Tag color="red">{t('bulletins.changed')}</Tag>
                          <span style={{ fontSize: 12 }}>{t('bulletins.addedRemoved', { added: c.added.length, removed: c.removed.length })}</span>
                        </Space>
                      ) : (
                        <Tag color="green">{t('bulletins.unchanged')}</Tag>
                      );
                    },
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <FigureDrill bulletinId={b.id} figureKey={drill} regionName={b.regionName} onClose={() => setDrill(null)} />
    </div>
  );
}
