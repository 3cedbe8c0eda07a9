import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { readConfig } from '../config.js';
import { openPglite, openPostgres, type Database } from '../db/client.js';
import { backupPglite, backupPostgres, restorePglite, restorePostgres, stamp } from '../db/backup.js';
import { auditHead, verifyAuditChain } from '../audit/verify.js';

/**
 * The embedded database belongs to one process at a time. PGlite leaves postmaster.pid while it
 * has the data dir open (and after a crash): refuse unless told the server is stopped.
 */
function assertPgliteFree(dataDir: string, force: boolean | undefined) {
  if (existsSync(join(dataDir, 'postmaster.pid')) && !force) {
    throw new Error(`the embedded database in ${dataDir} looks open (postmaster.pid): stop Guatu first; if it is stopped (e.g. after a crash), add --force`);
  }
}

const describeHead = (head: { seq: number; hash: string } | null) => (head ? `audit head ${head.seq}:${head.hash}` : 'no audit events yet');

/** `guatu backup FILE`: the configured database into one file. */
export async function backup(file: string, options: { force?: boolean }) {
  const config = readConfig();
  const target = resolve(file);
  let database: Database;
  let bytes: number;
  if (config.databaseUrl) {
    database = await openPostgres(config.databaseUrl, { max: 1 });
    bytes = await backupPostgres(config.databaseUrl, target);
  } else {
    assertPgliteFree(config.dataDir, options.force);
    database = await openPglite(config.dataDir);
    bytes = await backupPglite(database, target);
  }
  try {
    console.log(`Backed up ${database.kind} at ${database.location} to ${target} (${bytes} bytes, ${describeHead(await auditHead(database.db))}).`);
  } finally {
    await database.close();
  }
}

/** `guatu restore FILE`: replaces the configured database with a backup, then verifies the audit chain. */
export async function restore(file: string, options: { force?: boolean }) {
  const config = readConfig();
  const source = resolve(file);
  if (!existsSync(source)) throw new Error(`no backup at ${source}`);
  if (config.databaseUrl) {
    const existing = await openPostgres(config.databaseUrl, { max: 1 });
    const hasData = await existing.db
      .execute(sql`select to_regclass('public.audit_events') is not null as present`)
      .then((r: any) => (r.rows ?? r)[0].present as boolean)
      .finally(() => existing.close());
    const { safetyBackup } = await restorePostgres(source, config.databaseUrl, { force: options.force, hasData, safetyFile: `${source}.replaced-${stamp()}.dump` });
    if (safetyBackup) console.log(`The data it replaced is kept in ${safetyBackup}.`);
  } else {
    assertPgliteFree(config.dataDir, options.force);
    const { movedAside } = await restorePglite(source, config.dataDir, { force: options.force });
    if (movedAside) console.log(`The data dir it replaced is kept at ${movedAside}.`);
  }
  const database = config.databaseUrl ? await openPostgres(config.databaseUrl, { max: 1 }) : await openPglite(config.dataDir);
  try {
    const chain = await verifyAuditChain(database.db);
    if (!chain.ok) {
      process.exitCode = 1;
      console.error(`Restored ${source}, but the audit chain is BROKEN at event ${chain.break!.seq} (${chain.break!.kind}): ${chain.break!.message}.`);
      return;
    }
    console.log(`Restored ${source} into ${database.kind} at ${database.location}; audit chain intact: ${chain.events} events, ${describeHead(chain.head)}.`);
  } finally {
    await database.close();
  }
}
