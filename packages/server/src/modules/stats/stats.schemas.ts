import { z } from 'zod';
import {
  ALL_GROUPINGS,
  ENTERPRISE_KINDS,
  ENTERPRISE_PROGRAMMES,
  STAT_FILTERS,
  STAT_GROUPINGS,
  STAT_MEASURE_FORMS,
  STAT_SUBJECTS,
  parseMeasure,
  type StatSubject,
} from '@guatu/core';
import { regionCode } from '../../http/schemas.js';
import { filterDate, projectFilterShape } from '../filters/filters.schemas.js';

/** Filters that only enterprises take; `region`, `regions`, `ids` and `q` are shared with projects. */
const enterpriseFilterShape = {
  enterpriseKinds: z.array(z.enum(ENTERPRISE_KINDS)).max(10).optional(),
  programmes: z.array(z.enum(ENTERPRISE_PROGRAMMES)).max(10).optional().meta({ description: '`enterprise-visits`: 招商服务进万企' }),
  homeProvinces: z.array(regionCode()).max(40).optional().meta({ description: 'Home provinces (GB/T 2260 codes)' }),
  visitedFrom: filterDate().optional().meta({ description: 'Enterprises visited on or after' }),
  visitedTo: filterDate().optional().meta({ description: 'Enterprises visited on or before' }),
};

/**
 * The filter object takes every known filter; which ones a subject accepts is checked below, so
 * an unknown or misplaced filter gets a 400 that lists the valid ones rather than being ignored.
 */
const statsFilter = z
  .looseObject({ ...projectFilterShape('body'), ...enterpriseFilterShape })
  .meta({ id: 'StatsFilter', additionalProperties: false, description: 'Which records to count; see the statistics vocabulary for each subject' });

export const statsRequestBody = z
  .strictObject({
    subject: z.enum(STAT_SUBJECTS).default('projects').meta({ description: 'What is counted: projects (default), enterprises or 包保 groups' }),
    filter: statsFilter.default({}),
    measures: z
      .array(z.string().min(1).max(120))
      .min(1)
      .max(30)
      .meta({ description: 'What to count or sum, e.g. count, totalInvestment, plannedInvestment:2022, fundsInPlace:2022-01..2022-01:outOfProvince, yoy:MEASURE' }),
    groupBy: z
      .array(z.string().max(40).meta({ enum: [...ALL_GROUPINGS] }))
      .max(3)
      .default([])
      .meta({ description: 'Dimensions of the rows; none gives only the total. Each subject takes its own (see /stats/vocabulary)' }),
    drill: z.boolean().default(false).meta({ description: 'Add to each row and to the total the ids of the records behind it' }),
  })
  .superRefine((body, ctx) => {
    const subject: StatSubject = (STAT_SUBJECTS as readonly string[]).includes(body.subject) ? body.subject : 'projects';
    if (body.filter && typeof body.filter === 'object') {
      for (const key of Object.keys(body.filter)) {
        if (!STAT_FILTERS[subject].includes(key)) {
          ctx.addIssue({ code: 'custom', path: ['filter', key], message: 'stats.unknownFilter', params: { rule: 'stats.unknownFilter', value: key, subject, values: [...STAT_FILTERS[subject]] } });
        }
      }
    }
    if (Array.isArray(body.measures)) {
      body.measures.forEach((text, i) => {
        if (typeof text !== 'string') return;
        const parsed = parseMeasure(text, subject);
        if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['measures', i], message: parsed.rule, params: { rule: parsed.rule, value: text, subject, values: [...STAT_MEASURE_FORMS[subject]] } });
      });
    }
    if (Array.isArray(body.groupBy)) {
      body.groupBy.forEach((g, i) => {
        if (typeof g !== 'string') return;
        if (!(STAT_GROUPINGS[subject] as readonly string[]).includes(g)) {
          ctx.addIssue({ code: 'custom', path: ['groupBy', i], message: 'stats.unknownGroup', params: { rule: 'stats.unknownGroup', value: g, subject, values: [...STAT_GROUPINGS[subject]] } });
        } else if (body.groupBy.indexOf(g) !== i) {
          ctx.addIssue({ code: 'custom', path: ['groupBy', i], message: 'stats.duplicateGroup', params: { rule: 'stats.duplicateGroup', value: g } });
        }
      });
    }
  });
export type StatsRequest = z.infer<typeof statsRequestBody>;
export type StatsFilter = StatsRequest['filter'];

const cell = z.union([z.string(), z.number(), z.null()]);

export const statsRowBody = z
  .object({
    labels: z.record(z.string(), z.string().nullable()).optional().meta({ description: 'Names of the group values, e.g. { "region": "麒麟区" }' }),
    ids: z.array(z.number()).optional().meta({ description: 'With drill: the records behind the row' }),
  })
  .catchall(cell)
  .meta({
    id: 'StatsRow',
    description: 'Group values under their grouping names, then each measure under its own text: counts as numbers, amounts as yuan strings, yoy as percent strings (null when last year is zero)',
  });

export const statsResponseBody = z
  .object({
    subject: z.enum(STAT_SUBJECTS),
    asOf: z.string().meta({ description: 'The day warning lights were judged on' }),
    rows: z.array(statsRowBody),
    total: statsRowBody,
  })
  .meta({ id: 'StatsResult' });
export type StatsResponse = z.infer<typeof statsResponseBody>;
export type StatsRow = z.infer<typeof statsRowBody>;

export const statsVocabularyBody = z
  .object({
    subjects: z.array(z.enum(STAT_SUBJECTS)),
    filters: z.record(z.string(), z.array(z.string())),
    measures: z.record(z.string(), z.array(z.string())),
    groupings: z.record(z.string(), z.array(z.string())),
  })
  .meta({ id: 'StatsVocabulary' });
