import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { App, Button, Card, Space, Tabs, Typography } from 'antd';
import { EditOutlined, FlagOutlined, FormOutlined } from '@ant-design/icons';
import { chinaPeriod, KIND_LABELS } from '@guatu/core';
import { ApiError, get, post } from '../../api/client';
import type { Page, Project, Report } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { Loaded } from '../../lib/Loaded';
import { useLoad } from '../../lib/useLoad';
import { NotFoundPage } from '../ErrorPages';
import { RaiseProblemModal } from '../problems/RaiseProblemModal';
import { ProblemList } from '../problems/ProblemList';
import { ProjectFacts } from './ProjectFacts';
import { ProjectHistory } from './ProjectHistory';
import { ProjectReports } from './ProjectReports';
import { LightTag } from './LightTag';
import { ProjectMilestones } from './ProjectMilestones';
import { StageActions } from './StageActions';
import { StageTag } from './StageTag';
import { StageTimeline } from './StageTimeline';

/** One project: facts and 四个一, stages, plans against completion, reports, problems, history. */
export default function ProjectDetailPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return <ProjectDetail id={id} />;
}

function ProjectDetail({ id }: { id: number }) {
  const { t, label } = useI18n();
  const state = useLoad(() => get<Project>(`/projects/${id}`), [id]);
  const [raising, setRaising] = useState(false);
  const [problemsVersion, setProblemsVersion] = useState(0);
  const openReport = useOpenReport();

  return (
    <Loaded state={state}>
      {(p) => (
        <div>
          <div className="guatu-page-header">
            <div style={{ minWidth: 0 }}>
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="project-name">
                {p.name}
              </Typography.Title>
              <Space wrap size={4} style={{ marginTop: 4 }}>
                <Typography.Text type="secondary" copyable>
                  {p.code}
                </Typography.Text>
                <StageTag stage={p.stage} />
                {p.warning && <LightTag light={p.warning.light} reasons={p.warning.reasons} />}
                <Typography.Text type="secondary">
                  {p.regionName}
                  {p.managedByPrefecture ? '（市直）' : ''} · {label(KIND_LABELS, p.kind)}
                </Typography.Text>
              </Space>
            </div>
            <Space wrap>
              {p.abilities.report && (
                <Button icon={<FormOutlined />} onClick={() => openReport(p.id)}>
                  {t('detail.fillReport')}
                </Button>
              )}
              {p.abilities.raiseProblem && (
                <Button icon={<FlagOutlined />} onClick={() => setRaising(true)}>
                  {t('detail.raiseProblem')}
                </Button>
              )}
              {p.abilities.update && (
                <Link to={`/projects/${p.id}/edit`}>
                  <Button icon={<EditOutlined />}>{t('edit')}</Button>
                </Link>
              )}
              <StageActions project={p} onDone={state.reload} />
            </Space>
          </div>
          <Card>
            <Tabs
              items={[
                { key: 'facts', label: t('detail.facts'), children: <ProjectFacts project={p} /> },
                { key: 'timeline', label: t('detail.timeline'), children: <StageTimeline projectId={p.id} version={p.version} /> },
                { key: 'milestones', label: t('detail.milestones'), children: <ProjectMilestones project={p} /> },
                { key: 'reports', label: t('detail.reports'), children: <ProjectReports project={p} /> },
                {
                  key: 'problems',
                  label: t('detail.problems'),
                  children: <ProblemList key={problemsVersion} query={{ projectId: p.id }} showProject={false} />,
                },
                { key: 'history', label: t('detail.history'), children: <ProjectHistory projectId={p.id} version={p.version} /> },
              ]}
            />
          </Card>
          <RaiseProblemModal
            projectId={p.id}
            open={raising}
            onClose={(raised) => {
              setRaising(false);
              if (raised) setProblemsVersion((v) => v + 1);
            }}
          />
        </div>
      )}
    </Loaded>
  );
}

/** Opens this month's report of a project, starting it as a draft when there is none yet. */
export function useOpenReport() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  return async (projectId: number, period = chinaPeriod()) => {
    try {
      const existing = await get<Page<Report>>('/reports', { projectId, period });
      const report = existing.items[0] ?? (await post<Report>(`/projects/${projectId}/reports`, { period }));
      navigate(`/reports/${report.id}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
}
