import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Card, Col, Grid, Row, Select, Space, Spin, Typography } from 'antd';
import { yuanInUnit } from '@guatu/core';
import { projectsHref } from '../../api/stats';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { EChart } from '../../charts/EChart';
import { loadCategories } from '../../lib/codeLists';
import { useLoad } from '../../lib/useLoad';
import { KpiCards } from './KpiCards';
import { ExportButtons } from '../../lib/ExportButtons';
import { exportStats } from '../../api/exchange';
import { loadDashboard, str } from './dashboardQueries';
import { currentPeriod, parsePeriod, periodRange } from './period';

/** 看板: the user's region in figures from the statistics engine, every one clickable to its projects. */
export default function DashboardPage() {
  const { me } = useAuth();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const period = parsePeriod(params);
  const range = periodRange(period);
  const region = me!.region.code;
  const hasSubRegions = me!.region.level === 'province' || me!.region.level === 'prefecture';
  const state = useLoad(() => loadDashboard(region, period.year, range, hasSubRegions), [region, period.year, period.quarter]);
  const names = useLoad(() => loadCategories(), []);
  const regionNames = useLoad(() => import('../../lib/codeLists').then((m) => (hasSubRegions ? m.loadRegionChildren(region) : [])), [region]);

  const narrow = !Grid.useBreakpoint().md;
  const charts = useMemo(() => {
    const d = state.data;
    if (!d) return null;
    const catName = (row: Record<string, unknown> & { labels?: Record<string, string | null> }) => {
      const code = str(row.category);
      const c = names.data?.find((x) => x.code === code);
      return c ? (locale === 'zh' ? c.nameZh : c.nameEn) : (row.labels?.category ?? code);
    };
    const regName = (row: Record<string, unknown> & { labels?: Record<string, string | null> }) =>
      regionNames.data?.find((r) => r.code === str(row.region))?.shortName ?? row.labels?.region ?? str(row.region);
    const yi = (v: unknown) => Number(yuanInUnit(str(v), '亿元', 2));
    const bar = (labels: string[], values: number[], amounts: number[], horizontal = false) => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: horizontal ? 72 : 48, right: 48, top: 32, bottom: narrow && !horizontal ? 56 : 28, containLabel: false },
      [horizontal ? 'yAxis' : 'xAxis']: {
        type: 'category',
        data: labels,
        inverse: horizontal,
        axisLabel: { interval: 0, fontSize: 11, rotate: !horizontal && narrow && labels.length > 3 ? 35 : 0 },
      },
      [horizontal ? 'xAxis' : 'yAxis']: [{ type: 'value', name: t('count') }, ...(horizontal ? [] : [{ type: 'value', name: '亿元' }])],
      series: [
        { type: 'bar', name: t('count'), data: values, itemStyle: { color: '#b91c1c' } },
        ...(horizontal ? [] : [{ type: 'line', name: `${t('dashboard.totalInvestment')}（亿元）`, yAxisIndex: 1, data: amounts, itemStyle: { color: '#1f2937' } }]),
      ],
    });
    const cat = d.startedYtd.byCategory.rows;
    const mon = [...d.startedYtd.byMonth.rows].sort((a, b) => str(a.startMonth).localeCompare(str(b.startMonth)));
    const reg = [...d.startedYtd.byRegion.rows].sort((a, b) => Number(b.count) - Number(a.count));
    return {
      category: { option: bar(cat.map((r) => catName(r)), cat.map((r) => Number(r.count)), cat.map((r) => yi(r.totalInvestment))), rows: cat },
      month: { option: bar(mon.map((r) => str(r.startMonth)), mon.map((r) => Number(r.count)), mon.map((r) => yi(r.totalInvestment))), rows: mon },
      region: { option: bar(reg.map((r) => regName(r)), reg.map((r) => Number(r.count)), [], true), rows: reg },
    };
  }, [state.data, names.data, regionNames.data, locale, t, narrow]);

  const thisYear = currentPeriod().year;
  const setPeriod = (year: number, quarter: number | null) => setParams({ year: String(year), quarter: quarter ? String(quarter) : 'all' });
  const base = state.data?.startedYtd.filter;
  // Each chart's table as a file: the same request the chart was drawn from.
  const exportOf = (groupBy: string, testId: string) => (
    <ExportButtons size="small" testId={testId} onExport={(format) => exportStats({ filter: base ?? {}, measures: ['count', 'totalInvestment'], groupBy: [groupBy] }, format)} />
  );

  return (
    <div>
      <div className="guatu-page-header">
        <h1>
          {t('dashboard.title')} · <span data-testid="dashboard-region">{me!.region.name}</span>
        </h1>
        <Space wrap>
          <Select
            aria-label={t('dashboard.year')}
            data-testid="dashboard-year"
            value={period.year}
            onChange={(y) => setPeriod(y, period.quarter)}
            options={Array.from({ length: thisYear - 2019 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: locale === 'zh' ? `${y}年` : String(y) }))}
            style={{ width: 110 }}
          />
          <Select
            aria-label={t('dashboard.quarter')}
            data-testid="dashboard-quarter"
            value={period.quarter ?? 0}
            onChange={(q) => setPeriod(period.year, q || null)}
            options={[{ value: 0, label: t('dashboard.wholeYear') }, ...[1, 2, 3, 4].map((q) => ({ value: q, label: locale === 'zh' ? `第${q}季度` : `Q${q}` }))]}
            style={{ width: 120 }}
          />
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('dashboard.clickHint')}</Typography.Paragraph>
      {state.error ? (
        <Alert type="error" showIcon title={t('dashboard.statsUnavailable')} description={state.error.message} />
      ) : !state.data || !charts ? (
        <div style={{ textAlign: 'center', padding: 48 }}>
          <Spin />
        </div>
      ) : (
        <div data-testid="dashboard-ready" style={{ opacity: state.loading ? 0.6 : 1 }}>
          <KpiCards data={state.data} period={period} range={range} />
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('dashboard.byCategory')} extra={exportOf('category', 'export-by-category')}>
                <EChart option={charts.category.option} testId="chart-category" onClick={(e) => navigate(projectsHref({ ...base, categories: [str(charts.category.rows[e.dataIndex]?.category)] }))} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('dashboard.byMonth')} extra={exportOf('startMonth', 'export-by-month')}>
                <EChart
                  option={charts.month.option}
                  testId="chart-month"
                  onClick={(e) => {
                    const month = str(charts.month.rows[e.dataIndex]?.startMonth);
                    const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
                    navigate(projectsHref({ ...base, startedFrom: `${month}-01`, startedTo: `${month}-${last}` }));
                  }}
                />
              </Card>
            </Col>
            {hasSubRegions && (
              <Col span={24}>
                <Card size="small" title={t('dashboard.byRegion')} extra={exportOf('region', 'export-by-region')}>
                  <EChart option={charts.region.option} testId="chart-region" onClick={(e) => navigate(projectsHref({ ...base, region: str(charts.region.rows[e.dataIndex]?.region) }))} />
                </Card>
              </Col>
            )}
          </Row>
        </div>
      )}
    </div>
  );
}
