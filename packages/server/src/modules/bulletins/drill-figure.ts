import { chinaDate, normalizeYuan } from '@guatu/core';
import type { Db } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import type { Actor } from '../../policies/actor.js';
import { listProjects } from '../projects/projects.repository.js';
import { findBulletin } from './bulletins.repository.js';
import { presentFigure } from './present-bulletin.js';

/**
 * A figure of a bulletin with the records behind it as it was generated: its request, its value,
 * and a page of exactly those projects (the ones the user may see), whatever has changed since.
 */
export async function drillFigure(db: Db, actor: Actor, id: number, key: string, paging: { page: number; pageSize: number }) {
  const row = await findBulletin(db, actor, id);
  if (!row) throw notFound('bulletin');
  const figure = row.bulletin.figures.find((f) => f.key === key);
  if (!figure) throw notFound('figure');
  let projects: { id: number; code: string; name: string; regionName: string; categoryName: string; stage: string; startedOn: string | null; totalInvestment: string }[] = [];
  let total = figure.ids.length;
  if (figure.request.subject === 'projects') {
    const page = figure.ids.length
      ? await listProjects(db, actor, { ids: figure.ids }, { sort: 'code', order: 'asc', page: paging.page, pageSize: paging.pageSize }, chinaDate())
      : { items: [], total: 0 };
    projects = page.items.map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      regionName: p.regionName,
      categoryName: p.categoryName,
      stage: p.stage,
      startedOn: p.startedOn,
      totalInvestment: normalizeYuan(p.totalInvestment)!,
    }));
    total = page.total;
  }
  return {
    bulletinId: row.bulletin.id,
    figure: presentFigure(row.bulletin.id, figure),
    dataVersion: row.bulletin.dataVersion,
    records: { subject: figure.request.subject, ids: figure.ids, projects, total, page: paging.page, pageSize: paging.pageSize },
  };
}
