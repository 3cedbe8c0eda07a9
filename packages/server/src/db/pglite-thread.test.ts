import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { PGLITE_START_PARAMS, openPglite, rowsOf, type Database } from './client.js';
import { PgliteThread } from './pglite-thread.js';

// The embedded database only; the PostgreSQL run has nothing of it to test.
const once = process.env.GUATU_TEST_DB !== 'postgres';

class RollBack extends Error {}
const causeOf = (e: unknown) => ((e as { cause?: unknown }).cause ?? e) as Record<string, unknown>;

describe.skipIf(!once)('PGlite on a thread of its own', () => {
  let threaded: Database;
  let inProcess: Database;
  beforeAll(async () => {
    threaded = await openPglite(undefined);
    inProcess = await openPglite(await PGlite.create({ startParams: PGLITE_START_PARAMS }));
    for (const d of [threaded, inProcess]) {
      await d.db.execute(sql`create table things (id bigint generated always as identity primary key, name text not null unique, amount numeric(18, 2), day date, at timestamptz, data jsonb, raw bytea, tags text[], big int8)`);
    }
  });
  afterAll(async () => {
    await threaded.close();
    await inProcess.close();
  });

  it('answers every type exactly as PGlite in this thread does, through Drizzle', async () => {
    const insert = sql`insert into things (name, amount, day, at, data, raw, tags, big)
      values ('甲', 1254.5, '2022-03-01', '2024-01-31 08:00:00+08', '{"a": [1, "二"]}', '\\x0001ff', array['x', null, '"q"'], 9007199254740993)
      returning *`;
    const select = sql`select *, amount * 2 as doubled, array[1.5, 2]::numeric[] as amounts, now() - now() as span from things`;
    const answers = [];
    for (const d of [threaded, inProcess]) answers.push([rowsOf(await d.db.execute(insert)), rowsOf(await d.db.execute(select))]);
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]![1]![0]).toMatchObject({ name: '甲', amount: '1254.50', day: '2022-03-01', big: 9007199254740993n, raw: new Uint8Array([0, 1, 255]) });
  });

  it('passes on the database error with its code, constraint and detail', async () => {
    const error = await threaded.db.execute(sql`insert into things (name) values ('甲')`).catch((e: unknown) => e);
    expect(causeOf(error)).toMatchObject({ code: '23505', constraint: 'things_name_key', detail: 'Key (name)=(甲) already exists.' });
    expect((causeOf(error) as unknown as Error).stack).toContain('at the database thread');
  });

  it('commits a transaction, rolls one back when it throws, and rolls back to a savepoint', async () => {
    await threaded.db.transaction(async (tx) => {
      await tx.execute(sql`insert into things (name) values ('乙')`);
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`insert into things (name) values ('丙')`);
          throw new RollBack();
        })
        .catch((e) => expect(e).toBeInstanceOf(RollBack));
    });
    await threaded.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into things (name) values ('丁')`);
        throw new RollBack();
      })
      .catch((e) => expect(e).toBeInstanceOf(RollBack));
    const names = rowsOf<{ name: string }>(await threaded.db.execute(sql`select name from things order by id`)).map((r) => r.name);
    expect(names).toEqual(['甲', '乙']);
  });

  it('makes a query from outside wait until the open transaction ends, as in process', async () => {
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const transaction = threaded.db.transaction(async (tx) => {
      await tx.execute(sql`update things set amount = 1 where name = '乙'`);
      order.push('updated');
      await held;
      order.push('committing');
    });
    await new Promise((r) => setTimeout(r, 20));
    const outside = threaded.db.execute(sql`select amount::text from things where name = '乙'`).then((r) => {
      order.push('read');
      return rowsOf<{ amount: string }>(r)[0]!.amount;
    });
    await new Promise((r) => setTimeout(r, 50));
    release();
    await transaction;
    expect(await outside).toBe('1.00');
    expect(order).toEqual(['updated', 'committing', 'read']);
  });

  it('fails a transaction whose commit fails, with the commit’s error', async () => {
    await threaded.db.execute(sql`create table parents (id int primary key)`);
    await threaded.db.execute(sql`create table children (parent int references parents deferrable initially deferred)`);
    const error = await threaded.db.transaction((tx) => tx.execute(sql`insert into children values (1)`)).catch((e: unknown) => e);
    expect(causeOf(error).code ?? (error as Record<string, unknown>).code).toBe('23503');
    expect(rowsOf(await threaded.db.execute(sql`select * from children`))).toEqual([]);
  });

  it('refuses a parser it cannot run on the other thread, rather than ignoring it', async () => {
    const thread = threaded.pglite as PgliteThread;
    await expect(thread.query('select 1::int as one', [], { parsers: { 23: (v: string) => Number(v) * 10 } })).rejects.toThrow(/cannot run a parser/);
    expect((await thread.query<{ one: number }>('select 1::int as one')).rows).toEqual([{ one: 1 }]);
  });

  it('keeps what it acknowledged in its data dir, dumps it, and refuses work once closed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guatu-thread-'));
    try {
      const first = await openPglite(join(dir, 'data'));
      await first.db.execute(sql`create table kept (n int)`);
      await first.db.execute(sql`insert into kept values (42)`);
      const dump = await first.pglite!.dumpDataDir('none');
      expect(dump.size).toBeGreaterThan(1_000_000);
      await first.close();
      expect(causeOf(await first.db.execute(sql`select 1`).catch((e: unknown) => e)).message).toMatch(/closed/);
      const again = await openPglite(join(dir, 'data'));
      expect(rowsOf(await again.db.execute(sql`select n from kept`))).toEqual([{ n: 42 }]);
      await again.close();
      const loaded = await openPglite(undefined, { loadDataDir: new Uint8Array(await dump.arrayBuffer()) });
      expect(rowsOf(await loaded.db.execute(sql`select n from kept`))).toEqual([{ n: 42 }]);
      await loaded.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
