import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Drawer, Space, Table, Typography } from 'antd';
import { STAGE_LABELS } from '@guatu/core';
import { drillFigure, type DrillProject } from '../../api/bulletins';
import { projectsHref } from '../../api/stats';
import { useI18n } from '../../app/i18n';
import { money } from '../../lib/format';
import { Loaded } from '../../lib/Loaded';
import { useLoad } from '../../lib/useLoad';
import { FigureQuery } from './FigureQuery';

/** The drill-down of one figure: its query, and the projects that were behind it when the bulletin was generated. */
export function FigureDrill({ bulletinId, figureKey, regionName, onClose }: { bulletinId: number; figureKey: string | null; regionName: string; onClose(): void }) {
  const { t, label, locale } = useI18n();
  const [page, setPage] = useState(1);
  const state = useLoad(() => (figureKey ? drillFigure(bulletinId, figureKey, page, 10) : Promise.resolve(undefined)), [bulletinId, figureKey, page]);
  return (
    <Drawer
      open={figureKey !== null}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      size={1000}
      title={state.data ? t('bulletins.drillTitle', { label: state.data.figure.label }) : t('bulletins.openDrill')}
      data-testid="figure-drill"
      destroyOnHidden
    >
      {figureKey && (
        <Loaded state={state}>
          {(d) =>
            d && (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <Typography.Title level={3} style={{ margin: 0 }} data-testid="drill-value">
                  {d.figure.text}
                  <Typography.Text type="secondary" style={{ fontSize: 14, marginInlineStart: 8 }}>
                    {d.figure.label}
                  </Typography.Text>
                </Typography.Title>
                <FigureQuery request={d.figure.request} regionName={regionName} />
                {d.records.subject !== 'projects' ? (
                  <Alert type="info" title={t('bulletins.drillNotProjects')} />
                ) : (
                  <>
                    <Typography.Text type="secondary">{t('bulletins.drillHint', { n: d.records.total, version: d.dataVersion })}</Typography.Text>
                    <Table<DrillProject>
                      rowKey="id"
                      size="small"
                      data-testid="drill-projects"
                      dataSource={d.records.projects}
                      scroll={{ x: 900 }}
                      pagination={{ current: d.records.page, pageSize: d.records.pageSize, total: d.records.total, onChange: setPage, showSizeChanger: false }}
                      columns={[
                        { title: t('projects.code'), dataIndex: 'code', width: 210, render: (c: string) => <span style={{ whiteSpace: 'nowrap' }}>{c}</span> },
                        { title: t('projects.name'), dataIndex: 'name', width: 240, render: (n: string, p) => <Link to={`/projects/${p.id}`}>{n}</Link> },
                        { title: t('projects.region'), dataIndex: 'regionName', width: 90 },
                        { title: t('projects.category'), dataIndex: 'categoryName', width: 90 },
                        { title: t('projects.stage'), dataIndex: 'stage', width: 64, render: (s: string) => label(STAGE_LABELS, s) },
                        { title: t('projects.totalInvestment'), dataIndex: 'totalInvestment', width: 110, align: 'right', render: (v: string) => money(v, locale) },
                        { title: t('projects.startedOn'), dataIndex: 'startedOn', width: 106, render: (v: string | null) => v ?? '—' },
                      ]}
                    />
                    <Link to={projectsHref(d.figure.request.filter)}>{t('bulletins.openList')}</Link>
                  </>
                )}
              </Space>
            )
          }
        </Loaded>
      )}
    </Drawer>
  );
}
