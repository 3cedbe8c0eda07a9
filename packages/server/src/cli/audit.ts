import { readConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { auditHeads, parseAnchor, verifyAuditChain } from '../audit/verify.js';

/**
 * `guatu audit verify`: walks every lane of the trail and names the lane and the first event
 * altered, removed or inserted out of order. Exits non-zero when a lane is broken. Read-only: it
 * does not migrate.
 */
export async function auditVerify(options: { anchor?: string[] }) {
  const anchors = (options.anchor ?? []).map(parseAnchor);
  const config = readConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const result = await verifyAuditChain(database.db, { anchors });
    if (result.ok) {
      const head = result.head ? `head ${result.head.seq}:${result.head.hash}` : 'no events yet';
      console.log(`Audit chain intact: ${result.events} events in ${result.lanes.length} lanes verified, ${head}.`);
      for (const lane of result.lanes) console.log(`  lane ${lane.lane}: ${lane.laneSeq} events, head ${lane.seq}:${lane.hash}`);
      return;
    }
    const where = result.break!.lane ? ` in lane ${result.break!.lane}` : '';
    console.error(`Audit chain BROKEN at event ${result.break!.seq}${where} (${result.break!.kind}): ${result.break!.message}.`);
    console.error(`${result.events} events before it verified.`);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

/**
 * `guatu audit head`: each lane's last event as seq:hash, one a line, to keep outside the database
 * as anchors (`guatu audit verify --anchor A B …`). The lane follows after a space.
 */
export async function auditHeadCommand() {
  const config = readConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const heads = await auditHeads(database.db);
    if (!heads.length) console.log('no events yet');
    for (const head of heads) console.log(`${head.seq}:${head.hash} lane ${head.lane}`);
  } finally {
    await database.close();
  }
}
