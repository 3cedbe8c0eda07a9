import { sql } from 'drizzle-orm';
import { describeIssue, measureValueKind, parseMeasure, yuanInUnit, type ChineseMoneyUnit } from '@guatu/core';
import type { Db } from '../db/client.js';
import { AppError, fromZodIssues } from '../http/errors.js';
import { systemActor, type Actor } from '../policies/actor.js';
import { runStats } from '../modules/stats/run-stats.js';
import { statsRequestBody, type StatsResponse } from '../modules/stats/stats.schemas.js';
import { FIGURE_QUERIES, figureRequest, type FigureRef } from '../seed/demo/figures.js';
import { openReady } from './open.js';

export interface StatsOptions {
  subject?: string;
  filter: string[];
  measure: string[];
  groupBy: string[];
  drill?: boolean;
  json?: boolean;
  unit?: string;
  as?: string;
  figure?: string;
  request?: string;
}

/** Filters that take several values (comma-separated on the command line) or a number. */
const LISTS = new Set(['regions', 'categories', 'stages', 'levels', 'kinds', 'sizeBands', 'lights', 'warnings', 'ids', 'enterpriseKinds', 'programmes', 'homeProvinces']);
const NUMBERS = new Set(['batch', 'keyList', 'group', 'ids']);

export function parseFilter(pairs: string[]): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq < 1) throw new Error(`A filter is key=value, e.g. region=530300; got "${pair}"`);
    const key = pair.slice(0, eq);
    const raw = pair.slice(eq + 1);
    const value = LISTS.has(key) ? raw.split(',').filter(Boolean) : raw;
    filter[key] = NUMBERS.has(key) ? (Array.isArray(value) ? value.map(Number) : Number(value)) : value;
  }
  return filter;
}

/** `guatu stats`: the statistics engine from the command line, in the province's scope or a user's. */
export async function stats(options: StatsOptions) {
  const database = await openReady();
  try {
    const actor = options.as ? await actorOf(database.db, options.as) : systemActor();
    let body: unknown;
    if (options.figure) {
      const query = FIGURE_QUERIES[options.figure];
      if (!query) throw new Error(`Unknown figure ${options.figure}; known: ${Object.keys(FIGURE_QUERIES).join(', ')}`);
      body = await figureRequest(query, (ref) => resolveByName(database.db, ref));
    } else if (options.request) {
      body = JSON.parse(options.request);
    } else {
      body = { subject: options.subject, filter: parseFilter(options.filter), measures: options.measure, groupBy: options.groupBy, drill: options.drill ?? false };
    }
    const parsed = statsRequestBody.safeParse(body, { reportInput: true });
    if (!parsed.success) throw new Error(explain(fromZodIssues(parsed.error.issues)));
    let result: StatsResponse;
    try {
      result = await runStats(database.db, actor, parsed.data, 'zh');
    } catch (e) {
      if (e instanceof AppError && e.issues.length) throw new Error(explain(e.issues), { cause: e });
      throw e;
    }
    if (options.json) console.log(JSON.stringify(result, null, 2));
    else console.log(table(result, parsed.data.groupBy, parsed.data.measures, (options.unit as ChineseMoneyUnit | undefined) ?? '元'));
  } finally {
    await database.close();
  }
}

const explain = (issues: { field: string; rule: string; params?: Record<string, unknown> }[]) =>
  issues.map((i) => `${describeIssue(i.field, i.rule, 'zh', i.params)}\n  ${describeIssue(i.field, i.rule, 'en', i.params)}`).join('\n');

/** Acts as a user, by username: the figures are then only those of the user's region. */
async function actorOf(db: Db, username: string): Promise<Actor> {
  const result = await db.execute(sql`select u.id::int as id, u.display_name, u.region_code, r.path, r.level, u.roles from users u join regions r on r.code = u.region_code where u.username = ${username} and u.active`);
  const [u] = (result as unknown as { rows: { id: number; display_name: string; region_code: string; path: string; level: Actor['regionLevel']; roles: Actor['roles'] }[] }).rows;
  if (!u) throw new Error(`No active user ${username}`);
  return { userId: u.id, username, displayName: u.display_name, regionCode: u.region_code, regionPath: u.path, regionLevel: u.level, roles: u.roles };
}

async function resolveByName(db: Db, ref: FigureRef): Promise<number> {
  const [table, name] = 'batch' in ref ? ['batches', ref.batch] : ['key_lists', ref.keyList];
  const result = await db.execute(sql`select id::int as id from ${sql.raw(table)} where name = ${name}`);
  const [row] = (result as unknown as { rows: { id: number }[] }).rows;
  if (!row) throw new Error(`No ${table} named ${name}; is the demo province loaded (guatu seed --demo)?`);
  return row.id;
}

/** Display width: Chinese characters take two columns. */
const width = (s: string) => [...s].reduce((n, c) => n + (c.codePointAt(0)! > 0x2e80 ? 2 : 1), 0);
const pad = (s: string, w: number, right: boolean) => (right ? ' '.repeat(w - width(s)) + s : s + ' '.repeat(w - width(s)));

export function table(result: StatsResponse, groupBy: string[], measures: string[], unit: ChineseMoneyUnit): string {
  const money = (m: string) => {
    const parsed = parseMeasure(m, result.subject);
    return parsed.ok && measureValueKind(parsed.measure) === 'yuan';
  };
  const cell = (m: string, v: unknown) => (v === null || v === undefined ? '—' : money(m) && unit !== '元' ? yuanInUnit(String(v), unit) : String(v));
  const head = [...groupBy, ...measures.map((m) => (money(m) && unit !== '元' ? `${m} (${unit})` : m))];
  const rows = [
    ...result.rows.map((r) => [...groupBy.map((g) => String(r.labels?.[g] ?? r[g] ?? '—')), ...measures.map((m) => cell(m, r[m]))]),
    [...groupBy.map((_, i) => (i === 0 ? '合计 total' : '')), ...measures.map((m) => cell(m, result.total[m]))],
  ];
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i >= groupBy.length)).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
