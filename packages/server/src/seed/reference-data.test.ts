import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { startTestApp, type TestContext } from '../test/harness.js';
import { bulletinTemplates, bulletinTemplateVersions, categories, provinces, regions } from '../db/schema/index.js';
import { SHIPPED_TEMPLATES_REGION } from '../modules/bulletins/shipped-templates.js';
import { REGIONS_FILE, seedReferenceData } from './reference-data.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const qujing = REGIONS_FILE.regions.find((r) => r.code === '530300')!;

describe('reference data at start', () => {
  it('writes nothing when the database already holds it', async () => {
    expect(await seedReferenceData(t.database.db)).toBe(false);
  });

  it('writes again when a region, a province, a category or a shipped template differs or is missing', async () => {
    const { db } = t.database;
    await db.update(regions).set({ name: '旧名', sort: 999 }).where(eq(regions.code, qujing.code));
    expect(await seedReferenceData(db)).toBe(true);
    const [region] = await db.select().from(regions).where(eq(regions.code, qujing.code));
    expect(region).toMatchObject({ name: qujing.name, shortName: qujing.shortName, sort: REGIONS_FILE.regions.indexOf(qujing) });
    expect(await seedReferenceData(db)).toBe(false);

    await db.update(provinces).set({ name: '旧名' }).where(eq(provinces.code, REGIONS_FILE.provinces[0]!.code));
    expect(await seedReferenceData(db)).toBe(true);
    const [province] = await db.select().from(provinces).where(eq(provinces.code, REGIONS_FILE.provinces[0]!.code));
    expect(province!.name).toBe(REGIONS_FILE.provinces[0]!.name);

    const [leaf] = await db.select().from(categories).where(sql`not exists (select 1 from categories c where c.parent_code = ${categories.code})`).limit(1);
    await db.delete(categories).where(eq(categories.code, leaf!.code));
    expect(await seedReferenceData(db)).toBe(true);
    expect(await db.select().from(categories).where(eq(categories.code, leaf!.code))).toHaveLength(1);

    const shipped = and(eq(bulletinTemplates.regionCode, SHIPPED_TEMPLATES_REGION), eq(bulletinTemplates.code, 'monthly-funds'));
    const [template] = await db.select().from(bulletinTemplates).where(shipped);
    await db.delete(bulletinTemplateVersions).where(eq(bulletinTemplateVersions.templateId, template!.id));
    await db.delete(bulletinTemplates).where(eq(bulletinTemplates.id, template!.id));
    expect(await seedReferenceData(db)).toBe(true);
    expect(await db.select().from(bulletinTemplates).where(shipped)).toHaveLength(1);
    expect(await seedReferenceData(db)).toBe(false);
  });

  it('leaves a region added after the shipped data alone', async () => {
    const { db } = t.database;
    await db.insert(regions).values({ code: '530399', parentCode: qujing.code, level: 'zone', name: '测试开发区', shortName: '测试区', path: `530000/530300/530399/`, sort: 9999, source: 'test' });
    expect(await seedReferenceData(db)).toBe(false);
  });
});
