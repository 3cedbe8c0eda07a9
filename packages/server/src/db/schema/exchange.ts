import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { at, ref } from './columns.js';
import { projects } from './projects.js';
import { users } from './accounts.js';

/**
 * A project that came from (or was first published as) an OC4IDS package: its OC4IDS id, the
 * identifiers and sectors the package gave it, and what of it Guatu could not hold, so a later
 * export keeps the same id and an import reports the same gaps.
 */
export const oc4idsLinks = pgTable('oc4ids_links', {
  projectId: ref('project_id')
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  oc4idsId: text('oc4ids_id').notNull().unique(),
  /** Identifiers other than the national project code, as the package gave them. */
  identifiers: jsonb('identifiers').$type<{ id: string; scheme?: string }[]>().notNull().default([]),
  /** The package's sector codes, kept because Guatu's categories are coarser. */
  sector: jsonb('sector').$type<string[]>().notNull().default([]),
  /** Paths of the fields Guatu could not map, with their values. */
  unmapped: jsonb('unmapped').$type<Record<string, unknown>>().notNull().default({}),
  importedAt: at('imported_at').notNull().defaultNow(),
  importedBy: ref('imported_by').references(() => users.id),
});
