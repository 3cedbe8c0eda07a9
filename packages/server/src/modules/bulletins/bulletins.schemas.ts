import { z } from 'zod';
import { DRAFT_FORMATS, FIGURE_FORMATS, STAT_SUBJECTS, TEMPLATE_NEEDS, checkTemplate, figureRequestFor, parsePeriodCode, type TemplateBody } from '@guatu/core';
import { isoDate, page, pageSize, regionCode, version } from '../../http/schemas.js';
import { statsRequestBody } from '../stats/stats.schemas.js';

const recordId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const templateFigure = z.strictObject({
  label: z.string().trim().min(1).max(100).meta({ description: 'What the figure is, in the list of sources: “开工重大项目数”' }),
  subject: z.enum(STAT_SUBJECTS).optional(),
  filter: z.record(z.string(), z.unknown()).default({}).meta({ description: 'The engine’s filter; values may use ${region}, ${from}, ${to}, ${fromMonth}, ${toMonth}, ${year}, ${batch}, ${keyList}' }),
  measure: z.string().min(1).max(120).meta({ description: 'The engine’s measure, e.g. plannedInvestment:${year}' }),
  format: z.enum(FIGURE_FORMATS).meta({ description: 'count; 亿元 or 万元 (2 decimals at most); percent; growth (增长x% / 下降x%); 万千瓦' }),
});

/** Filled with these, every figure of a template must be a request the engine accepts. */
const SAMPLE = { region: { code: '530000', name: '云南省', shortName: '云南' }, period: parsePeriodCode('2022-Q1')!, date: '2022-04-01', batch: { id: 1, name: '', heldOn: '2022-02-25', place: null }, keyList: { id: 1, name: '' } };

export const templateBodySchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    categories: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
    tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
    needs: z.array(z.enum(TEMPLATE_NEEDS)).max(2).default([]).meta({ description: 'A batch (集中开工) or key list the bulletin is about' }),
    paragraphs: z
      .array(z.strictObject({ heading: z.boolean().default(false), text: z.string().trim().min(1).max(4000) }))
      .min(1)
      .max(100)
      .meta({ description: 'Text with placeholders: {{figureKey}}, {{region}}, {{regionShort}}, {{period}}, {{periodFull}}, {{periodEnd}}, {{ytd}}, {{year}}, {{date}}, {{batch.name}}, {{batch.heldOn}}, {{batch.place}}, {{keyList.name}}' }),
    figures: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, { error: () => 'format' }), templateFigure)
      .refine((f) => Object.keys(f).length <= 100, { error: () => 'tooManyItems' }),
  })
  .superRefine((body, ctx) => {
    for (const issue of checkTemplate(body as TemplateBody)) ctx.addIssue({ code: 'custom', path: issue.field.split('.'), message: issue.rule, params: { rule: issue.rule, ...issue.params } });
    for (const [key, figure] of Object.entries(body.figures ?? {})) {
      const parsed = statsRequestBody.safeParse(figureRequestFor(figure as TemplateBody['figures'][string], SAMPLE));
      if (parsed.success) continue;
      for (const i of parsed.error.issues) ctx.addIssue({ ...(i as object), code: 'custom', path: ['figures', key, ...i.path], message: i.message, params: (i as { params?: Record<string, unknown> }).params } as never);
    }
  })
  .meta({ id: 'BulletinTemplateBody' });

export const createTemplateBody = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9-]{1,59}$/, { error: () => 'format' }).meta({ description: 'A short name, unique in the region: prefecture-quarter-starts' }),
  name: z.string().trim().min(2).max(100),
  description: z.string().max(2000).nullish(),
  regionCode: regionCode().meta({ description: 'The region that owns the template; the regions below it use it too' }),
  body: templateBodySchema,
});
export type CreateTemplateInput = z.infer<typeof createTemplateBody>;

export const updateTemplateBody = z.strictObject({
  version: version(),
  name: z.string().trim().min(2).max(100).optional(),
  description: z.string().max(2000).nullish(),
  body: templateBodySchema.optional(),
});
export type UpdateTemplateInput = z.infer<typeof updateTemplateBody>;

