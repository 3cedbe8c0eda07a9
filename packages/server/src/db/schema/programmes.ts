import { date, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { at, id, ref } from './columns.js';
import { regions } from './regions.js';
import { users } from './accounts.js';
import { projects } from './projects.js';

/** 集中开工: a concentrated-start event, with its date, place, region and the projects started at it. */
export const batches = pgTable(
  'batches',
  {
    id: id(),
    name: text('name').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    place: text('place'),
    description: text('description'),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    createdBy: ref('created_by').references(() => users.id),
    updatedAt: at('updated_at').notNull().defaultNow(),
    updatedBy: ref('updated_by').references(() => users.id),
  },
  (t) => [index('batches_region_idx').on(t.regionCode)],
);

export const batchProjects = pgTable(
  'batch_projects',
  {
    batchId: ref('batch_id')
      .notNull()
      .references(() => batches.id, { onDelete: 'cascade' }),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.projectId] }), index('batch_projects_project_idx').on(t.projectId)],
);

export const KEY_LIST_STATUS_VALUES = ['draft', 'published'] as const;

/** A key list (重点项目清单), e.g. Honghe's 100 key investment-attraction projects of 2022. Frozen once published. */
export const keyLists = pgTable(
  'key_lists',
  {
    id: id(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    description: text('description'),
    status: text('status', { enum: KEY_LIST_STATUS_VALUES }).notNull().default('draft'),
    publishedAt: at('published_at'),
    publishedBy: ref('published_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    createdBy: ref('created_by').references(() => users.id),
    updatedAt: at('updated_at').notNull().defaultNow(),
    updatedBy: ref('updated_by').references(() => users.id),
  },
  (t) => [index('key_lists_region_idx').on(t.regionCode)],
);

export const keyListProjects = pgTable(
  'key_list_projects',
  {
    keyListId: ref('key_list_id')
      .notNull()
      .references(() => keyLists.id, { onDelete: 'cascade' }),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.keyListId, t.projectId] }), index('key_list_projects_project_idx').on(t.projectId)],
);

/** A change to a published key list: who, when, why, and which projects came on and off. */
export const keyListRevisions = pgTable(
  'key_list_revisions',
  {
    id: id(),
    keyListId: ref('key_list_id')
      .notNull()
      .references(() => keyLists.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    added: jsonb('added').$type<number[]>().notNull(),
    removed: jsonb('removed').$type<number[]>().notNull(),
    revisedBy: ref('revised_by').references(() => users.id),
    revisedAt: at('revised_at').notNull().defaultNow(),
  },
  (t) => [index('key_list_revisions_list_idx').on(t.keyListId)],
);

export interface GroupMember {
  name: string;
  title?: string | null | undefined;
  unit?: string | null | undefined;
}

/** 包保组: a leader and members who answer for the projects of the counties and zones they cover. */
export const accountabilityGroups = pgTable(
  'accountability_groups',
  {
    id: id(),
    name: text('name').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    leaderName: text('leader_name').notNull(),
    leaderTitle: text('leader_title'),
    members: jsonb('members').$type<GroupMember[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    createdBy: ref('created_by').references(() => users.id),
    updatedAt: at('updated_at').notNull().defaultNow(),
    updatedBy: ref('updated_by').references(() => users.id),
  },
  (t) => [index('accountability_groups_region_idx').on(t.regionCode)],
);

/** The counties and zones a group covers. */
export const groupRegions = pgTable(
  'accountability_group_regions',
  {
    groupId: ref('group_id')
      .notNull()
      .references(() => accountabilityGroups.id, { onDelete: 'cascade' }),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.regionCode] })],
);
