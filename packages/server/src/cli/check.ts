import { readFileSync } from 'node:fs';
import { systemActor } from '../policies/actor.js';
import { fromZodIssues } from '../http/errors.js';
import { checkDraft } from '../modules/bulletins/check-draft.js';
import { checkDraftBody, type CheckResult } from '../modules/bulletins/bulletins.schemas.js';
import { openReady } from './open.js';
import { actorOf, explain, explained } from './actor.js';

export interface CheckOptions {
  date?: string;
  region?: string;
  format?: string;
  as?: string;
  json?: boolean;
}

const MARK = { matches: '✓', differs: '✗', untraceable: '?' } as const;

/** One line per figure: its mark, the figure, what it was read as, and the data or why it cannot be traced. */
export function report(result: CheckResult): string {
  const lines = result.figures.map((f) => {
    const r = f.reading;
    const read = [r.region?.names.join('、'), r.period?.words, r.event?.words, r.subject?.words, r.set?.words, r.measure?.words].filter(Boolean).join(' · ');
    const outcome = f.status === 'untraceable' ? f.unresolved.map((u) => u.message).join('；') : f.status === 'differs' ? `数据为 ${f.dataText}` : f.rounded ? `数据为 ${f.dataText}（四舍五入后相符）` : '';
    return `${MARK[f.status]} ${f.text}  ${read}${outcome ? `  — ${outcome}` : ''}`;
  });
  const s = result.summary;
  return [...lines, '', `${s.figures} 个数字：${s.matches} 个相符，${s.differs} 个不符，${s.untraceable} 个无法追溯（文稿日期 ${result.date}，数据版本 ${result.dataVersion}）`].join('\n');
}

/** `guatu check FILE`: the figure check (核数) of a draft; exits with 2 when a figure differs from the data. */
export async function check(file: string, options: CheckOptions) {
  const text = readFileSync(file === '-' ? 0 : file, 'utf8');
  const parsed = checkDraftBody.safeParse({ text, ...(options.format ? { format: options.format } : {}), ...(options.date ? { date: options.date } : {}), ...(options.region ? { region: options.region } : {}) });
  if (!parsed.success) throw new Error(explain(fromZodIssues(parsed.error.issues)));
  const database = await openReady();
  try {
    const actor = options.as ? await actorOf(database.db, options.as) : systemActor();
    const result = await explained(() => checkDraft(database.db, actor, parsed.data, 'zh'));
    console.log(options.json ? JSON.stringify(result, null, 2) : report(result));
    if (result.summary.differs > 0) process.exitCode = 2;
  } finally {
    await database.close();
  }
}
