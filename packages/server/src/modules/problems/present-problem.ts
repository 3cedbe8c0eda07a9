import { chinaDate, isProblemOverdue, type ProblemStatus } from '@guatu/core';
import type { Actor } from '../../policies/actor.js';
import { problemActions } from '../../policies/abilities.js';
import type { ProblemRow } from './problems.repository.js';
import type { ProblemBody } from './problems.schemas.js';

export function presentProblem(actor: Actor, row: ProblemRow, today = chinaDate()): ProblemBody {
  const p = row.problem;
  return {
    id: p.id,
    regionCode: p.regionCode,
    regionName: row.regionName,
    projectId: p.projectId,
    projectCode: row.projectCode,
    projectName: row.projectName,
    enterpriseId: p.enterpriseId,
    title: p.title,
    description: p.description,
    responsibleUnit: p.responsibleUnit,
    responsibleLeader: p.responsibleLeader,
    dueOn: p.dueOn,
    status: p.status,
    overdue: isProblemOverdue({ status: p.status as ProblemStatus, dueOn: p.dueOn }, today),
    resolution: p.resolution,
    meeting: p.meetingId ? { id: p.meetingId, title: row.meetingTitle!, heldOn: row.meetingHeldOn! } : null,
    decision: p.decision,
    raisedBy: p.raisedBy,
    raisedByName: row.raisedByName,
    raisedAt: p.raisedAt.toISOString(),
    resolvedAt: p.resolvedAt?.toISOString() ?? null,
    closedAt: p.closedAt?.toISOString() ?? null,
    version: p.version,
    actions: problemActions(actor, { status: p.status, raisedBy: p.raisedBy }),
  };
}

export function auditFields(p: ProblemBody) {
  const { actions: _a, overdue: _o, regionName: _r, projectName: _pn, projectCode: _pc, raisedByName: _rb, ...rest } = p;
  return rest;
}
