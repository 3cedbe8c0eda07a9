import { z } from 'zod';
import {
  ATTRIBUTE_KEY_LIST,
  ATTRIBUTE_VALUE_PATTERN,
  MoneyError,
  PERIOD_PATTERN,
  PROJECT_LEVELS,
  PROJECT_KINDS,
  STAGES,
  isCreditCode,
  isProjectCode,
  yuanToFen,
} from '@guatu/core';

/**
 * Building blocks shared by every route schema. Each failing check reports a rule key from
 * @guatu/core's messages, so the error names the field and the rule in both languages.
 */

const rule = (key: string) => ({ error: () => key });

/** Yuan as a decimal string with at most 2 decimals, never negative. */
export const yuan = () =>
  z
    .string(rule('money.notNumber'))
    .max(40, rule('money.notNumber'))
    .superRefine((value, ctx) => {
      try {
        yuanToFen(value);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as MoneyError).rule, params: { rule: (e as MoneyError).rule } });
      }
    })
    .meta({ description: 'Yuan (元) as a decimal string, at most 2 decimals', examples: ['125400000000', '57.15'] });

export const isoDate = () => z.iso.date().meta({ description: 'ISO date YYYY-MM-DD', examples: ['2022-03-01'] });

export const period = () =>
  z.string().regex(PERIOD_PATTERN, rule('period.format')).meta({ description: 'A month as YYYY-MM', examples: ['2022-01'] });

export const regionCode = () =>
  z
    .string()
    .regex(/^\d{6}$/, rule('format'))
    .meta({ description: 'GB/T 2260 code (or a development zone code)', examples: ['530302'] });

export const projectCode = () =>
  z
    .string()
    .max(40)
    .refine(isProjectCode, rule('projectCode.format'))
    .meta({ description: 'National investment project code', examples: ['2022-530302-44-01-000123'] });

export const creditCode = () =>
  z
    .string()
    .max(18, rule('creditCode.format'))
    .refine(isCreditCode, rule('creditCode.format'))
    .meta({ description: 'Unified social credit code (GB 32100), 18 characters with a check digit', examples: ['91350100M000100Y43'] });

export const stage = () => z.enum(STAGES);
export const projectKind = () => z.enum(PROJECT_KINDS);
export const projectLevel = () => z.enum(PROJECT_LEVELS);

export const text = (max = 200) => z.string().trim().min(1).max(max);
export const optionalText = (max = 2000) => z.string().max(max).nullish();

export const idParam = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export const attributes = () =>
  z
    .record(z.string(), z.string())
    .superRefine((value, ctx) => {
      for (const [key, v] of Object.entries(value)) {
        if (!(ATTRIBUTE_KEY_LIST as string[]).includes(key)) {
          ctx.addIssue({ code: 'custom', path: [key], message: 'attribute.unknown', params: { rule: 'attribute.unknown', value: key, values: ATTRIBUTE_KEY_LIST } });
        } else if (!ATTRIBUTE_VALUE_PATTERN.test(v)) {
          ctx.addIssue({ code: 'custom', path: [key], message: 'attribute.value', params: { rule: 'attribute.value' } });
        }
      }
    })
    .meta({ description: `Numeric attributes by key (${ATTRIBUTE_KEY_LIST.join(', ')}) as decimal strings` });

export const version = () => z.number().int().positive().meta({ description: 'The version read; a stale one gets 409' });

export const page = z.coerce.number().int().min(1).max(100_000).default(1);
export const pageSize = z.coerce.number().int().min(1).max(500).default(50);

export const errorBody = z
  .object({
    statusCode: z.number(),
    code: z.string(),
    error: z.string(),
    message: z.string(),
    issues: z.array(z.object({ field: z.string(), rule: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Error' });

/** The error responses every authenticated route can give. */
export const errorResponses = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } as const;

/** A list of query values: `?stage=a&stage=b` or `?stage=a,b`. */
export const listParam = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(',')).filter(Boolean)), z.array(item).max(200).optional());
