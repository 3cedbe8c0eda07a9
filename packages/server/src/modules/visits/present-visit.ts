import type { VisitRow } from './visits.repository.js';
import type { VisitBody } from './visits.schemas.js';

export function presentVisit(row: VisitRow): VisitBody {
  const v = row.visit;
  return {
    id: v.id,
    enterpriseId: v.enterpriseId,
    enterpriseName: row.enterpriseName,
    enterpriseCreditCode: row.enterpriseCreditCode,
    regionCode: v.regionCode,
    visitedOn: v.visitedOn,
    visitors: v.visitors,
    summary: v.summary,
    demands: row.demands.map((d) => ({ id: d.id, content: d.content, problemId: d.problemId })),
    version: v.version,
    updatedAt: v.updatedAt.toISOString(),
  };
}

export function auditView(body: VisitBody): Record<string, unknown> {
  const { updatedAt: _u, enterpriseName: _n, enterpriseCreditCode: _c, ...rest } = body;
  return rest;
}
