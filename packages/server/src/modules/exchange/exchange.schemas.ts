import { z } from 'zod';
import { listProjectsQuery } from '../projects/projects.schemas.js';
import { TEMPLATE_KINDS } from './build-template.js';

export const templateParams = z.strictObject({
  kind: z.enum(Object.keys(TEMPLATE_KINDS) as [keyof typeof TEMPLATE_KINDS, ...(keyof typeof TEMPLATE_KINDS)[]]).meta({ description: 'projects, annual-plans or monthly-reports' }),
});

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

export const importQuery = z.strictObject({
  dryRun: flag.default(true).meta({ description: 'true (default): check and summarise only; false: write everything or nothing' }),
});

const counts = z.object({ create: z.number(), update: z.number(), unchanged: z.number(), rejected: z.number() });

export const importIssueBody = z
  .object({
    sheet: z.string(),
    row: z.number().nullable(),
    column: z.string().nullable().meta({ description: 'Column letter, e.g. "F"' }),
    header: z.string().nullable().meta({ description: 'The header as written in the file' }),
    field: z.string(),
    rule: z.string(),
    message: z.string(),
  })
  .meta({ id: 'ImportIssue' });

export const importResultBody = z
  .object({
    dryRun: z.boolean(),
    committed: z.boolean().meta({ description: 'true only when everything was written; a file with any issue writes nothing' }),
    fileName: z.string(),
    application: z.string().nullable().meta({ description: 'The program that saved the file (Microsoft Excel, WPS 表格 …)' }),
    sheets: z.array(
      z.object({
        name: z.string(),
        state: z.enum(['visible', 'hidden', 'veryHidden']),
        kind: z.enum(['projects', 'annualPlans', 'monthlyReports']).nullable().meta({ description: 'null: not a data sheet (instructions, lists), skipped' }),
        headerRow: z.number().nullable(),
        rows: z.number(),
        ignoredHeaders: z.array(z.string()),
      }),
    ),
    counts: z.object({ projects: counts, annualPlans: counts, monthlyReports: counts }),
    changes: z.array(z.object({ sheet: z.string(), row: z.number(), kind: z.string(), key: z.string(), fields: z.array(z.string()) })),
    issues: z.array(importIssueBody),
    issuesTotal: z.number(),
  })
  .meta({ id: 'ImportResult' });

export const exportQuery = listProjectsQuery
  .omit({ sort: true, order: true, page: true, pageSize: true })
  .extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
