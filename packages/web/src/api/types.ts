/** Shapes of the API's bodies as the screens use them (see /api/openapi.json). Amounts are yuan strings. */
import type { FundSource, ProblemAction, ProblemStatus, ProjectKind, ProjectLevel, ReportAction, ReportStatus, Role, Stage } from '@guatu/core';

export interface Me {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  region: { code: string; name: string; level: 'province' | 'prefecture' | 'county' | 'zone'; path: string };
  sessionExpiresAt: string;
}

export interface Region {
  code: string;
  parentCode: string | null;
  level: 'province' | 'prefecture' | 'county' | 'zone';
  name: string;
  shortName: string;
  path: string;
  childCount: number;
}

export interface Category {
  code: string;
  parentCode: string | null;
  path: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface ProjectSummary {
  id: number;
  code: string;
  name: string;
  kind: ProjectKind;
  regionCode: string;
  regionName: string;
  managedByPrefecture: boolean;
  categoryCode: string;
  categoryName: string;
  level: ProjectLevel;
  stage: Stage;
  startedOn: string | null;
  totalInvestment: string;
  version: number;
  /** Warning light (预警) and why, as of today. */
  light?: Light;
  warningReasons?: string[];
}

export type Light = 'red' | 'yellow' | 'green';

export interface ProjectWarning {
  asOf: string;
  light: Light;
  reasons: string[];
  investment: {
    period: string;
    light: Light | null;
    annualPlan: string | null;
    completedYearToDate: string;
    progressPercent: string | null;
    elapsedPercent: string;
    lagPoints: string | null;
  };
  overdueMilestones: { id: number; kind: string; name: string | null; plannedOn: string }[];
  overdueProblems: { id: number; title: string; dueOn: string }[];
}

export interface Milestone {
  id: number;
  projectId: number;
  kind: string;
  kindName: string;
  name: string | null;
  plannedOn: string | null;
  actualOn: string | null;
  note: string | null;
  overdue: boolean;
  version: number;
}

export interface Project extends ProjectSummary {
  locationRegionCode: string | null;
  locationRegionName: string | null;
  longitude: string | null;
  latitude: string | null;
  suspendedFrom: Stage | null;
  stageChangedOn: string | null;
  signedOn: string | null;
  completedOn: string | null;
  agreementAmount: string | null;
  annualPlans: { year: number; amount: string }[];
  investor: { id: number; name: string; creditCode: string; homeProvinceName: string | null } | null;
  liaisonLeader: { name: string; title: string | null } | null;
  workingTeam: string | null;
  caseFile: string | null;
  attributes: Record<string, string>;
  description: string | null;
  createdAt: string;
  updatedAt: string;
  updatedByName: string | null;
  abilities: { update: boolean; transitions: Stage[]; report: boolean; raiseProblem: boolean };
  warning?: ProjectWarning;
}

export interface StageChange {
  id: number;
  fromStage: Stage | null;
  toStage: Stage;
  effectiveOn: string;
  note: string | null;
  changedByName: string | null;
  changedAt: string;
}

export type Funds = Record<FundSource, string>;

export interface Report {
  id: number;
  projectId: number;
  projectCode: string;
  projectName: string;
  regionCode: string;
  regionName: string;
  period: string;
  status: ReportStatus;
  completedInvestment: string;
  funds: Funds;
  fundsTotal: string;
  physicalProgress: string | null;
  progressPercent: number | null;
  workersOnSite: number | null;
  workersExpected: number | null;
  narrative: string | null;
  reviewComment: string | null;
  submittedAt: string | null;
  submittedByName: string | null;
  reviewedAt: string | null;
  reviewedByName: string | null;
  deadline: string;
  late: boolean;
  version: number;
  actions: ReportAction[];
}

export interface ReportDetail extends Report {
  carryOver: { yearToDateBefore: string; sinceStartBefore: string; plannedThisYear: string | null };
}

export interface ReportEvent {
  id: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  comment: string | null;
  actorName: string | null;
  at: string;
}

export interface WorklistItem {
  projectId: number;
  projectCode: string;
  projectName: string;
  regionCode: string;
  regionName: string;
  stage: Stage;
  report: { id: number; status: ReportStatus; late: boolean; version: number; completedInvestment: string } | null;
  deadline: string;
  late: boolean;
}

export interface Problem {
  id: number;
  regionCode: string;
  regionName: string;
  projectId: number | null;
  projectCode: string | null;
  projectName: string | null;
  title: string;
  description: string | null;
  responsibleUnit: string | null;
  responsibleLeader: string | null;
  dueOn: string | null;
  status: ProblemStatus;
  overdue: boolean;
  resolution: string | null;
  meeting: { id: number; title: string; heldOn: string } | null;
  decision: string | null;
  raisedBy: number;
  raisedByName: string;
  raisedAt: string;
  version: number;
  actions: ProblemAction[];
}

export interface ProblemEvent {
  id: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  actorName: string | null;
  at: string;
}
