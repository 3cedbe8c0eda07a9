import { allowedProblemActions, allowedReportActions, nextStages, RAISER_ONLY, REPORT_ACTION_SIDE, type ProblemAction, type ProblemStatus, type ProjectKind, type ReportAction, type ReportStatus, type Stage } from '@guatu/core';
import { hasRole, type Actor } from './actor.js';

/**
 * What each role may do, in one place. Region scope is not checked here: a record reaches a
 * policy only after a scoped query found it. The abilities go out with each record, so the web
 * app shows exactly the actions the server will accept.
 */
export const may = {
  manageUsers: (a: Actor) => hasRole(a, 'admin'),
  editProjects: (a: Actor) => hasRole(a, 'reporter', 'admin'),
  editEnterprises: (a: Actor) => hasRole(a, 'reporter', 'admin'),
  fillReports: (a: Actor) => hasRole(a, 'reporter'),
  /** Reports are reviewed at prefecture level or above, never by the person who submitted them. */
  reviewReports: (a: Actor) => hasRole(a, 'reviewer') && (a.regionLevel === 'province' || a.regionLevel === 'prefecture'),
  raiseProblems: (a: Actor) => hasRole(a, 'reporter', 'reviewer', 'admin', 'leader'),
  handleProblems: (a: Actor) => hasRole(a, 'reporter', 'reviewer', 'admin'),
  decideProblems: (a: Actor) => hasRole(a, 'reviewer', 'admin', 'leader'),
  /** Batches, key lists and 包保 groups are set up by the region's schedulers and administrators. */
  manageProgrammes: (a: Actor) => hasRole(a, 'reviewer', 'admin'),
  /** Visits to enterprises are recorded by the officers who make them. */
  recordVisits: (a: Actor) => hasRole(a, 'reporter', 'reviewer', 'admin'),
  configureWarnings: (a: Actor) => hasRole(a, 'admin'),
};

export interface ProjectAbilities {
  update: boolean;
  transitions: Stage[];
  report: boolean;
  raiseProblem: boolean;
}

export function projectAbilities(a: Actor, p: { kind: ProjectKind; stage: Stage; suspendedFrom: Stage | null }): ProjectAbilities {
  const edit = may.editProjects(a);
  return {
    update: edit,
    transitions: edit ? nextStages({ kind: p.kind, stage: p.stage, suspendedFrom: p.suspendedFrom }) : [],
    report: may.fillReports(a),
    raiseProblem: may.raiseProblems(a),
  };
}

export function reportActions(a: Actor, r: { status: ReportStatus; submittedBy: number | null }): ReportAction[] {
  return allowedReportActions(r.status).filter((action) =>
    REPORT_ACTION_SIDE[action] === 'reporter' ? may.fillReports(a) : may.reviewReports(a) && r.submittedBy !== a.userId,
  );
}

export function problemActions(a: Actor, p: { status: ProblemStatus; raisedBy: number }): ProblemAction[] {
  return allowedProblemActions(p.status).filter((action) => {
    if (RAISER_ONLY.has(action)) return p.raisedBy === a.userId;
    if (action === 'decide') return may.decideProblems(a);
    return may.handleProblems(a);
  });
}
