import { readConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { auditHead, parseAnchor, verifyAuditChain } from '../audit/verify.js';

/**
 * `guatu audit verify`: walks the whole chain and names the first event altered, removed or
 * inserted out of order. Exits non-zero when the chain is broken. Read-only: it does not migrate.
 */
export async function auditVerify(options: { anchor?: string[] }) {
  const anchors = (options.anchor ?? []).map(parseAnchor);
  const config = readConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const result = await verifyAuditChain(database.db, { anchors });
    if (result.ok) {
      const head = result.head ? `head ${result.head.seq}:${result.head.hash}` : 'no events yet';
      console.log(`Audit chain intact: ${result.events} events verified, ${head}.`);
      return;
    }
    console.error(`Audit chain BROKEN at event ${result.break!.seq} (${result.break!.kind}): ${result.break!.message}.`);
    console.error(`${result.events} events before it verified.`);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

/** `guatu audit head`: the newest event as seq:hash, to keep outside the database as an anchor. */
export async function auditHeadCommand() {
  const config = readConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const head = await auditHead(database.db);
    console.log(head ? `${head.seq}:${head.hash}` : 'no events yet');
  } finally {
    await database.close();
  }
}
