/**
 * The words around a figure that say what it counts or sums: regions (from the region table, with
 * their short names), period words, what happened (开工, 签约, 在建, 集中开工), measures (总投资,
 * 计划完成投资, 省外到位资金, 协议总额), qualifiers of the projects (产业, 能源工业, 市直, 5亿元以上,
 * 招商引资), the things counted (项目, 企业, 包保小组), named batches and key lists, and the words
 * that make a figure a plan rather than a record (规划, 力争, 预计). A text is cut into these words,
 * left to right, longest first; everything else is ordinary text.
 */
import type { AttributeKey, EnterpriseKind, EnterpriseProgramme, FundSource, ProjectLevel } from './catalog.js';
import type { RegionLevel } from './regions.js';
import type { ProjectKind } from './stages.js';
import { toHalfWidth } from './chinese-numbers.js';
import { fenToYuan } from './money.js';
import { findFigures, type FoundFigure } from './draft-figures.js';
import { periodWordAt, type PeriodSpan } from './chinese-periods.js';

export type EventWord = 'started' | 'batch' | 'signed' | 'completed' | 'construction' | 'negotiating';
export type SubjectWord = 'projects' | 'enterprises' | 'groups';

export type MeasureWord =
  | { kind: 'totalInvestment' }
  | { kind: 'agreementAmount' }
  /** `year`: written before the words ("2022年计划完成投资"); otherwise the period's year. */
  | { kind: 'plannedInvestment'; year: number | null }
  | { kind: 'completedInvestment'; cumulative: boolean }
  | { kind: 'fundsInPlace'; source: FundSource | null; cumulative: boolean }
  | { kind: 'attr'; key: AttributeKey };

export type Word =
  | { t: 'region'; code: string; weak: boolean }
  /** 全州, 全市, 全县: the region the text is about at that point. */
  | { t: 'wholeRegion'; level: RegionLevel }
  | { t: 'event'; event: EventWord }
  | { t: 'kind'; kind: ProjectKind }
  | { t: 'category'; code: string }
  | { t: 'managedBy' }
  | { t: 'level'; level: ProjectLevel }
  | { t: 'size'; min: string | null; max: string | null }
  | { t: 'measure'; measure: MeasureWord }
  | { t: 'yoy'; sign: 1 | -1 }
  /** 增长/下降 without saying against what (同比). */
  | { t: 'growth' }
  | { t: 'noun'; subject: SubjectWord; enterpriseKind?: EnterpriseKind }
  | { t: 'programme'; programme: EnterpriseProgramme }
  | { t: 'plan' }
  /** 分布于, 位于: the regions after it place the subject, wherever the figure stands. */
  | { t: 'locate' }
  | { t: 'set'; set: { batch: number } | { keyList: number }; regionCode: string }
  | { t: 'period'; span: PeriodSpan }
  | { t: 'figure'; figure: FoundFigure }
  /** Words that contain a word above but mean something else: 建成后 is not 建成, 开工数 not 开工. */
  | { t: 'other' };

export interface Token {
  word: Word;
  text: string;
  start: number;
  end: number;
  clause: number;
  sentence: number;
}

const FUND_SOURCE_WORDS: [string, FundSource][] = [
  ['省外', 'outOfProvince'],
  ['省内', 'inProvince'],
  ['外资', 'foreign'],
  ['中央预算内', 'centralBudget'],
  ['专项债券', 'specialBonds'],
  ['专项债', 'specialBonds'],
  ['银行贷款', 'bankLoans'],
  ['企业自筹', 'selfRaised'],
  ['自筹', 'selfRaised'],
];

