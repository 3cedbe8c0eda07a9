import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { TemplateBody } from '@guatu/core';
import type { Db } from '../../db/client.js';
import { bulletinTemplateVersions, bulletinTemplates, regions, users } from '../../db/schema/index.js';
import { withinOrAbove } from '../../policies/scope.js';
import type { Actor } from '../../policies/actor.js';

export type TemplateRow = { template: typeof bulletinTemplates.$inferSelect; regionName: string; regionPath: string };

const columns = { template: bulletinTemplates, regionName: regions.name, regionPath: regions.path };

/** Templates the actor may use: their region's, those of the regions above it, and those below it. */
export async function listTemplates(db: Db, actor: Actor): Promise<TemplateRow[]> {
  return db
    .select(columns)
    .from(bulletinTemplates)
    .innerJoin(regions, eq(regions.code, bulletinTemplates.regionCode))
    .where(withinOrAbove(bulletinTemplates.regionCode, actor))
    .orderBy(asc(regions.path), asc(bulletinTemplates.code));
}

export async function findTemplate(db: Db, actor: Actor, id: number, options: { lock?: boolean } = {}): Promise<TemplateRow | null> {
  const query = db
    .select(columns)
    .from(bulletinTemplates)
    .innerJoin(regions, eq(regions.code, bulletinTemplates.regionCode))
    .where(and(eq(bulletinTemplates.id, id), withinOrAbove(bulletinTemplates.regionCode, actor)));
  const [row] = options.lock ? await query.for('update', { of: bulletinTemplates }) : await query;
  return row ?? null;
}

export async function templateCodeTaken(db: Db, regionCode: string, code: string): Promise<boolean> {
  const [row] = await db.select({ id: bulletinTemplates.id }).from(bulletinTemplates).where(and(eq(bulletinTemplates.regionCode, regionCode), eq(bulletinTemplates.code, code)));
  return !!row;
}

export async function listTemplateVersions(db: Db, templateId: number) {
  return db
    .select({ version: bulletinTemplateVersions.version, name: bulletinTemplateVersions.name, savedAt: bulletinTemplateVersions.savedAt, savedByName: users.displayName })
    .from(bulletinTemplateVersions)
    .leftJoin(users, eq(users.id, bulletinTemplateVersions.savedBy))
    .where(eq(bulletinTemplateVersions.templateId, templateId))
    .orderBy(desc(bulletinTemplateVersions.version));
}

export async function findTemplateVersion(db: Db, templateId: number, version: number): Promise<{ name: string; body: TemplateBody } | null> {
  const [row] = await db
    .select({ name: bulletinTemplateVersions.name, body: bulletinTemplateVersions.body })
    .from(bulletinTemplateVersions)
    .where(and(eq(bulletinTemplateVersions.templateId, templateId), eq(bulletinTemplateVersions.version, version)));
  return row ?? null;
}

export async function insertTemplate(tx: Db, values: typeof bulletinTemplates.$inferInsert): Promise<number> {
  const [row] = await tx.insert(bulletinTemplates).values(values).returning({ id: bulletinTemplates.id });
  return row!.id;
}

/** Keeps a version of a template for good: bulletins name the version they were written from. */
export async function insertTemplateVersion(tx: Db, values: typeof bulletinTemplateVersions.$inferInsert): Promise<void> {
  await tx.insert(bulletinTemplateVersions).values(values);
}

export async function updateTemplateIfVersion(tx: Db, id: number, version: number, set: Partial<typeof bulletinTemplates.$inferInsert>): Promise<boolean> {
  const rows = await tx
    .update(bulletinTemplates)
    .set({ ...set, version: sql`${bulletinTemplates.version} + 1`, updatedAt: new Date() })
    .where(and(eq(bulletinTemplates.id, id), eq(bulletinTemplates.version, version)))
    .returning({ id: bulletinTemplates.id });
  return rows.length === 1;
}

/** A template the actor may change: its region lies inside theirs. */
export function mayChangeTemplate(actor: Actor, row: TemplateRow): boolean {
  return row.regionPath.startsWith(actor.regionPath);
}

/** The shipped templates, loaded as reference data: each once, never over an administrator's edits. */
export async function insertShippedTemplate(tx: Db, values: { code: string; name: string; description: string; regionCode: string; body: TemplateBody }): Promise<void> {
  const [row] = await tx.insert(bulletinTemplates).values(values).onConflictDoNothing().returning({ id: bulletinTemplates.id });
  if (row) await tx.insert(bulletinTemplateVersions).values({ templateId: row.id, version: 1, name: values.name, body: values.body });
}
