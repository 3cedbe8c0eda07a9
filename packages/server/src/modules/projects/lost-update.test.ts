import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { and, eq } from 'drizzle-orm';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { createProjectVia } from '../../test/fixtures.js';
import { auditEvents } from '../../db/schema/index.js';

let t: TestContext;
let wang: TestUser;
let li: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  wang = await t.user('530302', 'reporter', 'wang.qilin');
  li = await t.user('530302', 'reporter', 'li.qilin');
});
afterAll(() => t.close());

interface Editable {
  entity: string;
  table: string;
  /** A fresh record at version 1 and the URL that edits it. */
  create(): Promise<{ id: number; url: string }>;
  /** Two different edits of the same fields. */
  edits: [Record<string, unknown>, Record<string, unknown>];
}

const EDITABLE: Editable[] = [
  {
    entity: 'project',
    table: 'projects',
    create: async () => {
      const p = await createProjectVia(t, wang);
      return { id: p.id, url: `/api/v1/projects/${p.id}` };
    },
    edits: [
      { name: '王的改名：新能源电池材料一期', totalInvestment: '1300000000' },
      { name: '李的改名：新能源电池材料二期', totalInvestment: '1400000000' },
    ],
  },
  {
    entity: 'monthly_report',
    table: 'monthly_reports',
    create: async () => {
      const p = await createProjectVia(t, wang);
      const r = await t.call(wang, 'POST', `/api/v1/projects/${p.id}/reports`, { period: '2022-03' });
      return { id: r.body.id, url: `/api/v1/reports/${r.body.id}` };
    },
    edits: [
      { completedInvestment: '5000000', narrative: '王：主体结构完成' },
      { completedInvestment: '7000000', narrative: '李：设备进场' },
    ],
  },
  {
    entity: 'problem',
    table: 'problems',
    create: async () => {
      const p = await createProjectVia(t, wang);
      const r = await t.call(wang, 'POST', `/api/v1/projects/${p.id}/problems`, { title: '用地指标不足' });
      return { id: r.body.id, url: `/api/v1/problems/${r.body.id}` };
    },
    edits: [
      { title: '王：用地指标缺口 120 亩', dueOn: '2022-06-30' },
      { title: '李：用地指标缺口 80 亩', dueOn: '2022-07-31' },
    ],
  },
];

/**
 * On PostgreSQL, a third connection holds the row until both requests are inside their
 * transactions and waiting for it, so the two edits truly race. PGlite has one connection: the
 * two requests interleave up to their transactions, which it runs one after the other.
 */
async function race(table: string, id: number, send: () => Promise<[Res, Res]>): Promise<[Res, Res]> {
  if (t.kind !== 'postgres') return send();
  const blocker = new pg.Client({ connectionString: t.databaseUrl });
  // Activity is read from a connection of its own: inside a transaction it would be a snapshot.
  const observer = new pg.Client({ connectionString: t.databaseUrl });
  await Promise.all([blocker.connect(), observer.connect()]);
  try {
    await blocker.query('begin');
    await blocker.query(`select id from ${table} where id = $1 for update`, [id]);
    const racing = send();
    await waitFor(async () => {
      const { rows } = await observer.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
      return rows[0].n === 2;
    });
    await blocker.query('commit');
    return await racing;
  } finally {
    await Promise.all([blocker.end(), observer.end()]);
  }
}

type Res = Awaited<ReturnType<TestContext['call']>>;

async function waitFor(condition: () => Promise<boolean>) {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the two requests never both waited for the row');
}

describe.each(EDITABLE)('two edits of the same $entity with the same version', ({ entity, table, create, edits }) => {
  it('one wins with 200, the other gets 409 naming the winner, and the row holds the winner’s change', async () => {
    const { id, url } = await create();
    const [a, b] = await race(table, id, () => Promise.all([t.call(wang, 'PATCH', url, { version: 1, ...edits[0] }), t.call(li, 'PATCH', url, { version: 1, ...edits[1] })]));

    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winner, loser, winnerUser, winnerEdit] = a.status === 200 ? [a, b, wang, edits[0]] : [b, a, li, edits[1]];
    expect(loser.body).toMatchObject({ code: 'STALE_VERSION', issues: [{ field: 'version', rule: 'version.stale' }] });
    expect(loser.body.message).toContain(`测试${winnerUser.username}`);

    const final = await t.call(wang, 'GET', url);
    expect(final.body.version).toBe(2);
    expect(final.body).toMatchObject(winnerEdit);
    expect(final.body).toEqual({ ...winner.body, abilities: final.body.abilities, actions: final.body.actions, carryOver: final.body.carryOver, warning: final.body.warning });

    const updates = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, entity), eq(auditEvents.entityId, String(id))));
    expect(updates.filter((e) => e.action.endsWith('.update') || e.action.endsWith('.save')).map((e) => e.actorName)).toEqual([winnerUser.username]);
  });
});
