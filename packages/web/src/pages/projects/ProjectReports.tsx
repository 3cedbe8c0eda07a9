import { useMemo } from 'react';
import { Link } from 'react-router';
import { Col, Row, Table, Tag, Typography } from 'antd';
import { countsInStatistics, percentOf, REPORT_STATUS_LABELS, sumYuan, yuanInUnit } from '@guatu/core';
import { get } from '../../api/client';
import type { Page, Project, Report } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { EChart } from '../../charts/EChart';
import { money, period } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';

/** Annual plans against approved completion, and the monthly reports as a chart and a table. */
export function ProjectReports({ project }: { project: Project }) {
  const { t, label, locale, field } = useI18n();
  const state = useLoad(() => get<Page<Report>>('/reports', { projectId: project.id, pageSize: 500 }), [project.id, project.version]);
  const reports = useMemo(() => [...(state.data?.items ?? [])].sort((a, b) => a.period.localeCompare(b.period)), [state.data]);
  const approved = reports.filter((r) => countsInStatistics(r.status));

  const years = [...new Set([...project.annualPlans.map((p) => p.year), ...approved.map((r) => Number(r.period.slice(0, 4)))])].sort();
  const plans = years.map((year) => {
    const plan = project.annualPlans.find((p) => p.year === year)?.amount ?? null;
    const done = sumYuan(approved.filter((r) => r.period.startsWith(`${year}-`)).map((r) => r.completedInvestment));
    return { year, plan, done, rate: plan ? percentOf(done, plan, 1) : null };
  });

  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 56, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: reports.map((r) => r.period) },
      yAxis: { type: 'value', name: '万元' },
      series: [
        {
          type: 'bar',
          name: t('detail.completed'),
          data: reports.map((r) => ({ value: Number(yuanInUnit(r.completedInvestment, '万元', 2)), itemStyle: { color: countsInStatistics(r.status) ? '#b91c1c' : '#fca5a5' } })),
        },
      ],
    }),
    [reports, t],
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Typography.Title level={5}>{t('detail.plans')}</Typography.Title>
        <Table
          size="small"
          rowKey="year"
          pagination={false}
          dataSource={plans}
          data-testid="plans-table"
          columns={[
            { title: t('dashboard.year'), dataIndex: 'year' },
            { title: t('detail.plan'), dataIndex: 'plan', align: 'right', render: (v) => money(v, locale) },
            { title: t('detail.completed'), dataIndex: 'done', align: 'right', render: (v) => money(v, locale) },
            { title: t('detail.rate'), dataIndex: 'rate', align: 'right', render: (v) => (v === null ? '—' : `${v}%`) },
          ]}
        />
      </Col>
      <Col xs={24} lg={14}>{reports.length > 0 && <EChart option={option} testId="reports-chart" />}</Col>
      <Col span={24}>
        <Table<Report>
          size="small"
          rowKey="id"
          loading={state.loading}
          dataSource={[...reports].reverse()}
          pagination={{ pageSize: 12 }}
          scroll={{ x: 640 }}
          columns={[
            { title: t('worklist.period'), dataIndex: 'period', render: (v: string, r) => <Link to={`/reports/${r.id}`}>{period(v, locale)}</Link> },
            { title: t('worklist.status'), dataIndex: 'status', render: (s: string, r) => <Tag color={r.late ? 'red' : undefined}>{label(REPORT_STATUS_LABELS, s)}</Tag> },
            { title: t('detail.completed'), dataIndex: 'completedInvestment', align: 'right', render: (v) => money(v, locale) },
            { title: field('funds'), dataIndex: 'fundsTotal', align: 'right', render: (v) => money(v, locale) },
            { title: field('physicalProgress'), dataIndex: 'physicalProgress', ellipsis: true },
          ]}
        />
      </Col>
    </Row>
  );
}
