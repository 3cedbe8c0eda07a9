import { and, sql, type SQL } from 'drizzle-orm';
import type { Grouping } from '@guatu/core';
import { accountabilityGroups, enterprises } from '../../db/schema/index.js';
import { scopeToRegion } from '../../policies/scope.js';
import type { Actor } from '../../policies/actor.js';
import { inRegionSubtree, inRegionSubtrees } from '../filters/filters.repository.js';
import type { AggregatePlan } from './stats.repository.js';
import type { StatsFilter } from './stats.schemas.js';

interface SubjectInput {
  actor: Actor;
  filter: StatsFilter;
  groupBy: Grouping[];
  measures: string[];
  drill: boolean;
  regionBase: { code: string; depth: number };
}

const escapeLike = (v: string) => v.replace(/[\\%_]/g, (c) => '\\' + c);

/** Enterprises (招商服务进万企 and the investors behind projects) in the actor's scope. */
export function enterpriseStatsPlan(input: SubjectInput): AggregatePlan {
  const e = enterprises;
  const f = input.filter;
  const visitRange = and(
    f.visitedFrom ? sql`v.visited_on >= ${f.visitedFrom}::date` : undefined,
    f.visitedTo ? sql`v.visited_on <= ${f.visitedTo}::date` : undefined,
  );
  const where = and(
    scopeToRegion(e.regionCode, input.actor),
    f.region ? inRegionSubtree(e.regionCode, f.region) : undefined,
    f.regions?.length ? inRegionSubtrees(e.regionCode, f.regions) : undefined,
    f.ids?.length ? sql`${e.id} in ${f.ids}` : undefined,
    f.enterpriseKinds?.length ? sql`${e.kind} in ${f.enterpriseKinds}` : undefined,
    f.programmes?.length ? sql`exists (select 1 from unnest(${e.programmes}) x where x in ${f.programmes})` : undefined,
    f.homeProvinces?.length ? sql`${e.homeProvinceCode} in ${f.homeProvinces}` : undefined,
    visitRange ? sql`${e.id} in (select v.enterprise_id from enterprise_visits v where ${visitRange})` : undefined,
    f.q ? sql`(${e.name} ilike ${`%${escapeLike(f.q)}%`} or ${e.creditCode} = ${f.q.toUpperCase()})` : undefined,
  );
  const keys = input.groupBy.map((g, i) => {
    const key =
      g === 'region'
        ? regionKey(input.regionBase)
        : g === 'enterpriseKind'
          ? sql`${e.kind}`
          : g === 'homeProvince'
            ? sql`${e.homeProvinceCode}`
            : unsupported(g);
    return sql`${key} as ${sql.raw(`g${i}`)}`;
  });
  const sel = sql`select ${e.id} as id, true as cur ${keys.length ? sql`, ${sql.join(keys, sql`, `)}` : sql``}
    from ${e} join regions r on r.code = ${e.regionCode} where ${where}`;

  const joins: SQL[] = [];
  const needsVisits = input.measures.some((m) => m !== 'count');
  if (needsVisits) {
    joins.push(sql`left join (
      select v.enterprise_id, count(distinct v.id)::int as visits, count(d.id)::int as demands, count(d.problem_id)::int as problems
      from enterprise_visits v left join visit_demands d on d.visit_id = v.id
      where v.enterprise_id in (select id from sel) ${visitRange ? sql`and ${visitRange}` : sql``}
      group by v.enterprise_id
    ) ev on ev.enterprise_id = sel.id`);
  }
  const values = input.measures.map((m) => {
    switch (m) {
      case 'count':
        return sql`count(*)::int`;
      case 'visits':
        return sql`coalesce(sum(ev.visits), 0)::int`;
      case 'demands':
        return sql`coalesce(sum(ev.demands), 0)::int`;
      case 'demandsAsProblems':
        return sql`coalesce(sum(ev.problems), 0)::int`;
      default:
        throw new Error(`not an enterprise measure: ${m}`);
    }
  });
  return { sel, groupCount: keys.length, joins, values, drill: input.drill };
}

/** 包保 groups in the actor's scope. */
export function groupStatsPlan(input: SubjectInput): AggregatePlan {
  const g = accountabilityGroups;
  const f = input.filter;
  const where = and(
    scopeToRegion(g.regionCode, input.actor),
    f.region ? inRegionSubtree(g.regionCode, f.region) : undefined,
    f.ids?.length ? sql`${g.id} in ${f.ids}` : undefined,
  );
  const keys = input.groupBy.map((k, i) => sql`${k === 'region' ? regionKey(input.regionBase) : unsupported(k)} as ${sql.raw(`g${i}`)}`);
  const sel = sql`select ${g.id} as id, true as cur ${keys.length ? sql`, ${sql.join(keys, sql`, `)}` : sql``}
    from ${g} join regions r on r.code = ${g.regionCode} where ${where}`;
  const joins = input.measures.includes('coveredRegions')
    ? [sql`left join (select group_id, count(*)::int as n from accountability_group_regions group by group_id) gr on gr.group_id = sel.id`]
    : [];
  const values = input.measures.map((m) => (m === 'count' ? sql`count(*)::int` : sql`coalesce(sum(gr.n), 0)::int`));
  return { sel, groupCount: keys.length, joins, values, drill: input.drill };
}

function regionKey(base: { code: string; depth: number }): SQL {
  return sql`coalesce(nullif(split_part(r.path, '/', ${base.depth + 1}), ''), ${base.code})`;
}

function unsupported(g: string): never {
  throw new Error(`not a grouping of this subject: ${g}`);
}
