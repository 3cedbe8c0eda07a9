import { get } from '../api/client';
import type { Category, Region } from '../api/types';

/** Code lists change rarely: load once per page load and share. */
let categories: Promise<Category[]> | undefined;
export function loadCategories(): Promise<Category[]> {
  categories ??= get<{ items: Category[] }>('/categories').then((r) => r.items);
  categories.catch(() => (categories = undefined));
  return categories;
}

const regionChildren = new Map<string, Promise<Region[]>>();
export function loadRegionChildren(parent: string): Promise<Region[]> {
  let p = regionChildren.get(parent);
  if (!p) {
    p = get<{ items: Region[] }>('/regions', { parent }).then((r) => r.items);
    p.catch(() => regionChildren.delete(parent));
    regionChildren.set(parent, p);
  }
  return p;
}

export function loadRegion(code: string): Promise<Region> {
  return get<Region>(`/regions/${code}`);
}

export interface TreeOption {
  value: string;
  title: string;
  children?: TreeOption[];
}

/** The category list as a tree for a TreeSelect. */
export function categoryTree(items: Category[], locale: 'zh' | 'en'): TreeOption[] {
  const byParent = new Map<string | null, Category[]>();
  for (const c of items) byParent.set(c.parentCode, [...(byParent.get(c.parentCode) ?? []), c]);
  const build = (parent: string | null): TreeOption[] =>
    (byParent.get(parent) ?? []).map((c) => {
      const children = build(c.code);
      return { value: c.code, title: locale === 'zh' ? c.nameZh : c.nameEn, ...(children.length ? { children } : {}) };
    });
  return build(null);
}
