import type { Database } from '../../db/client.js';
import { badRequest, forbidden } from '../../http/errors.js';
import { recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { regionForWrite } from '../regions/check-region.js';
import { effectiveThresholds, saveThresholds } from './warnings.repository.js';
import type { SetThresholdsInput, ThresholdsBody } from './warnings.schemas.js';

/** Sets a region's warning thresholds; the regions below it inherit them unless they set their own. */
export async function setThresholds(database: Database, actor: Actor, input: SetThresholdsInput): Promise<ThresholdsBody> {
  if (!may.configureWarnings(actor)) throw forbidden('role');
  await regionForWrite(database.db, actor, input.regionCode);
  if (input.yellow > input.red) throw badRequest('yellow', 'thresholds.order');
  return database.db.transaction(async (tx) => {
    const before = await effectiveThresholds(tx, input.regionCode);
    await saveThresholds(tx, input.regionCode, { yellow: input.yellow, red: input.red });
    const after = await effectiveThresholds(tx, input.regionCode);
    await recordAudit(tx, actor, {
      action: 'warningThresholds.set',
      entity: 'region_setting',
      entityId: input.regionCode,
      changes: { yellow: [before.yellow, after.yellow], red: [before.red, after.red] },
    });
    return { regionCode: input.regionCode, ...after };
  });
}
