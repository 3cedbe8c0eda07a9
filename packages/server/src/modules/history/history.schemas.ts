import { z } from 'zod';
import { HISTORY_ENTITIES } from './find-record.js';

export const historyParams = z.strictObject({
  entity: z.enum(HISTORY_ENTITIES).meta({ description: 'The kind of record, as the audit trail names it' }),
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

export const historyQuery = z.strictObject({
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().meta({ description: 'Only events older than this seq (the next page)' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const jsonValue = z.unknown().meta({ description: 'The value as the record held it (any JSON)' });

export const historyEntryBody = z
  .object({
    seq: z.number().meta({ description: 'Position in the audit chain' }),
    at: z.string(),
    action: z.string().meta({ examples: ['project.update', 'report.approve'] }),
    actor: z
      .object({ id: z.number().nullable(), username: z.string().nullable(), displayName: z.string().nullable(), roles: z.array(z.string()), regionCode: z.string().nullable() })
      .nullable(),
    requestId: z.string().nullable(),
    changes: z.array(z.object({ field: z.string(), before: jsonValue, after: jsonValue })),
  })
  .meta({ id: 'HistoryEntry' });

export const historyBody = z.object({ items: z.array(historyEntryBody), nextBefore: z.number().nullable() });
