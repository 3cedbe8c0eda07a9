import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Col, Row, Select, Space, Table, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { chinaPeriod } from '@guatu/core';
import { projectsHref } from '../../api/stats';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { EChart } from '../../charts/EChart';
import { count, money } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { OpenItemsPanel } from './OpenItemsPanel';
import { loadPoints, loadRegionFigures, metricValue, METRICS, regionFiguresExport, type Metric, type RegionFigure } from './mapData';
import { ExportButtons } from '../../lib/ExportButtons';
import { exportStats } from '../../api/exchange';

const PROVINCE = '530000';
const LIGHT_COLORS = { red: '#cf1322', yellow: '#d48806', green: '#389e0d' } as const;

/** 挂图作战: prefectures as a choropleth, projects as points, and the open items of the area beside them. */
export default function BattleMapPage() {
  const { me } = useAuth();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const metric = ((METRICS as readonly string[]).includes(params.get('metric') ?? '') ? params.get('metric') : 'count') as Metric;
  const drilled = params.get('region');
  // The map always shows the province's prefectures; the engine fills in only those in the user's area.
  const thisYear = Number(chinaPeriod().slice(0, 4));
  const year = Number(params.get('year')) >= 2000 && Number(params.get('year')) <= thisYear ? Number(params.get('year')) : thisYear;
  const prefectures = useLoad(() => loadRegionFigures(PROVINCE, year, me!.region.path), [year, me!.region.path]);
  const counties = useLoad(() => (drilled ? loadRegionFigures(drilled, year, me!.region.path) : Promise.resolve(null)), [drilled, year, me!.region.path]);
  const points = useLoad(() => loadPoints(drilled ?? me!.region.code, year), [drilled, me!.region.code, year]);
  const area = drilled ?? me!.region.code;

  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  const metricLabel = (m: Metric) => t(`map.metric.${m}` as const);
  const format = (f: RegionFigure, m: Metric) =>
    m === 'totalInvestment' ? money(f.totalInvestment, locale) : m === 'rate' ? (f.rate === null ? '—' : `${f.rate}%`) : count(f[m]);

  const option = useMemo(() => {
    const figures = prefectures.data ?? [];
    const max = Math.max(0, ...figures.map((f) => metricValue(f, metric)));
    const byCode = new Map(figures.map((f) => [f.code, f]));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { componentType: string; name: string; data?: { name?: string } }) => {
          if (p.componentType === 'series') return p.data?.name ?? '';
          const f = byCode.get(p.name);
          return f ? `${f.name}<br/>${metricLabel(metric)}：${format(f, metric)}` : '';
        },
      },
      geo: {
        map: 'yunnan',
        nameProperty: 'adcode',
        roam: true,
        top: 8,
        bottom: 8,
        triggerEvent: true,
        label: { show: true, fontSize: 11, color: '#111827', formatter: (p: { name: string }) => shortName(byCode.get(p.name)?.name ?? '') },
        itemStyle: { borderColor: '#7f1d1d', borderWidth: 1, areaColor: '#f9fafb' },
        emphasis: { itemStyle: { areaColor: '#fde68a' }, label: { color: '#111827' } },
        // The choropleth: each prefecture shaded by its share of the largest value.
        regions: figures.map((f) => ({ name: f.code, itemStyle: { areaColor: shade(max ? metricValue(f, metric) / max : 0) } })),
      },
      series: [
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: 5,
          data: (points.data?.items ?? []).map((p) => ({ name: p.name, value: [Number(p.longitude), Number(p.latitude)], id: p.id, itemStyle: { color: p.light ? LIGHT_COLORS[p.light] : '#1f2937' } })),
        },
      ],
    };
  }, [prefectures.data, points.data, metric, locale]);

  const table = (rows: RegionFigure[] | undefined, testId: string, onRow?: (f: RegionFigure) => void) => (
    <>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
        <ExportButtons size="small" testId={`export-${testId}`} onExport={async (format) => exportStats(await regionFiguresExport(drilled ?? PROVINCE, year, me!.region.path), format)} />
      </div>
      <Table<RegionFigure>
        size="small"
        rowKey="code"
        data-testid={testId}
        pagination={false}
        dataSource={[...(rows ?? [])].sort((a, b) => metricValue(b, metric) - metricValue(a, metric))}
        onRow={(f) => ({ onClick: () => onRow?.(f), style: onRow ? { cursor: 'pointer' } : undefined })}
        columns={[
          { title: t('map.rank'), width: 56, render: (_, __, i) => i + 1 },
          { title: t('projects.region'), dataIndex: 'name', render: (n: string) => <span data-testid="region-name">{n}</span> },
          { title: t('map.metric.count'), align: 'right', render: (_, f) => <Link to={projectsHref(f.filter)} onClick={(e) => e.stopPropagation()}>{count(f.count)}</Link> },
          { title: t('map.metric.totalInvestment'), align: 'right', render: (_, f) => money(f.totalInvestment, locale) },
          { title: t('map.metric.rate'), align: 'right', render: (_, f) => format(f, 'rate') },
          { title: t('map.metric.red'), align: 'right', render: (_, f) => <Link to={projectsHref({ ...f.filter, lights: ['red'], asOf: f.asOf })} onClick={(e) => e.stopPropagation()}>{count(f.red)}</Link> },
        ]}
      />
    </>
  );

  return (
    <div>
      <div className="guatu-page-header">
        <h1>{t('map.title')}</h1>
        <Space wrap>
          <Select
            value={year}
            onChange={(y) => set({ year: String(y) })}
            options={Array.from({ length: thisYear - 2019 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: locale === 'zh' ? `${y}年` : String(y) }))}
            style={{ width: 100 }}
            aria-label={t('dashboard.year')}
            data-testid="map-year"
          />
          <Typography.Text>{t('map.metric')}</Typography.Text>
          <Select value={metric} onChange={(m) => set({ metric: m })} options={METRICS.map((m) => ({ value: m, label: metricLabel(m) }))} style={{ width: 150 }} data-testid="map-metric" />
        </Space>
      </div>
      {prefectures.error && <Alert type="error" showIcon title={t('dashboard.statsUnavailable')} description={prefectures.error.message} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card size="small">
            <EChart option={option} needsMap className="guatu-map" testId="battle-map" onClick={(e) => {
                if (e.componentType === 'geo' && prefectures.data?.some((f) => f.code === e.name)) set({ region: e.name });
                const id = (e.data as { id?: number } | undefined)?.id;
                if (e.componentType === 'series' && id) navigate(`/projects/${id}`);
              }} />
            {!drilled && <div style={{ marginTop: 12 }}>{table(prefectures.data, 'prefecture-table', (f) => set({ region: f.code }))}</div>}
            {drilled && (
              <div style={{ marginTop: 12 }}>
                <Space wrap style={{ marginBottom: 8 }}>
                  <Button icon={<ArrowLeftOutlined />} onClick={() => set({ region: null })} size="small">
                    {t('map.back')}
                  </Button>
                  <Typography.Text strong>{t('map.counties', { name: prefectures.data?.find((f) => f.code === drilled)?.name ?? drilled })}</Typography.Text>
                  <Typography.Text type="secondary">{t('map.noCountyMap')}</Typography.Text>
                </Space>
                {table(counties.data ?? undefined, 'county-table')}
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <OpenItemsPanel region={area} />
        </Col>
      </Row>
    </div>
  );
}

/** White through red: the darker, the larger the value. */
function shade(share: number): string {
  const from = [255, 241, 240];
  const to = [185, 28, 28];
  const c = from.map((v, i) => Math.round(v + (to[i]! - v) * Math.min(1, Math.max(0, share))));
  return `rgb(${c.join(',')})`;
}

function shortName(name: string): string {
  return name.replace(/(市|哈尼族彝族自治州|壮族苗族自治州|傣族自治州|白族自治州|傣族景颇族自治州|傈僳族自治州|藏族自治州|彝族自治州)$/, '');
}
