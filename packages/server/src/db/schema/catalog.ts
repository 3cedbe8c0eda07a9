import { type AnyPgColumn, boolean, integer, pgTable, text } from 'drizzle-orm/pg-core';

/** The hierarchical project category code list (产业项目 › 能源工业 …). */
export const categories = pgTable('categories', {
  code: text('code').primaryKey(),
  parentCode: text('parent_code').references((): AnyPgColumn => categories.code),
  /** "industry/energy-industry/": descendants share the prefix. */
  path: text('path').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  sort: integer('sort').notNull().default(0),
  active: boolean('active').notNull().default(true),
});
