import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/** GB/T 2260 divisions of the province, plus development zones attached to a prefecture. */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    parentCode: text('parent_code').references((): AnyPgColumn => regions.code),
    level: text('level', { enum: ['province', 'prefecture', 'county', 'zone'] }).notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    /** Ancestor codes from the province down, each followed by '/': "530000/530300/530302/". */
    path: text('path').notNull().unique(),
    sort: integer('sort').notNull().default(0),
    /** Where the row comes from: the GB/T 2260 data package, or the document that created a zone. */
    source: text('source').notNull(),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode), check('regions_code_format', sql`${t.code} ~ '^[0-9]{6}$'`)],
);

/** Provinces of China, for an investor's home province (GB/T 2260 first level). */
export const provinces = pgTable('provinces', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

/** Settings that a region can override for itself and everything below it. */
export const regionSettings = pgTable(
  'region_settings',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.key] })],
);