const templateShape = {
  id: z.number(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  version: z.number(),
  needs: z.array(z.enum(TEMPLATE_NEEDS)),
  updatedAt: z.string(),
  abilities: z.object({ update: z.boolean(), generate: z.boolean() }),
};
export const templateSummaryBody = z.object(templateShape).meta({ id: 'BulletinTemplateSummary' });
export const templateBody = z
  .object({
    ...templateShape,
    body: z.record(z.string(), z.unknown()).meta({ description: 'The template: title, categories, tags, needs, paragraphs, figures' }),
    versions: z.array(z.object({ version: z.number(), name: z.string(), savedAt: z.string(), savedByName: z.string().nullable() })),
  })
  .meta({ id: 'BulletinTemplate' });
export type TemplateResponse = z.infer<typeof templateBody>;
export const templateVersionQuery = z.strictObject({ version: z.coerce.number().int().positive().optional().meta({ description: 'An earlier version; the current one if omitted' }) });

export const generateBulletinBody = z.strictObject({
  templateId: recordId,
  regionCode: regionCode(),
  period: z
    .string()
    .max(20)
    .refine((v) => parsePeriodCode(v) !== null, { error: () => 'bulletin.period' })
    .meta({ description: 'A year (2022), a quarter (2022-Q1), a half (2022-H1), a month (2022-01) or months (2022-01..2022-03)', examples: ['2022-Q1'] }),
  batch: recordId.optional().meta({ description: 'For a template about a batch: which one (default: the only one of the region in the period)' }),
  keyList: recordId.optional().meta({ description: 'For a template about a key list: which one (default: the region’s list of the period’s year)' }),
  date: isoDate().optional().meta({ description: 'The bulletin’s date; today if omitted' }),
});
export type GenerateBulletinInput = z.infer<typeof generateBulletinBody>;

const links = z.object({
  projects: z.string().nullable().meta({ description: 'The web app’s project list for the figure’s filter: /projects?filter=<JSON>' }),
  stats: z.string().meta({ description: 'The web app’s view of the query: /stats?request=<JSON>' }),
});

const figureRequest = z.object({ subject: z.enum(STAT_SUBJECTS), filter: z.record(z.string(), z.unknown()), measures: z.array(z.string()) });

export const bulletinFigureBody = z
  .object({
    key: z.string(),
    label: z.string(),
    request: figureRequest,
    value: z.union([z.string(), z.number(), z.null()]),
    text: z.string(),
    recordCount: z.number().meta({ description: 'How many records were behind the figure when it was generated' }),
    links: links.extend({ figure: z.string().meta({ description: 'This figure and its records: GET /api/v1/bulletins/{id}/figures/{key}' }) }),
  })
  .meta({ id: 'BulletinFigure' });

// A figure's segment first: z.object strips unknown keys, so plain text first would drop `figure`.
const segment = z.union([z.object({ figure: z.string(), text: z.string() }), z.object({ text: z.string() })]);

const bulletinShape = {
  id: z.number(),
  title: z.string(),
  templateId: z.number(),
  templateName: z.string(),
  templateVersion: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  period: z.string(),
  bulletinDate: z.string(),
  dataVersion: z.number().meta({ description: 'The audit trail’s seq of the last change to the data when the figures were computed' }),
  generatedAt: z.string(),
  generatedByName: z.string().nullable(),
};
export const bulletinSummaryBody = z.object(bulletinShape).meta({ id: 'BulletinSummary' });
export const bulletinBody = z
  .object({
    ...bulletinShape,
    markdown: z.string().meta({ description: 'The bulletin as Markdown with front matter (layout, title, date, categories, tags)' }),
    paragraphs: z.array(z.object({ heading: z.boolean(), segments: z.array(segment) })),
    figures: z.array(bulletinFigureBody),
    links: z.object({ print: z.string(), compare: z.string() }),
  })
  .meta({ id: 'Bulletin' });
export type BulletinResponse = z.infer<typeof bulletinBody>;

export const listBulletinsQuery = z.strictObject({ region: regionCode().optional(), templateId: z.coerce.number().int().positive().optional(), page, pageSize });
export type ListBulletinsQuery = z.infer<typeof listBulletinsQuery>;

export const figureParams = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER), key: z.string().max(40) });
export const figureDrillQuery = z.strictObject({ page, pageSize });

