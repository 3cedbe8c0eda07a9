/**
 * What a figure counts or sums over: the projects, enterprises or 包保 groups named around it, and
 * how they are qualified (产业, 能源工业, 市直, 5亿元以上, 招商服务进万企). See figure-reading.ts.
 */
import type { EnterpriseKind, EnterpriseProgramme, ProjectLevel } from './catalog.js';
import type { SubjectWord, Token, Word } from './figure-words.js';
import type { ReadFigure, SentenceView } from './figure-reading.js';

export interface Qualifiers {
  categories: string[];
  managedByPrefecture: boolean;
  levels: ProjectLevel[];
  minTotalInvestment: string | null;
  maxTotalInvestment: string | null;
  enterpriseKinds: EnterpriseKind[];
  programmes: EnterpriseProgramme[];
}

export interface SubjectReading {
  /** 'other': a noun Guatu does not count (部门, 专利, 方面). */
  subject: SubjectWord | 'other';
  qualifiers: Qualifiers;
  words: string;
}

const EMPTY_QUALIFIERS = (): Qualifiers => ({ categories: [], managedByPrefecture: false, levels: [], minTotalInvestment: null, maxTotalInvestment: null, enterpriseKinds: [], programmes: [] });

const QUALIFIER_WORDS = new Set(['category', 'managedBy', 'level', 'size', 'programme']);
const BOUNDARY_WORDS = new Set(['noun', 'figure', 'measure']);
/** The qualifiers written between the previous noun, figure or measure and `end` in the clause. */
function qualifiersBefore(clause: Token[], end: number, skip?: Token): { q: Qualifiers; words: string[] } {
  const q = EMPTY_QUALIFIERS();
  const words: string[] = [];
  for (let i = end - 1; i >= 0; i--) {
    const t = clause[i]!;
    if (t === skip) continue;
    if (BOUNDARY_WORDS.has(t.word.t)) break;
    if (!QUALIFIER_WORDS.has(t.word.t)) continue;
    words.unshift(t.text);
    const w = t.word;
    if (w.t === 'category') q.categories.unshift(w.code);
    else if (w.t === 'managedBy') q.managedByPrefecture = true;
    else if (w.t === 'level') q.levels.unshift(w.level);
    else if (w.t === 'size') {
      q.minTotalInvestment = w.min ?? q.minTotalInvestment;
      q.maxTotalInvestment = w.max ?? q.maxTotalInvestment;
    } else if (w.t === 'programme') q.programmes.unshift(w.programme);
  }
  return { q, words };
}

const isBare = (q: Qualifiers) =>
  !q.categories.length && !q.managedByPrefecture && !q.levels.length && !q.minTotalInvestment && !q.maxTotalInvestment && !q.enterpriseKinds.length && !q.programmes.length;

/** A noun token as a subject: its qualifiers, or those of a qualified noun before it in the clause (the same projects). */
function subjectOfNoun(clause: Token[], index: number, skip?: Token): SubjectReading {
  const noun = clause[index]! as Token & { word: Extract<Word, { t: 'noun' }> };
  const { q, words } = qualifiersBefore(clause, index, skip);
  if (noun.word.enterpriseKind) q.enterpriseKinds.push(noun.word.enterpriseKind);
  const own: SubjectReading = { subject: noun.word.subject, qualifiers: q, words: [...words, noun.text].join('') };
  if (!isBare(q)) return own;
  for (let i = index - 1; i >= 0; i--) {
    const t = clause[i]!;
    if (t.word.t === 'noun' && t.word.subject === noun.word.subject) {
      const earlier = subjectOfNoun(clause, i);
      if (!isBare(earlier.qualifiers)) return { ...earlier, words: `${earlier.words}…${noun.text}` };
    }
  }
  return own;
}

type Frame = { subject: SubjectReading | null };

/** What the figure counts or sums over; see the rules at the top of the file. */
export function pickSubject(
  view: SentenceView,
  clause: Token[],
  ci: number,
  figureToken: Token,
  earlier: { token: Token; index: number }[],
  found: ReadFigure[],
  frame: Frame,
): SubjectReading | null {
  const f = (figureToken.word as Extract<Word, { t: 'figure' }>).figure;
  if (f.kind === 'count' || f.kind === 'quantity') {
    // The noun right after a count: 394个重大项目, 6个划片包保小组, 19个部门.
    const next = clause[ci + 1];
    const gap = next ? view.blockText.slice(figureToken.end, next.start) : '';
    if (next && next.word.t === 'noun' && gap.length <= 10 && !/[，。；,;：:]/.test(gap)) return subjectOfNoun(clause, ci + 1, figureToken);
    const following = view.blockText
      .slice(figureToken.end)
      .match(/^[^\s，。；、,;：:！？!?“”"（）()《》]{1,4}/)?.[0]
      ?.replace(/(共|的|等|为|在|是|对|将|已|和|及|与).*$/, '');
    if (following && !/^(以上|以下|左右|余|多|的|共|和|及|与|或)/.test(following) && !(next && next.start === figureToken.end && next.word.t !== 'noun')) {
      return { subject: 'other', qualifiers: EMPTY_QUALIFIERS(), words: following };
    }
  }
  for (let i = ci - 1; i >= 0; i--) if (clause[i]!.word.t === 'noun') return subjectOfNoun(clause, i);
  const before = earlier[earlier.length - 1];
  if (before) return found[before.index]!.reading.subject;
  const s = view.tokens;
  const firstNoun = s.findIndex((t) => t.word.t === 'noun' && t.start < figureToken.start);
  if (firstNoun >= 0) {
    const nounClause = s.filter((t) => t.clause === s[firstNoun]!.clause);
    return subjectOfNoun(nounClause, nounClause.indexOf(s[firstNoun]!));
  }
  return frame.subject;
}
