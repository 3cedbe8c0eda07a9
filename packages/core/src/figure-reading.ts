/**
 * What each figure of a draft is about, read from the words around it: the region, the period,
 * what happened (开工, 集中开工, 在建 …), the projects or enterprises counted and how they are
 * qualified, and the measure. The rules are those of the language, not of any one text:
 *
 * - A figure takes a region, period, event and kind from its own sentence (the nearest word before
 *   it), else from the figures before it: a sentence that states figures sets the context for the
 *   sentences that follow, until a heading starts a new section. Sentences without figures are
 *   narrative and change nothing. Regions after a locating verb (分布于永胜、华坪和宁蒗县) place the
 *   subject wherever the figure stands.
 * - What a figure counts is the noun after it (394个重大项目) or the noun before it in its clause
 *   (在建项目229个); a clause without one speaks of the same projects as the figure before it in
 *   the sentence, else of the sentence's first noun, else of the previous sentence's last figure.
 *   Qualifiers (产业, 能源工业, 市直, 5亿元以上) belong to the noun they stand before; a bare 项目
 *   after a qualified one in the same clause is the same projects.
 * - A heading takes what it leaves unsaid (usually the period) from the first figure under it.
 * - A batch or key list named in the clause is its own set: the period and event carried from
 *   earlier sentences do not apply to it.
 */
import type { Draft } from './draft-text.js';
import type { FoundFigure } from './draft-figures.js';
import type { PeriodSpan } from './chinese-periods.js';
import type { ProjectKind } from './stages.js';
import { readWords, type EventWord, type MeasureWord, type Token, type Vocabulary, type Word } from './figure-words.js';
import { pickSubject, type SubjectReading } from './figure-subjects.js';

export type { Qualifiers, SubjectReading } from './figure-subjects.js';

/** What a figure was read as; `words` are the words of the draft each part comes from. */
export interface Reading {
  region: { codes: string[]; base: string | null; words: string } | null;
  period: { span: PeriodSpan; words: string; stated: boolean } | null;
  event: { event: EventWord; words: string } | null;
  kind: { kind: ProjectKind; words: string } | null;
  subject: SubjectReading | null;
  set: { set: { batch: number } | { keyList: number }; regionCode: string; words: string } | null;
  measure: { measure: MeasureWord; words: string } | null;
  yoy: { sign: 1 | -1; words: string } | null;
  /** 增长/下降 with no 同比. */
  growthWithoutBase: string | null;
  plan: string | null;
  /** For a percentage: the figure (index in the findings) it is the growth of. */
  base: number | null;
  /** A region word that could not be placed (全州 with no prefecture in view). */
  unplacedRegion: string | null;
}

export interface ReadFigure {
  block: number;
  heading: boolean;
  figure: FoundFigure;
  /** Where the figure stands in the draft. */
  start: number;
  end: number;
  sentence: string;
  reading: Reading;
}

type Frame = Pick<Reading, 'region' | 'period' | 'event' | 'kind' | 'subject' | 'set'>;
const EMPTY_FRAME: Frame = { region: null, period: null, event: null, kind: null, subject: null, set: null };

const is =
  <T extends Word['t']>(t: T) =>
  (x: Token): x is Token & { word: Extract<Word, { t: T }> } =>
    x.word.t === t;

const LIST_GAP = /^[、和及与或\s]*$/;

export interface SentenceView {
  tokens: Token[];
  text: string;
  /** The block's half-width text, for looking at what follows a figure. */
  blockText: string;
}

/** Reads the figures of a draft. `defaultRegion` is the region a draft that names none is about. */
export function readFigures(draft: Draft, vocabulary: Vocabulary, options: { today: string; defaultRegion?: string | null }): ReadFigure[] {
  const out: ReadFigure[] = [];
  let frame: Frame = { ...EMPTY_FRAME };
  let pendingHeading: ReadFigure[] = [];

  const placeWhole = (level: string, from: Frame['region']): string | null => {
    if (level === 'province') return vocabulary.data.regions.find((r) => r.level === 'province')?.code ?? null;
    let code = from?.base ?? from?.codes[0] ?? null;
    while (code) {
      const r = vocabulary.regionByCode.get(code);
      if (!r) return null;
      if (r.level === level) return code;
      code = r.parentCode;
    }
    return null;
  };

  draft.blocks.forEach((block, blockIndex) => {
    const tokens = readWords(block.text, vocabulary, options.today);
    if (block.heading) {
      // A heading starts a section: its own words are the context, and it takes what it leaves unsaid from below.
      frame = { ...EMPTY_FRAME };
      pendingHeading = [];
    }
    const sentences = new Map<number, Token[]>();
    for (const t of tokens) sentences.set(t.sentence, [...(sentences.get(t.sentence) ?? []), t]);
    for (const sentenceTokens of sentences.values()) {
      const figures = sentenceTokens.filter(is('figure'));
      if (!figures.length) {
        if (block.heading) frame = headingFrame(sentenceTokens, frame, placeWhole);
        continue;
      }
      const first = sentenceTokens[0]!;
      const last = sentenceTokens[sentenceTokens.length - 1]!;
      const view: SentenceView = { tokens: sentenceTokens, text: sentenceText(block.text, first.start, last.end), blockText: block.text };
      let lastReading: Reading | null = null;
      const inSentence: { token: Token; index: number }[] = [];
      for (const f of figures) {
        const reading = readFigure(view, f, frame, inSentence, out, placeWhole, options.defaultRegion ?? null, vocabulary);
        const found: ReadFigure = {
          block: blockIndex,
          heading: block.heading,
          figure: f.word.figure,
          start: block.offsets[f.start]!,
          // The end is just after the figure's last character: markup may follow it in the draft.
          end: block.offsets[f.end - 1]! + 1,
          sentence: view.text,
          reading,
        };
        inSentence.push({ token: f, index: out.length });
        out.push(found);
        if (block.heading) pendingHeading.push(found);
        else if (pendingHeading.length) {
          fillFromBelow(pendingHeading, reading);
          pendingHeading = [];
        }
        lastReading = reading;
      }
      if (lastReading) frame = { region: lastReading.region, period: lastReading.period, event: lastReading.event, kind: lastReading.kind, subject: lastReading.subject, set: lastReading.set };
    }
  });
  return out;
}

