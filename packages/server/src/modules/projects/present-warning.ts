import { assessedPeriod, investmentLight, normalizeYuan, projectLight, type Light, type WarningReason } from '@guatu/core';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../policies/actor.js';
import { overdueItems, warningsOf, type WarningRow } from '../filters/warnings.repository.js';
import type { z } from 'zod';
import type { projectWarningBody } from './projects.schemas.js';

/** "10.0000" → "10", "8.50" → "8.5". */
const trimNumber = (v: string) => (v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v);

/** The light and reasons of a list item: the SQL row read by the core rule. */
export function listWarning(row: WarningRow | undefined): { light: Light; warningReasons: WarningReason[] } {
  if (!row) return { light: 'green', warningReasons: [] };
  const { light, reasons } = projectLight({ investment: row.investment_light, overdueMilestones: row.overdue_milestones, overdueProblems: row.overdue_problems });
  return { light, warningReasons: reasons };
}

/** A project's warning as of a day, explained: the investment figures behind the light, and the overdue items. */
export async function projectWarning(db: Db, actor: Actor, projectId: number, asOf: string): Promise<z.infer<typeof projectWarningBody>> {
  const row = (await warningsOf(db, actor, asOf, [projectId])).get(projectId)!;
  const items = await overdueItems(db, projectId, asOf);
  const period = assessedPeriod(asOf);
  const thresholds = { yellow: Number(row.yellow), red: Number(row.red) };
  const investment = investmentLight({ annualPlan: row.annual_plan, completedYearToDate: row.completed_ytd, period, thresholds });
  const { light, reasons } = projectLight({ investment: investment.light, overdueMilestones: items.milestones.length, overdueProblems: items.problems.length });
  return {
    asOf,
    light,
    reasons,
    investment: {
      period,
      light: investment.light,
      annualPlan: normalizeYuan(row.annual_plan),
      completedYearToDate: normalizeYuan(row.completed_ytd)!,
      progressPercent: investment.progressPercent,
      elapsedPercent: investment.elapsedPercent,
      lagPoints: investment.lagPoints,
      thresholds: { yellow: trimNumber(row.yellow), red: trimNumber(row.red) },
    },
    overdueMilestones: items.milestones,
    overdueProblems: items.problems,
  };
}
