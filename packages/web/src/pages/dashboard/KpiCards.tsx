import { Card, Col, Progress, Row, Space, Statistic, Typography } from 'antd';
import { percentOf } from '@guatu/core';
import { useI18n } from '../../app/i18n';
import { count, moneyParts, period as formatPeriod } from '../../lib/format';
import { measures, str, type DashboardData } from './dashboardQueries';
import { Figure } from './Figure';
import type { DashboardPeriod, PeriodRange } from './period';

/** The KPI cards: every number is the engine's, and each opens its projects. */
export function KpiCards({ data, period, range }: { data: DashboardData; period: DashboardPeriod; range: PeriodRange }) {
  const { t, locale } = useI18n();
  const m = measures(period.year, range);
  const totals = data.money.result.total;
  const completed = str(totals[m.completedYtd]);
  const planned = str(totals[m.planned]);
  const rate = percentOf(completed, planned, 1);
  const warn = (light: string) => Number(data.warnings.result.rows.find((r) => r.light === light)?.count ?? 0);
  const yoy = (v: unknown) => (v === null || v === undefined ? '—' : `${Number(v) > 0 ? '+' : ''}${v}%`);
  const amount = (yuan: string, testId: string, filter = data.money.filter) => {
    const [n, unit] = moneyParts(yuan, locale);
    return (
      <Figure filter={filter} testId={testId} yuan={yuan}>
        {n}
        <small style={{ fontSize: 14, marginInlineStart: 2 }}>{unit}</small>
      </Figure>
    );
  };
  const periodLabel = period.quarter ? `${period.year}年第${period.quarter}季度` : `${period.year}年`;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} sm={12} xl={8}>
        <Card size="small" title={t('dashboard.startedInPeriod', { period: locale === 'zh' ? periodLabel : `${period.year}${period.quarter ? ` Q${period.quarter}` : ''}` })}>
          <Space size={24} wrap>
            <Statistic title={t('count')} value={0} formatter={() => <Figure filter={data.started.filter} testId="kpi-started-count">{count(Number(data.started.result.total.count ?? 0))}</Figure>} />
            <Statistic title={t('dashboard.totalInvestment')} value={0} formatter={() => amount(str(data.started.result.total.totalInvestment), 'kpi-started-total', data.started.filter)} />
          </Space>
        </Card>
      </Col>
      <Col xs={24} sm={12} xl={8}>
        <Card size="small" title={t('dashboard.underConstruction')}>
          <Space size={24} wrap>
            <Statistic title={t('count')} value={0} formatter={() => <Figure filter={data.construction.filter} testId="kpi-construction-count">{count(Number(data.construction.result.total.count ?? 0))}</Figure>} />
            <Statistic title={t('dashboard.totalInvestment')} value={0} formatter={() => amount(str(data.construction.result.total.totalInvestment), 'kpi-construction-total', data.construction.filter)} />
          </Space>
        </Card>
      </Col>
      <Col xs={24} sm={12} xl={8}>
        <Card size="small" title={t('dashboard.warnings')}>
          <Space size={24} wrap>
            <Statistic title={t('dashboard.red')} value={0} styles={{ content: { color: '#cf1322' } }} formatter={() => <Figure filter={{ ...data.warnings.filter, lights: ['red'] }} testId="kpi-red">{count(warn('red'))}</Figure>} />
            <Statistic title={t('dashboard.yellow')} value={0} styles={{ content: { color: '#d48806' } }} formatter={() => <Figure filter={{ ...data.warnings.filter, lights: ['yellow'] }} testId="kpi-yellow">{count(warn('yellow'))}</Figure>} />
          </Space>
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title={`${t('dashboard.ytdCompleted')}（${locale === 'zh' ? `截至${formatPeriod(range.lastMonth, locale)}` : range.lastMonth}）`}>
          <Space size={24} wrap>
            <Statistic title={t('detail.completed')} value={0} formatter={() => amount(completed, 'kpi-completed')} />
            <Statistic title={t('dashboard.plan')} value={0} formatter={() => amount(planned, 'kpi-planned')} />
          </Space>
          <div style={{ marginTop: 8 }} data-testid="kpi-rate">
            <div style={{ position: 'relative' }}>
              <Progress percent={Math.min(100, Number(rate ?? 0))} showInfo={false} strokeColor={Number(rate ?? 0) >= range.timeProgress ? '#389e0d' : '#cf1322'} />
              <div title={t('dashboard.timeProgress')} style={{ position: 'absolute', top: 0, bottom: 0, left: `${range.timeProgress}%`, borderLeft: '2px dashed #1f2937' }} />
            </div>
            <Typography.Text style={{ fontSize: 12 }}>
              {t('detail.rate')} {rate === null ? '—' : `${rate}%`} · {t('dashboard.timeProgress')} {range.timeProgress}%
            </Typography.Text>
          </div>
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title={t('dashboard.outOfProvince')}>
          <Space size={24} wrap>
            <Statistic title={`${t('dashboard.thisMonth')}（${formatPeriod(range.lastMonth, locale)}）`} value={0} formatter={() => amount(str(totals[m.fundsMonth]), 'kpi-funds-month')} />
            <Statistic title={t('dashboard.yoy')} value={0} formatter={() => <span data-testid="kpi-funds-month-yoy">{yoy(totals[m.fundsMonthYoy])}</span>} />
            <Statistic title={t('dashboard.ytd')} value={0} formatter={() => amount(str(totals[m.fundsYtd]), 'kpi-funds-ytd')} />
            <Statistic title={t('dashboard.yoy')} value={0} formatter={() => <span>{yoy(totals[m.fundsYtdYoy])}</span>} />
          </Space>
        </Card>
      </Col>
    </Row>
  );
}