function sentenceText(text: string, from: number, to: number): string {
  let a = from;
  let b = to;
  while (a > 0 && !/[。！？!?]/.test(text[a - 1]!)) a--;
  while (b < text.length && !/[。！？!?]/.test(text[b - 1] ?? '')) b++;
  return text.slice(a, b).trim();
}

/** A heading without figures still says what its section is about: its region, period, event, kind. */
function headingFrame(tokens: Token[], frame: Frame, placeWhole: (level: string, from: Frame['region']) => string | null): Frame {
  const next = { ...frame };
  for (const t of tokens) {
    const w = t.word;
    if (w.t === 'region' && !w.weak) next.region = { codes: [w.code], base: null, words: t.text };
    else if (w.t === 'wholeRegion') {
      const code = placeWhole(w.level, next.region);
      if (code) next.region = { codes: [code], base: null, words: t.text };
    } else if (w.t === 'period') next.period = { span: w.span, words: t.text, stated: false };
    else if (w.t === 'event') next.event = { event: w.event, words: t.text };
    else if (w.t === 'kind') next.kind = { kind: w.kind, words: t.text };
    else if (w.t === 'set') next.set = { set: w.set, regionCode: w.regionCode, words: t.text };
  }
  return next;
}

/** The heading's figures take the region and period they leave unsaid from the first figure under them. */
function fillFromBelow(headings: ReadFigure[], below: Reading) {
  for (const h of headings) {
    if (!h.reading.region && below.region) h.reading.region = below.region;
    if (!h.reading.period && below.period) h.reading.period = { ...below.period, stated: false };
  }
}

function readFigure(
  view: SentenceView,
  figureToken: Token,
  frame: Frame,
  earlier: { token: Token; index: number }[],
  found: ReadFigure[],
  placeWhole: (level: string, from: Frame['region']) => string | null,
  defaultRegion: string | null,
  vocabulary: Vocabulary,
): Reading {
  const s = view.tokens;
  const fi = s.indexOf(figureToken);
  const clause = s.filter((t) => t.clause === figureToken.clause);
  const ci = clause.indexOf(figureToken);
  const lastBefore = <T extends Token>(list: Token[], until: number, pred: (t: Token) => t is T): T | null => {
    for (let i = until - 1; i >= 0; i--) if (pred(list[i]!)) return list[i] as T;
    return null;
  };
  const firstAfter = <T extends Token>(list: Token[], from: number, pred: (t: Token) => t is T): T | null => {
    for (let i = from + 1; i < list.length; i++) if (pred(list[i]!)) return list[i] as T;
    return null;
  };

  const set = clause.find(is('set')) ?? lastBefore(s, fi, is('set'));
  // A named batch or list is its own set: what earlier sentences said about time and events stays there.
  const carried: Frame = set ? { ...frame, period: null, event: null, kind: null, set: null } : frame;

  const periodToken = lastBefore(s, fi, is('period'));
  const period: Reading['period'] = periodToken ? { span: periodToken.word.span, words: periodToken.text, stated: true } : carried.period ? { ...carried.period, stated: false } : null;

  const picked = pickRegion(view, fi, carried, placeWhole, defaultRegion, vocabulary);
  // A region or period word starts afresh: an event word before it, or carried from earlier sentences,
  // does not reach past it. Regions that only place the subject (分布于…) start nothing.
  const framing = (t: Token) => ((t.word.t === 'region' || t.word.t === 'wholeRegion') && !picked.located.includes(t)) || t.word.t === 'period';
  const lastFraming = s.slice(0, fi).findLastIndex(framing);
  const eventBefore = lastBefore(s, fi, is('event'));
  const eventToken = (eventBefore && s.indexOf(eventBefore) > lastFraming ? eventBefore : null) ?? firstAfter(clause, ci, is('event'));
  const event = eventToken ? { event: eventToken.word.event, words: eventToken.text } : lastFraming >= 0 ? null : carried.event;
  const kindToken = lastBefore(s, fi, is('kind'));
  const kind = kindToken ? { kind: kindToken.word.kind, words: kindToken.text } : carried.kind;

  // A named batch or list says where it is when the sentence does not.
  const region = picked.region ?? (set ? { codes: [set.word.regionCode], base: null, words: set.text } : !picked.unplaced && carried.set ? { codes: [carried.set.regionCode], base: null, words: carried.set.words } : null);
  const unplaced = picked.unplaced;
  const subject = pickSubject(view, clause, ci, figureToken, earlier, found, carried);

  const measureToken = lastBefore(clause, ci, is('measure'));
  const yoyToken = lastBefore(clause, ci, is('yoy'));
  const growthToken = lastBefore(clause, ci, is('growth'));
  const planToken = lastBefore(s, fi, is('plan'));
  const base = figureToken.word.t === 'figure' && figureToken.word.figure.kind === 'percent' ? [...earlier].reverse().find((e) => e.token.word.t === 'figure' && e.token.word.figure.kind !== 'percent') : undefined;

  return {
    region,
    period,
    event: event ?? null,
    kind: kind ?? null,
    subject,
    // Batches and key lists hold projects; what counts enterprises or groups is not in them.
    set:
      subject && subject.subject !== 'projects'
        ? null
        : set
          ? { set: set.word.set, regionCode: set.word.regionCode, words: set.text }
          : s.slice(0, fi).some((t) => t.word.t !== 'period' && framing(t))
            ? null
            : carried.set,
    measure: measureToken ? { measure: measureToken.word.measure, words: measureToken.text } : null,
    yoy: yoyToken ? { sign: yoyToken.word.sign, words: yoyToken.text } : null,
    growthWithoutBase: !yoyToken && growthToken ? growthToken.text : null,
    plan: planToken?.text ?? null,
    base: base?.index ?? null,
    unplacedRegion: unplaced,
  };
}