function staticWords(): [string, Word][] {
  const w: [string, Word][] = [];
  const add = (word: Word, ...texts: string[]) => texts.forEach((t) => w.push([t, word]));
  add({ t: 'event', event: 'started' }, '开工', '新开工', '开工建设', '计划开工', '动工', '新建开工');
  add({ t: 'event', event: 'batch' }, '集中开工', '开工仪式', '集中开工仪式');
  add({ t: 'event', event: 'signed' }, '签约', '新签约', '签订', '签署');
  add({ t: 'event', event: 'completed' }, '竣工', '投产', '建成投产', '竣工投产', '完工');
  add({ t: 'event', event: 'construction' }, '在建', '续建');
  add({ t: 'event', event: 'negotiating' }, '在谈');
  add({ t: 'other' }, '建成后', '开工数', '投产后', '签约促开工', '开工项目促投产', '在谈促签约');
  add({ t: 'kind', kind: 'investment-attraction' }, '招商引资');
  add({ t: 'kind', kind: 'government' }, '政府投资');
  add({ t: 'managedBy' }, '市直', '州直', '州市直');
  add({ t: 'level', level: 'provincial' }, '省级重点', '省重点');
  add({ t: 'level', level: 'prefectural' }, '州市级重点', '州(市)级重点', '市级重点', '州级重点', '州市重点');
  add({ t: 'level', level: 'county' }, '县级重点', '县区级重点');
  add({ t: 'measure', measure: { kind: 'totalInvestment' } }, '总投资', '投资总额', '计划总投资', '项目总投资', '总投资额');
  add({ t: 'measure', measure: { kind: 'agreementAmount' } }, '协议总额', '协议金额', '协议投资', '协议投资额', '签约金额', '签约总额', '签约资金', '合同金额');
  add({ t: 'measure', measure: { kind: 'completedInvestment', cumulative: false } }, '完成投资', '完成固定资产投资', '已完成投资');
  add({ t: 'measure', measure: { kind: 'completedInvestment', cumulative: true } }, '累计完成投资');
  add({ t: 'measure', measure: { kind: 'fundsInPlace', source: null, cumulative: false } }, '到位资金', '资金到位', '实际到位资金');
  add({ t: 'measure', measure: { kind: 'fundsInPlace', source: null, cumulative: true } }, '累计到位资金', '库存资金');
  for (const [word, source] of FUND_SOURCE_WORDS) {
    add({ t: 'measure', measure: { kind: 'fundsInPlace', source, cumulative: false } }, `${word}到位资金`, `到位${word}资金`);
  }
  add({ t: 'measure', measure: { kind: 'attr', key: 'expectedAnnualTax' } }, '税收', '年均税收', '年均实现税收', '实现税收', '年税收', '年纳税', '年均纳税');
  add({ t: 'measure', measure: { kind: 'attr', key: 'expectedAnnualOutput' } }, '产值', '年产值', '年均产值');
  add({ t: 'measure', measure: { kind: 'attr', key: 'capacityKw' } }, '装机', '装机容量', '装机规模', '装机总规模', '总装机', '总装机容量');
  add({ t: 'measure', measure: { kind: 'attr', key: 'landAreaMu' } }, '用地', '用地面积', '占地', '占地面积');
  add({ t: 'measure', measure: { kind: 'attr', key: 'jobsCreated' } }, '带动就业', '解决就业', '就业');
  add({ t: 'yoy', sign: 1 }, '同比增长', '同比增加', '同比上升', '同比提高', '比上年同期增长', '较上年同期增长', '比去年同期增长', '较去年同期增长');
  add({ t: 'yoy', sign: -1 }, '同比下降', '同比减少', '同比回落', '同比下滑', '比上年同期下降', '较上年同期下降', '比去年同期下降');
  add({ t: 'growth' }, '增长', '增加', '下降', '减少', '环比增长', '环比下降');
  add({ t: 'noun', subject: 'projects' }, '项目');
  add({ t: 'noun', subject: 'enterprises' }, '企业');
  add({ t: 'noun', subject: 'groups' }, '包保小组', '包保组');
  add({ t: 'noun', subject: 'enterprises', enterpriseKind: 'foreign-invested' }, '外商投资企业', '外资企业');
  add({ t: 'noun', subject: 'enterprises', enterpriseKind: 'newly-introduced' }, '新引进企业');
  add({ t: 'noun', subject: 'enterprises', enterpriseKind: 'negotiating' }, '在谈企业');
  add({ t: 'noun', subject: 'enterprises', enterpriseKind: 'target' }, '目标企业', '招商目标企业');
  add({ t: 'noun', subject: 'enterprises', enterpriseKind: 'chamber-of-commerce' }, '商会企业', '异地商会企业');
  add({ t: 'programme', programme: 'enterprise-visits' }, '招商服务进万企');
  add({ t: 'plan' }, '规划', '力争', '目标', '预计', '预期', '约需', '行动计划', '计划到');
  add({ t: 'locate' }, '分布于', '分布在', '位于', '落户', '落户于');
  add({ t: 'wholeRegion', level: 'province' }, '全省');
  add({ t: 'wholeRegion', level: 'prefecture' }, '全州', '全市', '全州(市)');
  add({ t: 'wholeRegion', level: 'county' }, '全县', '全区', '全县(市、区)');
  return w;
}

