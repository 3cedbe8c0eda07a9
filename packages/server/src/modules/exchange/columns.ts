import { ATTRIBUTE_KEYS, ATTRIBUTE_KEY_LIST, FUND_SOURCES, splitHeaderUnit, type FundSource } from '@guatu/core';

/**
 * The columns of each kind of sheet Guatu reads and writes: the header a template shows, the
 * other headers officers use for the same thing, and how a cell is read. Templates, exports and
 * imports all come from these lists, so an exported sheet imports as it is.
 */
export type CellType =
  | 'text'
  | 'code'
  | 'amount'
  | 'date'
  | 'month'
  | 'year'
  | 'integer'
  | 'percent'
  | 'decimal'
  | 'coordinate'
  | 'kind'
  | 'level'
  | 'stage'
  | 'region'
  | 'category';

export interface ColumnDef {
  /** The field the value goes to; `attributes.capacityKw`, `funds.outOfProvince`, `annualPlans.2022`. */
  key: string;
  header: string;
  /** The unit a template writes in the header; amounts read from a header without one are in 元. */
  unit?: string;
  aliases?: string[];
  type: CellType;
  required?: boolean;
  /** Written by exports for reading, ignored by imports. */
  readOnly?: boolean;
  /** Units a cell may carry besides none, for counts and attributes: 83.2万千瓦. */
  cellUnits?: string[];
  width?: number;
  note?: string;
}

/** A template's example row: its code starts with this mark, and imports skip it. */
export const EXAMPLE_MARK = '（示例）';
export const isExampleCode = (text: unknown) => typeof text === 'string' && /^\s*[（(]示例[)）]/.test(text);

export type SheetKind = 'projects' | 'annualPlans' | 'monthlyReports';
export const SHEET_KINDS: readonly SheetKind[] = ['projects', 'annualPlans', 'monthlyReports'];

export interface SheetSpec {
  kind: SheetKind;
  /** The sheet name templates and exports use. */
  title: string;
  columns: ColumnDef[];
  /** Columns a sheet must have to be read as this kind. */
  identifying: string[];
}

const attributeColumns: ColumnDef[] = ATTRIBUTE_KEY_LIST.map((key) => {
  const def = ATTRIBUTE_KEYS[key];
  const { label, unit } = splitHeaderUnit(def.zh);
  if (def.unit === 'yuan') return { key: `attributes.${key}`, header: label, unit: '万元', type: 'amount', width: 16 };
  return { key: `attributes.${key}`, header: label, unit: unit ?? undefined, type: 'decimal', cellUnits: unit ? [unit] : [], width: 14 };
});

export const PROJECT_COLUMNS: ColumnDef[] = [
  { key: 'code', header: '项目代码', type: 'code', required: true, width: 28, aliases: ['项目编码', '统一项目代码', '项目统一代码', '全国投资项目代码'], note: '全国投资项目在线审批监管平台赋码，如 2022-530302-44-01-000123；按此代码匹配已有项目' },
  { key: 'name', header: '项目名称', type: 'text', required: true, width: 40, aliases: ['名称'] },
  { key: 'kind', header: '项目类型', type: 'kind', required: true, width: 12, aliases: ['类型', '项目性质'] },
  { key: 'regionCode', header: '责任区域', type: 'region', required: true, width: 20, aliases: ['责任县区', '所属区域', '所属县区', '县（市、区）', '县市区', '地区'], note: '可填区划代码或名称，如“530302 麒麟区”' },
  { key: 'locationRegionCode', header: '项目所在县区', type: 'region', width: 20, aliases: ['项目所在地', '建设地点', '所在县区'] },
  { key: 'longitude', header: '经度', type: 'coordinate', width: 12 },
  { key: 'latitude', header: '纬度', type: 'coordinate', width: 12 },
  { key: 'categoryCode', header: '项目类别', type: 'category', required: true, width: 16, aliases: ['行业类别', '产业类别', '类别', '行业'] },
  { key: 'level', header: '项目级别', type: 'level', required: true, width: 12, aliases: ['级别', '重点项目级别'] },
  { key: 'stage', header: '项目阶段', type: 'stage', required: true, width: 12, aliases: ['阶段', '当前阶段', '项目进展阶段'] },
  { key: 'signedOn', header: '签约日期', type: 'date', width: 14, aliases: ['签约时间'] },
  { key: 'startedOn', header: '开工日期', type: 'date', width: 14, aliases: ['开工时间', '实际开工时间', '实际开工日期'] },
  { key: 'completedOn', header: '竣工日期', type: 'date', width: 14, aliases: ['竣工时间', '投产时间', '竣工投产日期'] },
  { key: 'totalInvestment', header: '总投资', unit: '万元', type: 'amount', required: true, width: 16, aliases: ['项目总投资', '计划总投资', '总投资额'] },
  { key: 'agreementAmount', header: '协议金额', unit: '万元', type: 'amount', width: 16, aliases: ['协议投资额', '签约金额', '协议总额', '协议投资'] },
  { key: 'investorCreditCode', header: '投资企业统一社会信用代码', type: 'code', width: 22, aliases: ['投资企业信用代码', '统一社会信用代码', '投资主体统一社会信用代码'] },
  { key: 'investorName', header: '投资企业', type: 'text', readOnly: true, width: 28 },
  { key: 'liaisonLeader.name', header: '挂钩联系领导', type: 'text', width: 12, aliases: ['联系领导', '挂钩领导'] },
  { key: 'liaisonLeader.title', header: '领导职务', type: 'text', width: 14, aliases: ['挂钩联系领导职务', '联系领导职务'] },
  { key: 'workingTeam', header: '工作班子', type: 'text', width: 24 },
  { key: 'caseFile', header: '工作专案', type: 'text', width: 16 },
  { key: 'description', header: '项目简介', type: 'text', width: 40, aliases: ['建设内容', '主要建设内容', '建设规模及内容'] },
  ...attributeColumns,
];

