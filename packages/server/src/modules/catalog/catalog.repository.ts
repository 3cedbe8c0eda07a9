import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { categories, provinces } from '../../db/schema/index.js';

export const listCategories = (db: Db) => db.select().from(categories).orderBy(asc(categories.sort));
export const listProvinces = (db: Db) => db.select().from(provinces).orderBy(asc(provinces.code));

export async function findCategory(db: Db, code: string) {
  const [row] = await db.select().from(categories).where(eq(categories.code, code));
  return row ?? null;
}

export async function findProvince(db: Db, code: string) {
  const [row] = await db.select().from(provinces).where(eq(provinces.code, code));
  return row ?? null;
}