/** "2022年计划完成投资", "年度计划完成投资", "计划投资": the plan of a year. */
const PLANNED = /(?:(\d{4})年度?|年度|今年|全年|本年度?)?(?:计划完成投资|计划投资|投资计划)/y;

export interface VocabularyData {
  regions: { code: string; name: string; shortName: string; level: RegionLevel; parentCode: string | null; path: string }[];
  categories: { code: string; nameZh: string }[];
  batches: { id: number; name: string; regionCode: string; heldOn: string }[];
  keyLists: { id: number; name: string; regionCode: string; year: number }[];
}

export interface Vocabulary {
  data: VocabularyData;
  regionByCode: Map<string, VocabularyData['regions'][number]>;
  byFirst: Map<string, { text: string; word: Word }[]>;
}

/** Names a region goes by: 红河哈尼族彝族自治州, 红河州, 红河; 宁蒗彝族自治县, 宁蒗县, and 宁蒗 (weak: only in a list with a stronger name). */
function regionNames(r: VocabularyData['regions'][number]): { text: string; weak: boolean }[] {
  const names = [{ text: r.name, weak: false }];
  const short = r.shortName;
  if (!short || short === r.name) return names;
  if (r.level === 'county') {
    if (/自治县$/.test(r.name)) names.push({ text: `${short}县`, weak: false });
    names.push({ text: short, weak: true });
  } else {
    names.push({ text: short, weak: false });
    if (r.level === 'prefecture' && /州$/.test(r.name)) names.push({ text: `${short}州`, weak: false });
  }
  return names;
}

