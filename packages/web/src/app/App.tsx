import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useSearchParams } from 'react-router';
import { Spin } from 'antd';
import type { Role } from '@guatu/core';
import { canReview, useAuth } from './auth';
import { Shell } from './Shell';
import { BULLETIN_ROLES, TEMPLATE_ROLES } from './menu';
import { LoginPage } from '../pages/LoginPage';
import { ForbiddenPage, NotFoundPage } from '../pages/ErrorPages';

// Every screen but sign-in loads on demand, so the first screen stays small.
const DashboardPage = lazy(() => import('../pages/dashboard/DashboardPage'));
const BattleMapPage = lazy(() => import('../pages/map/BattleMapPage'));
const ProjectListPage = lazy(() => import('../pages/projects/ProjectListPage'));
const ProjectDetailPage = lazy(() => import('../pages/projects/ProjectDetailPage'));
const ProjectFormPage = lazy(() => import('../pages/projects/ProjectFormPage'));
const ImportPage = lazy(() => import('../pages/exchange/ImportPage'));
const WorklistPage = lazy(() => import('../pages/reports/WorklistPage'));
const ReportPage = lazy(() => import('../pages/reports/ReportPage'));
const ReviewQueuePage = lazy(() => import('../pages/reports/ReviewQueuePage'));
const ProblemBoardPage = lazy(() => import('../pages/problems/ProblemBoardPage'));
const CollectionsPage = lazy(() => import('../pages/collections/CollectionsPage'));
const BulletinsPage = lazy(() => import('../pages/bulletins/BulletinsPage'));
const BulletinPage = lazy(() => import('../pages/bulletins/BulletinPage'));
const CheckPage = lazy(() => import('../pages/bulletins/CheckPage'));
const TemplatesPage = lazy(() => import('../pages/bulletins/TemplatesPage'));
const TemplateEditorPage = lazy(() => import('../pages/bulletins/TemplateEditorPage'));
const StatsQueryPage = lazy(() => import('../pages/bulletins/StatsQueryPage'));

export function App() {
  const { me, ready } = useAuth();
  const location = useLocation();
  if (!ready) return <FullPageSpin />;
  if (!me) {
    if (location.pathname === '/login') return <LoginPage />;
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  return (
    <Shell>
      <Suspense fallback={<FullPageSpin />}>
        <Routes>
          <Route path="/" element={<DashboardPage />} />
          <Route path="/login" element={<AfterSignIn />} />
          <Route path="/map" element={<BattleMapPage />} />
          <Route path="/projects" element={<ProjectListPage />} />
          <Route path="/projects/new" element={<Allowed roles={['reporter', 'admin']}><ProjectFormPage /></Allowed>} />
          <Route path="/projects/:id" element={<ProjectDetailPage />} />
          <Route path="/projects/:id/edit" element={<Allowed roles={['reporter', 'admin']}><ProjectFormPage /></Allowed>} />
          <Route path="/import" element={<Allowed roles={['reporter', 'admin']}><ImportPage /></Allowed>} />
          <Route path="/reports" element={<Allowed roles={['reporter']}><WorklistPage /></Allowed>} />
          <Route path="/reports/:id" element={<ReportPage />} />
          <Route path="/review" element={canReview(me) ? <ReviewQueuePage /> : <ForbiddenPage />} />
          <Route path="/problems" element={<ProblemBoardPage />} />
          <Route path="/collections" element={<CollectionsPage />} />
          <Route path="/bulletins" element={<Allowed roles={[...BULLETIN_ROLES]}><BulletinsPage /></Allowed>} />
          <Route path="/bulletins/:id" element={<Allowed roles={[...BULLETIN_ROLES]}><BulletinPage /></Allowed>} />
          <Route path="/figure-check" element={<Allowed roles={[...BULLETIN_ROLES]}><CheckPage /></Allowed>} />
          <Route path="/bulletin-templates" element={<Allowed roles={[...TEMPLATE_ROLES]}><TemplatesPage /></Allowed>} />
          <Route path="/stats" element={<StatsQueryPage />} />
          <Route path="/bulletin-templates/:id" element={<Allowed roles={[...TEMPLATE_ROLES]}><TemplateEditorPage /></Allowed>} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}

/** Once signed in, the sign-in page sends the user on to where they were going. */
function AfterSignIn() {
  const [params] = useSearchParams();
  const next = params.get('next');
  return <Navigate to={next && next.startsWith('/') && !next.startsWith('//') ? next : '/'} replace />;
}

function Allowed({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { hasRole } = useAuth();
  return hasRole(...roles) ? <>{children}</> : <ForbiddenPage />;
}

export function FullPageSpin() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 64 }}>
      <Spin size="large" />
    </div>
  );
}
