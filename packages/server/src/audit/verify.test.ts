import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { startTestApp, type TestContext, type TestUser } from '../test/harness.js';
import { createProjectVia } from '../test/fixtures.js';
import { cliDatabaseEnv, runGuatu } from '../test/cli.js';
import type { Db } from '../db/client.js';
import { auditHead, auditHeads, verifyAuditChain, type VerifyResult } from './verify.js';
import { eventHash } from './chain.js';

/** Qujing's lane: its county reporter writes there. Honghe writes in a lane of its own. */
const QUJING = '530300';
const HONGHE = '532500';

let t: TestContext;
let reporter: TestUser;
let updateSeq: number;
let updateLaneSeq: number;
beforeAll(async () => {
  t = await startTestApp();
  reporter = await t.user('530302', 'reporter');
  const other = await t.user('532501', 'reporter');
  for (let i = 0; i < 3; i++) {
    const project = await createProjectVia(t, reporter);
    const res = await t.call(reporter, 'PATCH', `/api/v1/projects/${project.id}`, { version: project.version, name: `改名后的项目 ${i}` });
    expect(res.status).toBe(200);
    // Interleaved with Qujing's: the global order mixes the lanes, each lane stays gapless.
    await createProjectVia(t, other, { regionCode: '532501' });
  }
  [updateSeq, updateLaneSeq] = await firstOf('project.update');
});
afterAll(() => t.close());

/** The first event of an action: its global seq and its place in its lane. */
async function firstOf(action: string): Promise<[number, number]> {
  const { rows } = await exec(t.database.db, sql`select seq::int as seq, lane_seq::int as "laneSeq" from audit_events where action = ${action} order by seq limit 1`);
  return [rows[0]!.seq as number, rows[0]!.laneSeq as number];
}

async function exec(db: Db, query: SQL) {
  const result: any = await db.execute(query);
  return { rows: (result.rows ?? result) as Record<string, unknown>[] };
}

/** What someone with the database's superuser could do: switch the append-only trigger off, change history, switch it on. */
async function asSuperuser(db: Db, ...statements: SQL[]) {
  await db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
  for (const s of statements) await db.execute(s);
  await db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
}

/** Tampers inside a transaction, verifies there, and rolls back, so each test starts from an intact chain. */
async function verifyAfter(...statements: SQL[]): Promise<VerifyResult> {
  let result: VerifyResult | undefined;
  await t.database.db
    .transaction(async (tx) => {
      await asSuperuser(tx, ...statements);
      result = await verifyAuditChain(tx);
      tx.rollback();
    })
    .catch((e) => {
      if (!/rollback/i.test(String(e?.message))) throw e;
    });
  return result!;
}