const projectItem = z.object({ id: z.number(), code: z.string(), name: z.string(), regionName: z.string(), categoryName: z.string(), stage: z.string(), startedOn: z.string().nullable(), totalInvestment: z.string() });

export const figureDrillBody = z
  .object({
    bulletinId: z.number(),
    figure: bulletinFigureBody,
    dataVersion: z.number(),
    records: z.object({
      subject: z.enum(STAT_SUBJECTS),
      ids: z.array(z.number()).meta({ description: 'Every record behind the figure when the bulletin was generated' }),
      projects: z.array(projectItem).meta({ description: 'A page of those projects that the user may see (projects only)' }),
      total: z.number(),
      page: z.number(),
      pageSize: z.number(),
    }),
  })
  .meta({ id: 'BulletinFigureDrill' });

export const comparisonBody = z
  .object({
    bulletinId: z.number(),
    generated: z.object({ dataVersion: z.number(), at: z.string() }),
    now: z.object({ dataVersion: z.number(), at: z.string() }),
    changed: z.number().meta({ description: 'How many figures differ now' }),
    figures: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        then: z.object({ value: z.union([z.string(), z.number(), z.null()]), text: z.string() }),
        now: z.object({ value: z.union([z.string(), z.number(), z.null()]), text: z.string() }),
        changed: z.boolean(),
        added: z.array(z.number()).meta({ description: 'Records behind the figure now that were not then' }),
        removed: z.array(z.number()).meta({ description: 'Records behind the figure then that are not now' }),
      }),
    ),
  })
  .meta({ id: 'BulletinComparison' });

export const checkDraftBody = z.strictObject({
  text: z.string().min(1).max(500_000).meta({ description: 'The draft: plain text, Markdown (front matter `date` is the draft’s date) or HTML' }),
  format: z.enum(DRAFT_FORMATS).optional().meta({ description: 'Detected when omitted' }),
  date: isoDate().optional().meta({ description: 'The draft’s date, when it has no front matter; today if neither' }),
  region: regionCode().optional().meta({ description: 'The region a draft is about when it names none' }),
});
export type CheckDraftInput = z.infer<typeof checkDraftBody>;

const named = z.object({ words: z.string() });
export const checkedFigureBody = z
  .object({
    text: z.string(),
    start: z.number().meta({ description: 'Where the figure starts in the submitted text (UTF-16 index)' }),
    end: z.number(),
    heading: z.boolean(),
    sentence: z.string(),
    kind: z.enum(['amount', 'count', 'percent', 'capacity', 'quantity']),
    value: z.string().meta({ description: 'The figure in its base unit: yuan, kW, a count, a percentage' }),
    status: z.enum(['matches', 'differs', 'untraceable']),
    dataValue: z.string().nullable(),
    dataText: z.string().nullable().meta({ description: 'The value in the data, written as the figure is' }),
    rounded: z.boolean().meta({ description: 'Matches only at the precision the figure is written in' }),
    reading: z.object({
      region: named.extend({ codes: z.array(z.string()), names: z.array(z.string()) }).nullable(),
      period: named.extend({ from: z.string().nullable(), to: z.string() }).nullable(),
      event: named.extend({ event: z.string() }).nullable(),
      kind: named.extend({ kind: z.string() }).nullable(),
      subject: named.extend({ subject: z.string() }).nullable(),
      set: named.nullable(),
      measure: named.nullable(),
    }),
    request: figureRequest.nullable(),
    unresolved: z.array(z.object({ rule: z.string(), message: z.string() })).meta({ description: 'Why it cannot be traced' }),
    links: links.nullable(),
  })
  .meta({ id: 'CheckedFigure' });

export const checkResultBody = z
  .object({
    date: z.string(),
    dateFrom: z.enum(['frontMatter', 'request', 'today']),
    format: z.enum(DRAFT_FORMATS),
    title: z.string().nullable(),
    dataVersion: z.number(),
    summary: z.object({ figures: z.number(), matches: z.number(), differs: z.number(), untraceable: z.number() }),
    figures: z.array(checkedFigureBody),
  })
  .meta({ id: 'FigureCheck' });
export type CheckResult = z.infer<typeof checkResultBody>;