/** The nearest region before the figure (a list of regions, if it is one), placed by any 分布于 list in the sentence. */
function pickRegion(
  view: SentenceView,
  fi: number,
  frame: Frame,
  placeWhole: (level: string, from: Frame['region']) => string | null,
  defaultRegion: string | null,
  vocabulary: Vocabulary,
): { region: Reading['region']; unplaced: string | null; located: Token[] } {
  const s = view.tokens;
  const isRegion = (t: Token | undefined) => !!t && (t.word.t === 'region' || t.word.t === 'wholeRegion');
  const joined = (x: Token, y: Token) => LIST_GAP.test(view.blockText.slice(x.end, y.start));
  const listAround = (i: number): Token[] => {
    let a = i;
    let b = i;
    while (a > 0 && isRegion(s[a - 1]) && joined(s[a - 1]!, s[a]!)) a--;
    while (b < s.length - 1 && isRegion(s[b + 1]) && joined(s[b]!, s[b + 1]!)) b++;
    const list = s.slice(a, b + 1);
    // A bare county name (永胜) is a region only in a list with a fuller name (宁蒗县).
    return list.some((t) => t.word.t !== 'region' || !t.word.weak) ? list : [];
  };
  let unplaced: string | null = null;
  const codesOf = (list: Token[], context: Frame['region']): string[] =>
    list.flatMap((t) => {
      if (t.word.t === 'region') return [t.word.code];
      if (t.word.t === 'wholeRegion') {
        const code = placeWhole(t.word.level, context);
        if (!code) unplaced = t.text;
        return code ? [code] : [];
      }
      return [];
    });

  // Regions after 分布于 place the subject; they are not the region the figure is about.
  const locate = s.findIndex((t) => t.word.t === 'locate');
  const locateFirst = locate >= 0 ? s.findIndex((t, i) => i > locate && isRegion(t) && t.clause === s[locate]!.clause) : -1;
  const located = locateFirst >= 0 ? listAround(locateFirst) : [];

  let picked: Reading['region'] = null;
  for (let i = fi - 1; i >= 0 && !picked; i--) {
    if (!isRegion(s[i]) || located.includes(s[i]!)) continue;
    const list = listAround(i);
    const codes = list.length ? codesOf(list, frame.region) : [];
    if (codes.length) picked = { codes, base: null, words: list.map((t) => t.text).join('、') };
  }
  const outer = picked ?? frame.region ?? (defaultRegion ? { codes: [defaultRegion], base: null, words: '' } : null);
  if (located.length) {
    const list = located;
    const codes = codesOf(list, outer);
    if (codes.length) {
      const single = outer && outer.codes.length === 1 ? outer.codes[0]! : null;
      const base = single && codes.every((c) => within(vocabulary, c, single)) ? single : null;
      const words = [outer?.words, list.map((t) => t.text).join('、')].filter(Boolean).join(' › ');
      return { region: { codes, base, words }, unplaced, located };
    }
  }
  return { region: outer, unplaced, located };
}

function within(vocabulary: Vocabulary, code: string, ancestor: string): boolean {
  const r = vocabulary.regionByCode.get(code);
  const a = vocabulary.regionByCode.get(ancestor);
  return !!r && !!a && r.path.startsWith(a.path);
}
