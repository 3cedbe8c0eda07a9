import type { BulletinRow } from './bulletins.repository.js';
import { figureLinks } from './answer-figures.js';
import { figurePath, type RenderedBulletin } from './render-bulletin.js';
import type { BulletinResponse } from './bulletins.schemas.js';
import type { BulletinFigure } from '../../db/schema/index.js';

export function presentBulletinSummary(row: BulletinRow) {
  const b = row.bulletin;
  return {
    id: b.id,
    title: b.title,
    templateId: b.templateId,
    templateName: row.templateName,
    templateVersion: b.templateVersion,
    regionCode: b.regionCode,
    regionName: row.regionName,
    period: b.period,
    bulletinDate: b.bulletinDate,
    dataVersion: b.dataVersion,
    generatedAt: b.generatedAt.toISOString(),
    generatedByName: row.generatedByName,
  };
}

export function presentFigure(bulletinId: number, f: BulletinFigure) {
  return { key: f.key, label: f.label, request: f.request, value: f.value, text: f.text, recordCount: f.ids.length, links: { ...figureLinks(f.request), figure: figurePath(bulletinId, f.key) } };
}

export function presentBulletin(row: BulletinRow): BulletinResponse {
  const b = row.bulletin;
  return {
    ...presentBulletinSummary(row),
    markdown: b.markdown,
    paragraphs: b.content,
    figures: b.figures.map((f) => presentFigure(b.id, f)),
    links: { print: `/api/v1/bulletins/${b.id}/print`, compare: `/api/v1/bulletins/${b.id}/compare` },
  };
}

/** What the printable page is drawn from: only what the bulletin stored. */
export function renderInput(row: BulletinRow): RenderedBulletin {
  const b = row.bulletin;
  return {
    id: b.id,
    title: b.title,
    bulletinDate: b.bulletinDate,
    generatedAt: b.generatedAt,
    frontMatter: b.frontMatter,
    content: b.content,
    figures: b.figures,
    dataVersion: b.dataVersion,
    templateName: row.templateName,
    templateVersion: b.templateVersion,
    regionName: row.regionName,
    period: b.period,
  };
}
