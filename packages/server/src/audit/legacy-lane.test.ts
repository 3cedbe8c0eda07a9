import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { openPglite, type Database } from '../db/client.js';
import { MIGRATIONS_FOLDER, migrate } from '../db/migrate.js';
import { systemActor } from '../policies/actor.js';
import { GENESIS_HASH, eventHash } from './chain.js';
import { recordAudit } from './record.js';
import { verifyAuditChain } from './verify.js';

// A database of its own on PGlite, migrated in two steps: once per test run is enough.
const once = process.env.GUATU_TEST_DB !== 'postgres';

describe.skipIf(!once)('the events written before lanes', () => {
  let dir: string;
  let database: Database;

  beforeAll(async () => {
    // The schema as it was before lanes: the migrations up to 0006.
    dir = mkdtempSync(join(tmpdir(), 'guatu-legacy-'));
    cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
    const journalFile = join(dir, 'meta/_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
    journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < '0007');
    writeFileSync(journalFile, JSON.stringify(journal));
    database = await openPglite(undefined);
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: dir });

    // Three events chained the old way: one chain, hashes without lanes.
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 3; seq++) {
      const fields = { seq, at: new Date(Date.UTC(2026, 9, seq)), actorId: null, actorName: 'old.admin', actorRoles: ['admin'], actorRegion: '530000', ip: null, requestId: null, action: 'project.update', entity: 'project', entityId: String(seq), changes: { name: [`旧名${seq}`, `新名${seq}`] } };
      const hash = eventHash(fields, prev);
      await database.db.execute(sql`insert into audit_events (seq, at, actor_name, actor_roles, actor_region, action, entity, entity_id, changes, prev_hash, hash)
        values (${seq}, ${fields.at}, 'old.admin', ${sql.raw(`array['admin']`)}, '530000', 'project.update', 'project', ${String(seq)}, ${JSON.stringify(fields.changes)}::jsonb, ${prev}, ${hash})`);
      prev = hash;
    }
    await migrate(database);
  });
  afterAll(async () => {
    await database?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('form the legacy lane, which verifies with the hashes of that time', async () => {
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: true, events: 3, lanes: [{ lane: 'legacy', laneSeq: 3, seq: 3 }] });
  });

  it('are followed by lanes whose global seq continues after them', async () => {
    await database.db.transaction((tx) => recordAudit(tx, systemActor('530000/530300/'), { action: 'project.update', entity: 'project', entityId: 9, changes: { name: ['a', 'b'] } }));
    const result = await verifyAuditChain(database.db);
    expect(result.ok).toBe(true);
    expect(result.lanes).toEqual([
      expect.objectContaining({ lane: '530300', laneSeq: 1, seq: 4 }),
      expect.objectContaining({ lane: 'legacy', laneSeq: 3, seq: 3 }),
    ]);
  });

  it('still name an edited legacy event', async () => {
    await database.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await database.db.execute(sql`update audit_events set actor_name = 'someone.else' where seq = 2`);
    await database.db.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
    expect((await verifyAuditChain(database.db)).break).toMatchObject({ seq: 2, lane: 'legacy', laneSeq: 2, kind: 'altered' });
  });
});
