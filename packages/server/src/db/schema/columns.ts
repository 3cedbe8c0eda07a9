import { bigint, numeric, timestamp } from 'drizzle-orm/pg-core';

/** Yuan with 分 precision. Drizzle hands it over as a string; it never becomes a JS number. */
export const money = (name: string) => numeric(name, { precision: 18, scale: 2 });
export const id = (name = 'id') => bigint(name, { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity();
export const ref = (name: string) => bigint(name, { mode: 'number' });
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