/** "2022年计划投资（万元）" on a project sheet: that year's annual plan. */
export const PLAN_YEAR_HEADER = /^(\d{4})年(?:度)?(?:计划投资|计划完成投资|投资计划)$/;
export const planYearColumn = (year: number): ColumnDef => ({ key: `annualPlans.${year}`, header: `${year}年计划投资`, unit: '万元', type: 'amount', width: 16 });

export const ANNUAL_PLAN_COLUMNS: ColumnDef[] = [
  { key: 'code', header: '项目代码', type: 'code', required: true, width: 28, aliases: ['项目编码', '统一项目代码'] },
  { key: 'projectName', header: '项目名称', type: 'text', readOnly: true, width: 40 },
  { key: 'year', header: '年度', type: 'year', required: true, width: 10, aliases: ['计划年度', '年份'] },
  { key: 'amount', header: '年度计划投资', unit: '万元', type: 'amount', required: true, width: 18, aliases: ['计划投资', '年度计划', '年度投资计划'] },
];

const FUND_LABELS: Record<FundSource, string[]> = {
  outOfProvince: ['省外'],
  inProvince: ['省内'],
  foreign: ['外资'],
  centralBudget: ['中央预算内', '中央预算内资金'],
  specialBonds: ['专项债券', '专项债'],
  bankLoans: ['银行贷款'],
  selfRaised: ['企业自筹', '自筹'],
};

const fundColumns: ColumnDef[] = FUND_SOURCES.map((source) => {
  const [main, ...more] = FUND_LABELS[source];
  const names = [main!, ...more];
  return {
    key: `funds.${source}`,
    header: `到位资金-${main}`,
    unit: '万元',
    type: 'amount',
    width: 12,
    aliases: names.flatMap((n) => [`到位资金${n}`, `${n}到位资金`, `${n}资金`, n]),
  } satisfies ColumnDef;
});

export const REPORT_COLUMNS: ColumnDef[] = [
  { key: 'code', header: '项目代码', type: 'code', required: true, width: 28, aliases: ['项目编码', '统一项目代码'] },
  { key: 'projectName', header: '项目名称', type: 'text', readOnly: true, width: 40 },
  { key: 'period', header: '填报月份', type: 'month', required: true, width: 12, aliases: ['月份', '调度月份', '统计月份', '报告期'], note: '如 2022-03、2022年3月' },
  { key: 'completedInvestment', header: '本月完成投资', unit: '万元', type: 'amount', required: true, width: 16, aliases: ['当月完成投资', '本期完成投资', '月度完成投资', '完成投资'] },
  ...fundColumns,
  { key: 'physicalProgress', header: '形象进度', type: 'text', width: 30 },
  { key: 'progressPercent', header: '工程进度', unit: '%', type: 'percent', width: 10, aliases: ['形象进度百分比', '完成比例', '工程进度百分比'] },
  { key: 'workersOnSite', header: '在岗人数', type: 'integer', cellUnits: ['人'], width: 10, aliases: ['在岗工人数', '现场人数'] },
  { key: 'workersExpected', header: '计划用工人数', type: 'integer', cellUnits: ['人'], width: 12, aliases: ['计划用工'] },
  { key: 'narrative', header: '进展情况', type: 'text', width: 40, aliases: ['工作进展', '进展说明'] },
  { key: 'status', header: '审核状态', type: 'text', readOnly: true, width: 10 },
];

export const SHEET_SPECS: Record<SheetKind, SheetSpec> = {
  projects: { kind: 'projects', title: '项目清单', columns: PROJECT_COLUMNS, identifying: ['code', 'name'] },
  annualPlans: { kind: 'annualPlans', title: '年度计划', columns: ANNUAL_PLAN_COLUMNS, identifying: ['code', 'year', 'amount'] },
  monthlyReports: { kind: 'monthlyReports', title: '月度调度', columns: REPORT_COLUMNS, identifying: ['code', 'period', 'completedInvestment'] },
};

/** The header text a template writes: "总投资（万元）", with * for required columns. */
export function headerText(column: ColumnDef, options: { mark?: boolean } = {}): string {
  const unit = column.unit ? `（${column.unit}）` : '';
  return `${options.mark && column.required ? '*' : ''}${column.header}${unit}`;
}
