import { chinaDate, figureRequestFor, formatFigure, parsePeriodCode, renderText, segmentsText, type TemplateContext } from '@guatu/core';
import type { Database } from '../../db/client.js';
import { badRequest, forbidden, notFound } from '../../http/errors.js';
import { recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import type { BulletinFigure } from '../../db/schema/index.js';
import { regionForWrite } from '../regions/check-region.js';
import { findTemplate } from './templates.repository.js';
import { batchesHeldIn, dataVersion, findBatchIn, findBulletin, insertBulletin, keyListsOf, setBulletinMarkdown } from './bulletins.repository.js';
import { answerFigures } from './answer-figures.js';
import { renderMarkdown } from './render-bulletin.js';
import { presentBulletin } from './present-bulletin.js';
import type { GenerateBulletinInput } from './bulletins.schemas.js';

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

/**
 * Writes a bulletin from a template for a region and period: every figure is asked of the
 * statistics engine, with the records behind it, in one consistent snapshot whose data version is
 * stored with the text. The bulletin never changes afterwards, whatever happens to the template
 * or the data; comparing it with the data now says what moved.
 */
export async function generateBulletin(database: Database, actor: Actor, input: GenerateBulletinInput) {
  if (!may.writeBulletins(actor)) throw forbidden('role');
  const template = await findTemplate(database.db, actor, input.templateId);
  if (!template) throw notFound('bulletinTemplate');
  const region = await regionForWrite(database.db, actor, input.regionCode);
  const period = parsePeriodCode(input.period)!;
  const body = template.template.body;
  const ctx: TemplateContext = { region: { code: region.code, name: region.name, shortName: region.shortName }, period, date: input.date ?? chinaDate() };

  if (body.needs.includes('batch')) {
    const batch = input.batch
      ? await findBatchIn(database.db, actor, region.code, input.batch)
      : await (async () => {
          const held = await batchesHeldIn(database.db, actor, region.code, period.from, period.to);
          if (held.length > 1) throw badRequest('batch', 'bulletin.batchMany', { values: held.map((b) => `${b.id} ${b.name}`) });
          return held[0] ?? null;
        })();
    if (!batch) throw badRequest('batch', 'bulletin.batchNone', { region: region.name, period: period.fullLabel });
    ctx.batch = batch;
  }
  if (body.needs.includes('keyList')) {
    const lists = await keyListsOf(database.db, actor, region.code, input.keyList ? null : period.year, input.keyList);
    if (!lists[0]) throw badRequest('keyList', 'bulletin.keyListNone', { region: region.name, year: period.year });
    ctx.keyList = { id: lists[0].id, name: lists[0].name };
  }

  // Only the figures the text uses are asked, in the order the text uses them.
  const used = new Set([body.title, ...body.paragraphs.map((p) => p.text)].flatMap((t) => [...t.matchAll(PLACEHOLDER)].map((m) => m[1]!)));
  const keys = [...used].filter((k) => body.figures[k]);
  const requests = keys.map((k) => figureRequestFor(body.figures[k]!, ctx));

  const { version, answers } = await database.db.transaction(
    async (tx) => ({ version: await dataVersion(tx), answers: await answerFigures(tx, actor, requests, 'template.figures') }),
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const figures: BulletinFigure[] = keys.map((key, i) => {
    const f = body.figures[key]!;
    return { key, label: f.label, request: requests[i]!, value: answers[i]!.value, format: f.format, text: formatFigure(answers[i]!.value, f.format), ids: answers[i]!.ids };
  });
  const texts = Object.fromEntries(figures.map((f) => [f.key, f.text]));
  const content = body.paragraphs.map((p) => ({ heading: p.heading, segments: renderText(p.text, ctx, texts) }));
  const title = segmentsText(renderText(body.title, ctx, texts));

  return database.db.transaction(async (tx) => {
    const values = {
      templateId: template.template.id,
      templateVersion: template.template.version,
      regionCode: region.code,
      period: period.code,
      params: { ...(ctx.batch ? { batch: ctx.batch.id } : {}), ...(ctx.keyList ? { keyList: ctx.keyList.id } : {}) },
      title,
      bulletinDate: ctx.date,
      markdown: '',
      content,
      figures,
      frontMatter: { categories: body.categories, tags: body.tags },
      dataVersion: version,
      generatedBy: actor.userId || null,
    };
    const id = await insertBulletin(tx, values);
    const row = (await findBulletin(tx, actor, id))!;
    const markdown = renderMarkdown({ ...values, id, generatedAt: row.bulletin.generatedAt, templateName: template.template.name, regionName: region.name });
    await setBulletinMarkdown(tx, id, markdown);
    await recordAudit(tx, actor, {
      action: 'bulletin.generate',
      entity: 'bulletin',
      entityId: id,
      changes: { template: [null, `${template.template.code} v${template.template.version}`], region: [null, region.code], period: [null, period.code], dataVersion: [null, version] },
    });
    return presentBulletin({ ...row, bulletin: { ...row.bulletin, markdown } });
  });
}
