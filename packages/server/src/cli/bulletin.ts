import { writeFileSync } from 'node:fs';
import type { Db } from '../db/client.js';
import { systemActor, type Actor } from '../policies/actor.js';
import { fromZodIssues } from '../http/errors.js';
import { generateBulletin } from '../modules/bulletins/generate-bulletin.js';
import { compareBulletin } from '../modules/bulletins/compare-bulletin.js';
import { findBulletin, vocabularyData } from '../modules/bulletins/bulletins.repository.js';
import { listTemplates } from '../modules/bulletins/templates.repository.js';
import { renderPrintPage } from '../modules/bulletins/render-bulletin.js';
import { renderInput } from '../modules/bulletins/present-bulletin.js';
import { generateBulletinBody } from '../modules/bulletins/bulletins.schemas.js';
import { openReady } from './open.js';
import { actorOf, explain, explained } from './actor.js';

export interface BulletinOptions {
  template?: string;
  region?: string;
  period?: string;
  batch?: string;
  keyList?: string;
  date?: string;
  as?: string;
  html?: string;
  json?: boolean;
  compare?: string;
}

/** A region by its code, name or short name: 530300, 曲靖市, 曲靖. */
async function regionCode(db: Db, actor: Actor, text: string): Promise<string> {
  if (/^\d{6}$/.test(text)) return text;
  const { regions } = await vocabularyData(db, actor);
  const found = regions.filter((r) => r.name === text || r.shortName === text);
  if (found.length !== 1) throw new Error(found.length ? `${text} names several regions: ${found.map((r) => `${r.code} ${r.name}`).join(', ')}` : `No region named ${text}`);
  return found[0]!.code;
}

/** A template by id or code; of several with one code, the one of the region nearest the bulletin's. */
async function templateId(db: Db, actor: Actor, text: string, region: string): Promise<number> {
  if (/^\d+$/.test(text)) return Number(text);
  const { regions } = await vocabularyData(db, actor);
  const path = regions.find((r) => r.code === region)?.path ?? '';
  const candidates = (await listTemplates(db, actor)).filter((t) => t.template.code === text && path.startsWith(t.regionPath));
  const nearest = candidates.sort((a, b) => b.regionPath.length - a.regionPath.length)[0];
  if (!nearest) throw new Error(`No template ${text} for ${region}; see GET /api/v1/bulletin-templates`);
  return nearest.template.id;
}

/** `guatu bulletin`: writes a bulletin from a template and prints its Markdown; or compares a bulletin with the data now. */
export async function bulletin(options: BulletinOptions) {
  const database = await openReady();
  try {
    const db = database.db;
    const actor = options.as ? await actorOf(db, options.as) : systemActor();
    if (options.compare) {
      const c = await explained(() => compareBulletin(db, actor, Number(options.compare)));
      if (options.json) return console.log(JSON.stringify(c, null, 2));
      console.log(`通报 #${c.bulletinId}: 数据版本 ${c.generated.dataVersion} → ${c.now.dataVersion}, ${c.changed} 项数据变化`);
      for (const f of c.figures) console.log(`${f.changed ? '≠' : '='} ${f.label}: ${f.then.text} → ${f.now.text}${f.added.length || f.removed.length ? ` (+${f.added.length} −${f.removed.length} 个项目)` : ''}`);
      return;
    }
    if (!options.template || !options.region || !options.period) throw new Error('guatu bulletin needs --template, --region and --period (or --compare ID)');
    const region = await regionCode(db, actor, options.region);
    const parsed = generateBulletinBody.safeParse({
      templateId: await templateId(db, actor, options.template, region),
      regionCode: region,
      period: options.period,
      ...(options.batch ? { batch: Number(options.batch) } : {}),
      ...(options.keyList ? { keyList: Number(options.keyList) } : {}),
      ...(options.date ? { date: options.date } : {}),
    });
    if (!parsed.success) throw new Error(explain(fromZodIssues(parsed.error.issues)));
    const result = await explained(() => generateBulletin(database, actor, parsed.data));
    if (options.html) writeFileSync(options.html, renderPrintPage(renderInput((await findBulletin(db, actor, result.id))!)));
    if (options.json) console.log(JSON.stringify(result, null, 2));
    else process.stdout.write(result.markdown);
    console.error(`通报 #${result.id}，数据版本 ${result.dataVersion}，模板第 ${result.templateVersion} 版${options.html ? `；打印页 ${options.html}` : ''}`);
  } finally {
    await database.close();
  }
}
