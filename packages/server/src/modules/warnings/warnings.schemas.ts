import { z } from 'zod';
import { regionCode } from '../../http/schemas.js';

const points = z.number().min(0).max(100).refine((v) => Math.round(v * 100) === v * 100, { error: () => 'thresholds.range' });

export const thresholdsQuery = z.strictObject({ region: regionCode().optional().meta({ description: 'The user’s own region if omitted' }) });

export const setThresholdsBody = z.strictObject({
  regionCode: regionCode(),
  yellow: points.meta({ description: 'Points of lag behind 序时进度 from which a project is yellow' }),
  red: points.meta({ description: 'Points of lag beyond which a project is red' }),
});
export type SetThresholdsInput = z.infer<typeof setThresholdsBody>;

export const thresholdsBody = z
  .object({
    regionCode: z.string(),
    yellow: z.number(),
    red: z.number(),
    setBy: z.object({ regionCode: z.string(), regionName: z.string() }).nullable().meta({ description: 'The region whose setting applies (itself or an ancestor); null: the default' }),
  })
  .meta({ id: 'WarningThresholds' });
export type ThresholdsBody = z.infer<typeof thresholdsBody>;