describe('the audit trail', () => {
  it('verifies intact, event by event, every lane', async () => {
    const result = await verifyAuditChain(t.database.db);
    const { rows } = await exec(t.database.db, sql`select count(*)::int as n from audit_events`);
    expect(result).toMatchObject({ ok: true, events: rows[0]!.n });
    expect(result.head).toEqual(await auditHead(t.database.db));
    expect(result.lanes).toEqual(await auditHeads(t.database.db));
    expect(result.lanes.map((l) => l.lane)).toEqual(expect.arrayContaining([QUJING, HONGHE]));
  });

  it('gives each prefecture its own gapless lane', async () => {
    const { rows } = await exec(
      t.database.db,
      sql`select lane, count(*)::int as n, min(lane_seq)::int as first, max(lane_seq)::int as last from audit_events where lane in (${QUJING}, ${HONGHE}) group by lane order by lane`,
    );
    expect(rows).toEqual([
      { lane: QUJING, n: 6, first: 1, last: 6 },
      { lane: HONGHE, n: 3, first: 1, last: 3 },
    ]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the application', async () => {
    await expect(t.database.db.execute(sql`update audit_events set action = 'x' where seq = 1`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_events where seq = 1`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`truncate audit_events`)).rejects.toThrow();
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('names the event whose figures were edited in SQL', async () => {
    const result = await verifyAfter(sql`update audit_events set changes = jsonb_set(changes, '{name,1}', '"别的名字"') where seq = ${updateSeq}`);
    expect(result.ok).toBe(false);
    expect(result.break).toMatchObject({ seq: updateSeq, lane: QUJING, laneSeq: updateLaneSeq, kind: 'altered' });
    expect(result.break!.message).toContain(`event ${updateSeq} (project.update project`);
    expect(result.break!.message).toContain(`in lane ${QUJING}`);
  });

  it('names the event whose actor or time was edited', async () => {
    expect((await verifyAfter(sql`update audit_events set actor_name = 'someone.else' where seq = 2`)).break).toMatchObject({ seq: 2, kind: 'altered' });
    expect((await verifyAfter(sql`update audit_events set at = at - interval '1 day' where seq = 3`)).break).toMatchObject({ seq: 3, kind: 'altered' });
  });

  it('names the lane and the first event removed', async () => {
    const result = await verifyAfter(sql`delete from audit_events where lane = ${QUJING} and lane_seq in (${updateLaneSeq}, ${updateLaneSeq + 1})`);
    expect(result.break).toMatchObject({ lane: QUJING, laneSeq: updateLaneSeq, kind: 'removed' });
    expect(result.break!.message).toContain(`events ${updateLaneSeq}–${updateLaneSeq + 1} of lane ${QUJING} are missing`);
  });

  it('catches an event moved to another lane: its own lane has a hole', async () => {
    const result = await verifyAfter(sql`update audit_events set lane = ${HONGHE}, lane_seq = 1000 where seq = ${updateSeq}`);
    expect(result.break).toMatchObject({ lane: QUJING, laneSeq: updateLaneSeq, kind: 'removed' });
  });

  it('names an event inserted out of order, even with a well-formed hash of its own', async () => {
    const [laneHead] = (await auditHeads(t.database.db)).filter((h) => h.lane === QUJING);
    const head = (await auditHead(t.database.db))!;
    // A forged event that links to an older event of the lane instead of its head: its own hash is right.
    const [older] = (await exec(t.database.db, sql`select hash from audit_events where lane = ${QUJING} and lane_seq = 1`)).rows as { hash: string }[];
    const forged = { seq: head.seq + 1, lane: QUJING, laneSeq: laneHead!.laneSeq + 1, at: new Date(), actorId: null, actorName: 'ghost', actorRoles: ['admin'], actorRegion: '530000', ip: null, requestId: null, action: 'project.update', entity: 'project', entityId: '1', changes: { totalInvestment: ['1', '2'] } };
    const hash = eventHash(forged, older!.hash);
    const result = await verifyAfter(
      sql`insert into audit_events (seq, lane, lane_seq, at, actor_name, actor_roles, actor_region, action, entity, entity_id, changes, prev_hash, hash)
          values (${forged.seq}, ${QUJING}, ${forged.laneSeq}, ${forged.at}, 'ghost', ${sql.raw(`array['admin']`)}, '530000', 'project.update', 'project', '1', ${JSON.stringify(forged.changes)}::jsonb, ${older!.hash}, ${hash})`,
    );
    expect(result.break).toMatchObject({ seq: head.seq + 1, lane: QUJING, kind: 'out-of-order' });
  });

  it('names an event whose global seq was changed: the hash covers it', async () => {
    const [a, b] = (await exec(t.database.db, sql`select seq::int as seq from audit_events where lane = ${QUJING} order by lane_seq limit 2`)).rows.map((r) => r.seq as number);
    const result = await verifyAfter(sql`update audit_events set seq = -seq where seq = ${b!}`);
    expect(result.ok).toBe(false);
    expect(result.break).toMatchObject({ lane: QUJING, seq: -b! });
    expect(a).toBeLessThan(b!);
  });

  it('catches a lane rewritten from some event on once its head was anchored outside the database', async () => {
    const anchors = await auditHeads(t.database.db);
    let plain: VerifyResult | undefined;
    let anchored: VerifyResult | undefined;
    await t.database.db
      .transaction(async (tx) => {
        // Rewrite Qujing's event 2 and recompute every hash after it in the lane: the lane is self-consistent again.
        await asSuperuser(tx, sql`update audit_events set actor_name = 'rewritten' where lane = ${QUJING} and lane_seq = 2`);
        const { rows } = await exec(tx, sql`select * from audit_events where lane = ${QUJING} and lane_seq >= 2 order by lane_seq`);
        let prev = ((await exec(tx, sql`select hash from audit_events where lane = ${QUJING} and lane_seq = 1`)).rows[0] as { hash: string }).hash;
        await tx.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
        for (const row of rows as any[]) {
          const fields = { seq: Number(row.seq), lane: row.lane, laneSeq: Number(row.lane_seq), at: new Date(row.at), actorId: row.actor_id === null ? null : Number(row.actor_id), actorName: row.actor_name, actorRoles: row.actor_roles, actorRegion: row.actor_region, ip: row.ip, requestId: row.request_id, action: row.action, entity: row.entity, entityId: row.entity_id, changes: row.changes };
          const hash = eventHash(fields, prev);
          await tx.execute(sql`update audit_events set prev_hash = ${prev}, hash = ${hash} where seq = ${fields.seq}`);
          prev = hash;
        }
        await tx.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
        plain = await verifyAuditChain(tx);
        anchored = await verifyAuditChain(tx, { anchors });
        tx.rollback();
      })
      .catch((e) => {
        if (!/rollback/i.test(String(e?.message))) throw e;
      });
    expect(plain!.ok).toBe(true);
    const qujingHead = anchors.find((a) => a.lane === QUJING)!;
    expect(anchored!.break).toMatchObject({ seq: qujingHead.seq, lane: QUJING, kind: 'anchor' });
  });

  it("catches a lane cut at its end once that lane's head was anchored", async () => {
    const anchors = await auditHeads(t.database.db);
    const honghe = anchors.find((a) => a.lane === HONGHE)!;
    let result: VerifyResult | undefined;
    await t.database.db
      .transaction(async (tx) => {
        await asSuperuser(tx, sql`delete from audit_events where seq = ${honghe.seq}`);
        expect((await verifyAuditChain(tx)).ok).toBe(true);
        result = await verifyAuditChain(tx, { anchors });
        tx.rollback();
      })
      .catch((e) => {
        if (!/rollback/i.test(String(e?.message))) throw e;
      });
    expect(result!.break).toMatchObject({ seq: honghe.seq, kind: 'anchor' });
  });
});

describe('guatu audit verify', () => {
  it('exits 0 on an intact trail and prints the head of every lane, which audit head prints as anchors', async () => {
    const { env, cleanup } = await cliDatabaseEnv(t);
    try {
      const head = (await auditHead(t.database.db))!;
      const heads = await runGuatu(['audit', 'head'], env);
      expect(heads.code).toBe(0);
      const anchors = heads.stdout.trim().split('\n');
      expect(anchors).toContain(`${head.seq}:${head.hash} lane ${head.lane}`);
      const ok = await runGuatu(['audit', 'verify', '--anchor', ...anchors.map((a) => a.split(' ')[0]!)], env);
      expect(ok.stderr).toBe('');
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain(`head ${head.seq}:${head.hash}`);
      expect(ok.stdout).toContain(`lane ${QUJING}: 6 events`);
    } finally {
      cleanup();
    }
  });

  it('exits non-zero and names the event edited directly in SQL', async () => {
    await asSuperuser(t.database.db, sql`update audit_events set changes = jsonb_set(changes, '{name,1}', '"别的名字"') where seq = ${updateSeq}`);
    const { env, cleanup } = await cliDatabaseEnv(t);
    try {
      const broken = await runGuatu(['audit', 'verify'], env);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain(`Audit chain BROKEN at event ${updateSeq} in lane ${QUJING} (altered)`);
    } finally {
      cleanup();
    }
  });
});
