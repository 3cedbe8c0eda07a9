import type { Db } from '../../db/client.js';
import { AppError, fromZodIssues, invalid } from '../../http/errors.js';
import type { Actor } from '../../policies/actor.js';
import { runStats } from '../stats/run-stats.js';
import { statsRequestBody } from '../stats/stats.schemas.js';

export interface FigureRequest {
  subject: 'projects' | 'enterprises' | 'groups';
  filter: Record<string, unknown>;
  measures: [string];
}

export interface FigureAnswer {
  value: string | number | null;
  /** The records behind the figure: the engine's drill-down of the total. */
  ids: number[];
}

/** The engine takes at most this many measures in one request. */
const MEASURES_PER_REQUEST = 30;

/**
 * Answers figures through the statistics engine, in the actor's scope. Figures with the same
 * subject and filter are asked together, as one statement, so their answers come from the same rows.
 */
export async function answerFigures(db: Db, actor: Actor, requests: FigureRequest[], field = 'figures'): Promise<FigureAnswer[]> {
  const groups = new Map<string, { subject: FigureRequest['subject']; filter: Record<string, unknown>; measures: string[]; members: number[] }>();
  requests.forEach((r, i) => {
    const key = JSON.stringify([r.subject, r.filter]);
    const g = groups.get(key) ?? { subject: r.subject, filter: r.filter, measures: [], members: [] };
    if (!g.measures.includes(r.measures[0])) g.measures.push(r.measures[0]);
    g.members.push(i);
    groups.set(key, g);
  });
  const answers: FigureAnswer[] = new Array(requests.length);
  for (const g of groups.values()) {
    for (let at = 0; at < g.measures.length; at += MEASURES_PER_REQUEST) {
      const measures = g.measures.slice(at, at + MEASURES_PER_REQUEST);
      const parsed = statsRequestBody.safeParse({ subject: g.subject, filter: g.filter, measures, drill: true });
      if (!parsed.success) throw invalid(fromZodIssues(parsed.error.issues, field));
      let result;
      try {
        result = await runStats(db, actor, parsed.data, 'zh');
      } catch (e) {
        if (e instanceof AppError && e.statusCode === 400) throw invalid(e.issues.map((i) => ({ ...i, field: `${field}.${i.field}` })));
        throw e;
      }
      for (const i of g.members) {
        const m = requests[i]!.measures[0];
        if (measures.includes(m)) answers[i] = { value: (result.total[m] as string | number | null | undefined) ?? null, ids: result.total.ids ?? [] };
      }
    }
  }
  return answers;
}

/** Where the web app shows a figure's records and its query; the filter travels as JSON in the URL. */
export function figureLinks(request: FigureRequest): { projects: string | null; stats: string } {
  const list = request.subject === 'projects' ? '/projects' : request.subject === 'enterprises' ? '/enterprises' : null;
  return {
    projects: list ? `${list}?filter=${encodeURIComponent(JSON.stringify(request.filter))}` : null,
    stats: `/stats?request=${encodeURIComponent(JSON.stringify(request))}`,
  };
}
