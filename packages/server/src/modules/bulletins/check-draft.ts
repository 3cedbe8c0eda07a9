import {
  buildVocabulary,
  chinaDate,
  compareFigure,
  decimalToString,
  figureQuery,
  readDraft,
  readFigures,
  ruleText,
  type FigureQuery,
  type Locale,
  type ReadFigure,
  type Vocabulary,
} from '@guatu/core';
import type { Db } from '../../db/client.js';
import { AppError, badRequest } from '../../http/errors.js';
import type { Actor } from '../../policies/actor.js';
import { findRegion } from '../regions/regions.repository.js';
import { dataVersion, vocabularyData } from './bulletins.repository.js';
import { answerFigures, figureLinks, type FigureAnswer, type FigureRequest } from './answer-figures.js';
import type { CheckDraftInput, CheckResult } from './bulletins.schemas.js';

/**
 * 核数: finds every figure of a draft, works out from the words around it what it counts, asks the
 * statistics engine in the user's scope, and says whether it matches, differs (with the value in
 * the data) or cannot be traced (with what could not be resolved). Nothing that could not be
 * traced is ever compared, so it is never a match.
 */
export async function checkDraft(db: Db, actor: Actor, input: CheckDraftInput, locale: Locale): Promise<CheckResult> {
  if (input.region && !(await findRegion(db, input.region))) throw badRequest('region', 'region.unknown', { value: input.region });
  const draft = readDraft(input.text, input.format);
  const date = draft.date ?? input.date ?? chinaDate();
  const dateFrom = draft.date ? 'frontMatter' : input.date ? 'request' : 'today';
  const vocabulary = buildVocabulary(await vocabularyData(db, actor));
  const read = readFigures(draft, vocabulary, { today: date, defaultRegion: input.region ?? null });
  const queries = read.map((_, i) => figureQuery(i, read, vocabulary, { today: date, scopePath: actor.regionPath }));

  const traced = queries.flatMap((q, i) => (q.ok ? [{ i, request: q.request as FigureRequest }] : []));
  const { version, answers } = await db.transaction(
    async (tx) => {
      const answers = new Map<number, FigureAnswer | AppError>();
      // Asked filter by filter, so that one request the engine refuses leaves the others answered.
      const byFilter = new Map<string, typeof traced>();
      for (const t of traced) byFilter.set(JSON.stringify([t.request.subject, t.request.filter]), [...(byFilter.get(JSON.stringify([t.request.subject, t.request.filter])) ?? []), t]);
      for (const group of byFilter.values()) {
        try {
          const result = await answerFigures(tx, actor, group.map((g) => g.request));
          group.forEach((g, k) => answers.set(g.i, result[k]!));
        } catch (e) {
          if (!(e instanceof AppError) || e.statusCode !== 400) throw e;
          for (const g of group) answers.set(g.i, e);
        }
      }
      return { version: await dataVersion(tx), answers };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );

  const figures = read.map((f, i) => present(f, queries[i]!, answers.get(i), vocabulary, locale));
  const count = (s: string) => figures.filter((f) => f.status === s).length;
  return {
    date,
    dateFrom,
    format: draft.format,
    title: draft.title,
    dataVersion: version,
    summary: { figures: figures.length, matches: count('matches'), differs: count('differs'), untraceable: count('untraceable') },
    figures,
  };
}

function present(f: ReadFigure, query: FigureQuery, answer: FigureAnswer | AppError | undefined, vocabulary: Vocabulary, locale: Locale): CheckResult['figures'][number] {
  const r = f.reading;
  const base = {
    text: f.figure.text,
    start: f.start,
    end: f.end,
    heading: f.heading,
    sentence: f.sentence,
    kind: f.figure.kind,
    value: decimalToString(f.figure.value),
    reading: {
      region: r.region ? { codes: r.region.codes, names: r.region.codes.map((c) => vocabulary.regionByCode.get(c)?.name ?? c), words: r.region.words } : null,
      period: r.period ? { from: r.period.span.from, to: r.period.span.to, words: r.period.words } : null,
      event: r.event ? { event: r.event.event, words: r.event.words } : null,
      kind: r.kind ? { kind: r.kind.kind, words: r.kind.words } : null,
      subject: r.subject ? { subject: r.subject.subject, words: r.subject.words } : null,
      set: r.set ? { words: r.set.words } : null,
      measure: r.measure ? { words: r.measure.words } : r.yoy ? { words: r.yoy.words } : null,
    },
  };
  const untraceable = (unresolved: { rule: string; params?: Record<string, unknown> }[]) => ({
    ...base,
    status: 'untraceable' as const,
    dataValue: null,
    dataText: null,
    rounded: false,
    request: query.ok ? query.request : null,
    unresolved: unresolved.map((u) => ({ rule: u.rule, message: ruleText(u.rule, locale, u.params) })),
    links: null,
  });
  if (!query.ok) return untraceable(query.unresolved);
  if (!answer) return untraceable([{ rule: 'check.measure' }]);
  if (answer instanceof AppError) return untraceable(answer.issues.map((i) => ({ rule: i.rule, params: i.params })));
  const compared = compareFigure(f.figure, r.yoy?.sign ?? 1, answer.value);
  return { ...base, ...compared, request: query.request, unresolved: [], links: figureLinks(query.request) };
}