export function buildVocabulary(data: VocabularyData): Vocabulary {
  const entries: [string, Word][] = staticWords();
  // Higher levels first, so that a short name two regions share (红河) names the prefecture.
  const levels: Record<string, number> = { province: 0, prefecture: 1, zone: 2, county: 3 };
  const regions = [...data.regions].sort((a, b) => levels[a.level]! - levels[b.level]!);
  const taken = new Set<string>();
  for (const r of regions) {
    for (const n of regionNames(r)) {
      if (n.text.length < 2 || taken.has(n.text)) continue;
      taken.add(n.text);
      entries.push([n.text, { t: 'region', code: r.code, weak: n.weak }]);
    }
  }
  // A category qualifies the 项目 that follows it: 产业项目, 能源工业项目, “新能源+绿氢”项目.
  for (const c of data.categories) {
    const word = toHalfWidth(c.nameZh).replace(/(项目|类)$/, '');
    if (word.length >= 2) entries.push([word, { t: 'category', code: c.code }]);
  }
  const regionByCode = new Map(data.regions.map((r) => [r.code, r]));
  const setNames = (name: string, regionCode: string): string[] => {
    const full = toHalfWidth(name);
    const region = regionByCode.get(regionCode);
    const prefixes = region ? regionNames(region).map((n) => n.text) : [];
    const bare = prefixes.filter((p) => full.startsWith(p)).map((p) => full.slice(p.length));
    return [full, ...bare.filter((b) => b.length >= 6)];
  };
  for (const b of data.batches) for (const n of setNames(b.name, b.regionCode)) entries.push([n, { t: 'set', set: { batch: b.id }, regionCode: b.regionCode }]);
  for (const k of data.keyLists) for (const n of setNames(k.name, k.regionCode)) entries.push([n, { t: 'set', set: { keyList: k.id }, regionCode: k.regionCode }]);

  const byFirst = new Map<string, { text: string; word: Word }[]>();
  for (const [text, word] of entries) {
    const key = text[0]!;
    const list = byFirst.get(key) ?? [];
    list.push({ text, word });
    byFirst.set(key, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.text.length - a.text.length);
  return { data, regionByCode, byFirst };
}

const QUOTES: Record<string, string> = { '“': '”', '《': '》', '「': '」', '『': '』', '"': '"', '(': ')', '（': '）' };
const CLAUSE_END = /[，,；;：:]/;
const SENTENCE_END = /[。！？!?]/;

/** Where clauses and sentences end; a comma inside quotes or brackets ends nothing. */
function boundaries(text: string): { clause: number[]; sentence: number[] } {
  const clause: number[] = [];
  const sentence: number[] = [];
  let c = 0;
  let s = 0;
  const open: { close: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    // A quote left open (a typo) stops holding clauses together after a while.
    while (open.length && i - open[open.length - 1]!.at > 80) open.pop();
    if (open.length && ch === open[open.length - 1]!.close) open.pop();
    else if (QUOTES[ch]) open.push({ close: QUOTES[ch]!, at: i });
    clause.push(c);
    sentence.push(s);
    if (open.length === 0 && SENTENCE_END.test(ch)) {
      c++;
      s++;
    } else if (open.length === 0 && CLAUSE_END.test(ch)) c++;
  }
  clause.push(c);
  sentence.push(s);
  return { clause, sentence };
}

/**
 * Cuts a block of text into words, left to right: at each position the longest of a figure, a
 * dictionary word or a period word (read against `today`). Positions are those of `input`.
 */
export function readWords(input: string, vocabulary: Vocabulary, today: string): Token[] {
  const text = toHalfWidth(input);
  const figures = new Map(findFigures(input).map((f) => [f.start, f]));
  const { clause, sentence } = boundaries(text);
  const tokens: Token[] = [];
  for (let i = 0; i < text.length; ) {
    const best: { word: Word | null; length: number } = { word: null, length: 0 };
    const consider = (word: Word, length: number) => {
      if (length > best.length) Object.assign(best, { word, length });
    };
    const figure = figures.get(i);
    if (figure) consider(figure.bound && figure.kind === 'amount' ? sizeWord(figure) : { t: 'figure', figure }, figure.end - i);
    for (const entry of vocabulary.byFirst.get(text[i]!) ?? []) {
      if (entry.text.length <= best.length) break;
      if (text.startsWith(entry.text, i)) consider(entry.word, entry.text.length);
    }
    PLANNED.lastIndex = i;
    const planned = PLANNED.exec(text);
    if (planned) consider({ t: 'measure', measure: { kind: 'plannedInvestment', year: planned[1] ? Number(planned[1]) : null } }, planned[0].length);
    const glued = /[\dA-Za-z.]/.test(text[i - 1] ?? '') && /\d/.test(text[i]!);
    const period = glued ? null : periodWordAt(text, i, today);
    if (period) {
      const { from, to, kind, runsToDate } = period;
      consider({ t: 'period', span: { from, to, kind, runsToDate } }, period.end - i);
    }
    if (best.word) {
      const end = i + best.length;
      tokens.push({ word: best.word, text: input.slice(i, end), start: i, end, clause: clause[i]!, sentence: sentence[i]! });
      i = end;
    } else i++;
  }
  return tokens;
}

/** "5亿元以上" → total investment of at least 5亿; "1亿元以下" → below 1亿. */
function sizeWord(f: FoundFigure): Word {
  const yuan = f.value.scale === 0 ? f.value.units.toString() : null;
  if (yuan === null) return { t: 'other' };
  if (f.bound === 'atLeast') return { t: 'size', min: yuan, max: null };
  // 以下 excludes the bound itself, as statistics bands are written (1亿元以下 and 1亿元以上 do not
  // overlap); 及以下 and 以内 include it.
  if (/(及以下|以内)$/.test(f.text)) return { t: 'size', min: null, max: yuan };
  return { t: 'size', min: null, max: fenToYuan(BigInt(yuan) * 100n - 1n) };
}
