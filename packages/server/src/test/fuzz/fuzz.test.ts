import { afterAll, describe, expect, it } from 'vitest';
import { ROLES } from '@guatu/core';
import { startTestApp } from '../harness.js';
import { changes, fingerprint } from '../fingerprint.js';
import { listOperations, loadAccessTables } from '../access/openapi.js';
import type { Case } from '../access/types.js';
import { World } from '../access/world.js';
import { Random, hostileSearch, malformed, resolver } from './generate.js';

/**
 * Malformed requests against every operation in the OpenAPI document: wrong types, missing and
 * extra fields, huge strings and numbers, odd Unicode, SQL and HTML metacharacters, path
 * traversal in ids, broken JSON and wrong content types. Each starts from the valid call the
 * access matrix makes and breaks it in at least one way the document says must be refused.
 * Nothing may answer 5xx, every 4xx must carry a message, no malformed write may succeed, and the
 * database (row counts, row versions, the audit head) must be exactly as before.
 */

const SEED = Number(process.env.GUATU_FUZZ_SEED ?? 20220227);
const TOTAL = Number(process.env.GUATU_FUZZ_REQUESTS ?? 10_000);
const SEARCHES = 30;

const t = await startTestApp();
const w = await World.create(t);
const { doc, operations } = await listOperations(t.app);
const tables = await loadAccessTables();
const r = resolver(doc);
const perOperation = Math.ceil(TOTAL / operations.length);
afterAll(() => t.close());

/** Someone who may do nearly everything, everywhere: malformed input reaches as deep as it can. */
const fuzzer = await t.user('530000', [...ROLES], 'fuzz.everyone');
const fuzzCase: Case = { role: 'admin', position: 'province', level: 'province', user: fuzzer, label: 'fuzzer' };

const totals = { requests: 0, searches: 0, byStatus: new Map<number, number>(), serverErrors: 0, withoutMessage: 0, acceptedWrites: 0, changedOperations: 0 };

describe(`fuzzing every operation (seed ${SEED})`, () => {
  for (const op of operations) {
    it(op.key, async () => {
      const spec = tables.get(op.key)?.variants[0];
      if (!spec) throw new Error(`${op.key} has no access expectations to take a valid call from (see the access matrix)`);
      const base = spec.request(spec.setup ? await spec.setup(w, fuzzCase) : {}, fuzzCase);
      const rng = new Random(SEED ^ hash(op.key));
      const failures: string[] = [];
      const before = await fingerprint(t.database.db);
      for (let i = 0; i < perOperation; i++) {
        const req = malformed(rng, op, base, r, op.key === 'POST /api/v1/auth/login' ? null : fuzzer.cookie);
        const res = await t.app.inject({ method: req.method as any, url: req.url, headers: req.headers, ...(req.payload !== undefined ? { payload: req.payload } : {}) });
        totals.requests++;
        totals.byStatus.set(res.statusCode, (totals.byStatus.get(res.statusCode) ?? 0) + 1);
        const what = () => `#${i} ${req.method} ${req.url.slice(0, 120)} [${req.mutations.join('; ')}] → ${res.statusCode} ${res.body.slice(0, 200)}`;
        if (res.statusCode >= 500) {
          totals.serverErrors++;
          failures.push(what());
        } else if (res.statusCode >= 400) {
          let message: unknown;
          try {
            message = res.json().message;
          } catch {}
          if (typeof message !== 'string' || !message) {
            totals.withoutMessage++;
            failures.push(`no message: ${what()}`);
          }
          if (!String(res.headers['content-type']).startsWith('application/json')) failures.push(`not JSON: ${what()}`);
        } else if (op.method !== 'GET') {
          totals.acceptedWrites++;
          failures.push(`malformed write accepted: ${what()}`);
        }
      }
      // Valid searches with hostile text: they reach the SQL, and must answer like any search.
      for (let i = 0; i < SEARCHES; i++) {
        const req = hostileSearch(rng, op, base, r, fuzzer.cookie);
        if (!req) break;
        const res = await t.app.inject({ method: 'GET', url: req.url, headers: req.headers });
        totals.searches++;
        // Text a parameter's own rules refuse (an amount that is no amount) may answer 400, with its message.
        const ok = res.statusCode === 200 || (res.statusCode === 400 && typeof res.json().message === 'string');
        if (!ok) failures.push(`search: ${req.url.slice(0, 120)} [${req.mutations}] → ${res.statusCode} ${res.body.slice(0, 200)}`);
        if (res.statusCode >= 500) totals.serverErrors++;
      }
      const after = await fingerprint(t.database.db);
      const delta = changes(before, after);
      if (delta.length) {
        totals.changedOperations++;
        failures.push(`the database changed: ${delta.join('; ')}`);
      }
      expect(failures.slice(0, 20)).toEqual([]);
    });
  }

  afterAll(() => {
    const statuses = [...totals.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(
      `[fuzz, ${t.kind}, seed ${SEED}] ${totals.requests} malformed requests over ${operations.length} operations: ${statuses}; ${totals.searches} hostile searches; ` +
        `${totals.serverErrors} 5xx, ${totals.withoutMessage} 4xx without a message, ${totals.acceptedWrites} malformed writes accepted, ${totals.changedOperations} operations changed the database`,
    );
  });
});

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
