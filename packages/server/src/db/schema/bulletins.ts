import { bigint, date, index, integer, jsonb, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import type { FigureFormat, Segment, TemplateBody } from '@guatu/core';
import { at, id, ref } from './columns.js';
import { regions } from './regions.js';
import { users } from './accounts.js';

/**
 * 通报模板: a bulletin template, owned by a region. The regions below it use it too; its current
 * body is also kept, with every earlier one, in `bulletin_template_versions`.
 */
export const bulletinTemplates = pgTable(
  'bulletin_templates',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    body: jsonb('body').$type<TemplateBody>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    createdBy: ref('created_by').references(() => users.id),
    updatedAt: at('updated_at').notNull().defaultNow(),
    updatedBy: ref('updated_by').references(() => users.id),
  },
  (t) => [unique('bulletin_templates_region_code').on(t.regionCode, t.code)],
);

/** Every version a template has had: a bulletin names the version it was written from. */
export const bulletinTemplateVersions = pgTable(
  'bulletin_template_versions',
  {
    templateId: ref('template_id')
      .notNull()
      .references(() => bulletinTemplates.id),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    body: jsonb('body').$type<TemplateBody>().notNull(),
    savedAt: at('saved_at').notNull().defaultNow(),
    savedBy: ref('saved_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.version] })],
);

/** One figure of a generated bulletin: its request, its value then, and the records behind it then. */
export interface BulletinFigure {
  key: string;
  label: string;
  request: { subject: 'projects' | 'enterprises' | 'groups'; filter: Record<string, unknown>; measures: [string] };
  value: string | number | null;
  format: FigureFormat;
  text: string;
  ids: number[];
}

/**
 * 通报: a bulletin as it was generated. Its text, figures and the records behind each figure are
 * stored, with the template version and the data version (the audit trail's seq) it came from, so
 * editing the template or the data never changes it; regenerating compares against it.
 */
export const bulletins = pgTable(
  'bulletins',
  {
    id: id(),
    templateId: ref('template_id')
      .notNull()
      .references(() => bulletinTemplates.id),
    templateVersion: integer('template_version').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    period: text('period').notNull(),
    params: jsonb('params').$type<{ batch?: number; keyList?: number }>().notNull().default({}),
    title: text('title').notNull(),
    bulletinDate: date('bulletin_date', { mode: 'string' }).notNull(),
    markdown: text('markdown').notNull(),
    content: jsonb('content').$type<{ heading: boolean; segments: Segment[] }[]>().notNull(),
    figures: jsonb('figures').$type<BulletinFigure[]>().notNull(),
    frontMatter: jsonb('front_matter').$type<{ categories: string[]; tags: string[] }>().notNull(),
    dataVersion: bigint('data_version', { mode: 'number' }).notNull(),
    generatedAt: at('generated_at').notNull().defaultNow(),
    generatedBy: ref('generated_by').references(() => users.id),
  },
  (t) => [index('bulletins_region_idx').on(t.regionCode), index('bulletins_template_idx').on(t.templateId)],
);
