import { afterAll, describe, expect, it } from 'vitest';
import { gt } from 'drizzle-orm';
import { auditEvents } from '../../db/schema/index.js';
import { startTestApp } from '../harness.js';
import { changes, fingerprint } from '../fingerprint.js';
import { listOperations, loadAccessTables, urlOf, type Operation } from './openapi.js';
import { IN_SCOPE, expectedStatus, type Case, type Fixture, type OperationAccess, type RequestSpec } from './types.js';
import { World } from './world.js';

/**
 * The access-control matrix. Every operation in the OpenAPI document is called by every role at
 * every position relative to a record in 麒麟区 (inside, prefecture, province, sibling county, a
 * county and a prefecture elsewhere) and with no session. Each answer must have the expected
 * status; no answer outside the area may contain the data of any record in it; an out-of-scope
 * 404 must read exactly like the 404 for a record that does not exist; a successful write must
 * append to the audit trail with the caller's identity; anything else must change nothing.
 */

const t = await startTestApp();
const w = await World.create(t);
const { operations } = await listOperations(t.app);
const tables = await loadAccessTables();
afterAll(() => t.close());

const totals = { operations: 0, cases: 0, allowed: 0, denied: 0, leaks: 0, serverErrors: 0, unintendedChanges: 0, auditGaps: 0, mismatches: 0 };

describe('the access-control matrix', () => {
  it('has expectations for every operation the OpenAPI document lists, and for no other', () => {
    const documented = new Set(operations.map((o) => o.key));
    const missing = [...documented].filter((k) => !tables.has(k));
    const stale = [...tables.keys()].filter((k) => !documented.has(k));
    expect(
      missing,
      `Operations without access expectations. Add each to the <feature>.access.ts beside its routes, e.g.\n  '${missing[0]}': { scope: 'record', may: roles('reporter'), ok: 200, setup: (w) => w.project(), request: (f) => ({ params: { id: f.id } }) },\n`,
    ).toEqual([]);
    expect(stale, 'Expectations for operations the API no longer has').toEqual([]);
  });

  for (const op of operations) {
    const entry = tables.get(op.key);
    if (!entry) continue;
    for (const spec of entry.variants) {
      it(`${op.key}${spec.label ? ` (${spec.label})` : ''}`, async () => {
        const failures = await runVariant(op, spec);
        expect(failures).toEqual([]);
      });
    }
  }

  afterAll(() => {
    console.log(
      `[access matrix, ${t.kind}] ${totals.operations} operations, ${totals.cases} cases (${totals.allowed} allowed, ${totals.denied} refused): ` +
        `${totals.leaks} leaks, ${totals.serverErrors} 5xx, ${totals.unintendedChanges} unintended changes, ${totals.auditGaps} audit gaps, ${totals.mismatches} unexpected statuses`,
    );
  });
});

interface Made {
  f: Fixture;
  /** The markers this fixture created: an in-scope answer should show at least one. */
  own: string[];
}

async function make(spec: OperationAccess<any>, c: Case): Promise<Made> {
  const before = new Set(w.secrets);
  const f = spec.setup ? await spec.setup(w, c) : {};
  return { f, own: [...w.secrets].filter((s) => !before.has(s)) };
}

function missingRequest(spec: OperationAccess<any>, f: Fixture, request: RequestSpec): RequestSpec | null {
  if (spec.missing) return spec.missing(f);
  if (request.params?.id === undefined) return null;
  return { ...request, params: { ...request.params, id: 999_999_999 } };
}

async function runVariant(op: Operation, spec: OperationAccess<any>): Promise<string[]> {
  const failures: string[] = [];
  const name = `${op.key}${spec.label ? ` (${spec.label})` : ''}`;
  totals.operations += spec === tables.get(op.key)!.variants[0] ? 1 : 0;
  let shared: Made | undefined;

  for (const c of w.cases) {
    const expected = expectedStatus(spec, c);
    const isWrite = op.method !== 'GET' && !spec.readOnly;
    const succeeds = expected < 300;
    const inScope = !!c.position && IN_SCOPE.includes(c.position);
    const fail = (what: string, body?: string) => failures.push(`${name} as ${c.label}: ${what}${body ? ` — ${body.slice(0, 300)}` : ''}`);

    let made: Made;
    if (isWrite && succeeds) made = await make(spec, c);
    else made = shared ??= await make(spec, c);
    const request = spec.request(made.f, c);

    const before = await fingerprint(t.database.db);
    const res = await t.call(c.user, op.method as any, urlOf(op.path, request), request.body, request.headers);
    const after = await fingerprint(t.database.db);
    const raw = typeof res.body === 'string' ? res.body : JSON.stringify(res.body ?? '');

    totals.cases++;
    if (succeeds) totals.allowed++;
    else totals.denied++;
    if (res.status !== expected) {
      totals.mismatches++;
      fail(`expected ${expected}, got ${res.status}`, raw);
    }
    if (res.status >= 500) totals.serverErrors++;
    if (res.status >= 400 && !(typeof res.body?.message === 'string' && res.body.message.length > 0)) fail(`${res.status} without a message`, raw);

    if (!inScope) {
      const leaked = [...w.secrets].filter((s) => raw.includes(s));
      if (leaked.length) {
        totals.leaks++;
        fail(`out-of-scope answer contains ${leaked.join(', ')}`, raw);
      }
    } else if (succeeds && !isWrite && spec.shows !== false && made.own.length && !made.own.some((s) => raw.includes(s))) {
      fail('an in-scope answer shows nothing of the record', raw);
    }

    const delta = changes(before, after);
    if (isWrite && res.status < 300) {
      const since = Number(before['audit head']!.split(':')[0]);
      const events = await t.database.db.select().from(auditEvents).where(gt(auditEvents.seq, since));
      if (!events.length) {
        totals.auditGaps++;
        fail('a successful write left no audit event');
      }
      for (const e of events) {
        const missing = (['actorId', 'actorName', 'actorRegion', 'ip', 'requestId', 'entity', 'entityId'] as const).filter((k) => e[k] === null || e[k] === '');
        if (!e.actorRoles?.length) missing.push('actorRoles' as never);
        if (missing.length) {
          totals.auditGaps++;
          fail(`audit event ${e.seq} (${e.action}) lacks ${missing.join(', ')}`);
        }
      }
    } else if (delta.length) {
      totals.unintendedChanges++;
      fail(`changed the database: ${delta.join('; ')}`);
    }

    // Out of scope, a record must be indistinguishable from one that does not exist.
    if (!inScope && c.user && spec.scope === 'record') {
      const missing = missingRequest(spec, made.f, request);
      if (missing) {
        const other = await t.call(c.user, op.method as any, urlOf(op.path, missing), missing.body, missing.headers);
        if (other.status !== res.status || JSON.stringify(other.body) !== JSON.stringify(res.body)) {
          totals.leaks++;
          fail(`answers differently than for a record that does not exist (${other.status} ${JSON.stringify(other.body).slice(0, 120)})`, raw);
        }
      }
    }
  }
  if (spec.endsSession) await w.renewSessions();
  return failures;
}
