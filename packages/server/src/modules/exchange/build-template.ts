import ExcelJS from 'exceljs';
import { KIND_LABELS, LEVEL_LABELS, STAGE_LABELS, chinaDate, chinaPeriod } from '@guatu/core';
import type { Database } from '../../db/client.js';
import type { Actor } from '../../policies/actor.js';
import { listCategories } from '../catalog/catalog.repository.js';
import { listRegions } from '../regions/regions.repository.js';
import { EXAMPLE_MARK, SHEET_SPECS, headerText, planYearColumn, type ColumnDef, type SheetKind } from './columns.js';
import { cellFor } from './cell-values.js';
import { writeHeader } from './sheet-header.js';

export const TEMPLATE_KINDS = { projects: 'projects', 'annual-plans': 'annualPlans', 'monthly-reports': 'monthlyReports' } as const satisfies Record<string, SheetKind>;
export type TemplateKind = keyof typeof TEMPLATE_KINDS;

const LIST_SHEET = '代码表';
const VALIDATED_ROWS = 5000;

const TYPE_NOTES: Partial<Record<ColumnDef['type'], string>> = {
  amount: '金额；可填数字或带单位，如 1,254.5、12.5万元、3.2亿；无单位时按表头单位',
  date: '日期；如 2022-03-01、2022年3月1日、2022/3/1',
  month: '月份；如 2022-03、2022年3月',
  kind: '下拉选择',
  level: '下拉选择',
  stage: '下拉选择',
  region: '下拉选择（区划代码 名称）',
  category: '下拉选择',
  integer: '整数',
  percent: '0–100 的数字',
  year: '四位年份，如 2022',
};

/**
 * A template workbook: an instructions sheet, the data sheet with Chinese headers, drop-downs
 * filled from the user's own regions and the code lists, and one example row (which the import
 * skips). The templates are built from the same column lists as imports and exports.
 */
export async function buildTemplate(database: Database, actor: Actor, kind: TemplateKind): Promise<Buffer> {
  const sheetKind = TEMPLATE_KINDS[kind];
  const spec = SHEET_SPECS[sheetKind];
  const year = Number(chinaDate().slice(0, 4));
  const columns = [...spec.columns.filter((c) => !c.readOnly || c.key === 'projectName'), ...(sheetKind === 'projects' ? [planYearColumn(year), planYearColumn(year + 1)] : [])];
  const [regions, categories] = await Promise.all([listRegions(database.db, actor, {}), listCategories(database.db)]);
  const ownRegions = regions.filter((r) => r.path.startsWith(actor.regionPath) && r.level !== 'province');
  const regionLabel = (code: string) => {
    const r = regions.find((x) => x.code === code);
    return r ? `${r.code} ${r.name}` : code;
  };

  const book = new ExcelJS.Workbook();
  book.creator = 'Guatu 挂图';
  const guide = book.addWorksheet('填表说明');
  const data = book.addWorksheet(spec.title, { views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }] });
  const lists = book.addWorksheet(LIST_SHEET, { state: 'hidden' });

  const listValues: Record<string, string[]> = {
    kind: Object.values(KIND_LABELS).map((l) => l.zh),
    level: Object.values(LEVEL_LABELS).map((l) => l.zh),
    stage: Object.values(STAGE_LABELS).map((l) => l.zh),
    region: ownRegions.map((r) => `${r.code} ${r.name}`),
    category: categories.map((c) => c.nameZh),
  };
  const listRange: Record<string, string> = {};
  Object.entries(listValues).forEach(([name, values], i) => {
    const col = lists.getColumn(i + 1);
    col.values = [name, ...values];
    const letter = col.letter;
    listRange[name] = `'${LIST_SHEET}'!$${letter}$2:$${letter}$${Math.max(2, values.length + 1)}`;
  });

  const headerEnd = writeHeader(data, columns, 1, { mark: true });
  columns.forEach((c, i) => (data.getColumn(i + 1).width = c.width ?? 14));
  const example = exampleRow(sheetKind, actor, ownRegions[0]?.code ?? actor.regionCode, year);
  const row = data.getRow(headerEnd + 1);
  columns.forEach((c, i) => {
    const out = cellFor(c, example[c.key], { region: regionLabel, category: (code) => categories.find((x) => x.code === code)?.nameZh ?? code });
    const cell = row.getCell(i + 1);
    cell.value = out.value;
    if (out.numFmt) cell.numFmt = out.numFmt;
    cell.font = { italic: true, color: { argb: 'FF808080' } };
  });
  const validations = (data as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  columns.forEach((c, i) => {
    const list = c.type in listRange ? listRange[c.type] : undefined;
    if (!list) return;
    const letter = data.getColumn(i + 1).letter;
    validations.add(`${letter}${headerEnd + 1}:${letter}${headerEnd + VALIDATED_ROWS}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [list],
      showErrorMessage: true,
      errorTitle: '请从下拉列表中选择',
      error: `“${c.header}”请从下拉列表中选择`,
    });
  });

  guide.columns = [{ width: 26 }, { width: 8 }, { width: 90 }];
  const lines: (string | null)[][] = [
    [`挂图 Guatu 导入模板：${spec.title}`],
    [`生成于 ${chinaDate()}，适用于 ${actor.displayName} 所在区域（${actor.regionCode}）。`],
    ['• 第一张数据表的表头请勿修改；可增删数据行，空行会被跳过。'],
    [`• 按“项目代码”匹配已有项目：同一文件重复导入不会产生任何变化。示例行（项目代码以“${EXAMPLE_MARK}”开头）导入时跳过，可删除。`],
    ['• 导入先试运行并列出全部问题；有任何问题时不写入任何数据，改正后重新导入即可。'],
    ['• 金额默认以表头单位（万元）计，也可在单元格中写明单位，如“3.2亿”“1254亿元”“12.5万元”。'],
    ['• 文件不能设打开密码，不能含隐藏的数据表；公式须有计算结果（在 Excel 或 WPS 中保存过）。'],
    [],
    ['列', '必填', '说明'],
    ...columns.map((c) => [headerText(c), c.required ? '是' : '', [c.note, TYPE_NOTES[c.type], c.readOnly ? '仅供核对，导入时不读取' : null].filter(Boolean).join('；') || null]),
  ];
  if (sheetKind === 'projects') lines.push([], ['• 可增加“YYYY年计划投资（万元）”列，填写各年度计划投资；各年度合计不能超过总投资。']);
  if (sheetKind === 'monthlyReports') lines.push([], [`• 填报月份不能晚于本月（${chinaPeriod()}）；已提交或已审核的月报不能通过导入修改。`]);
  lines.forEach((l) => guide.addRow(l));
  guide.getRow(1).font = { bold: true, size: 14 };
  guide.getRow(9).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

function exampleRow(kind: SheetKind, actor: Actor, region: string, year: number): Record<string, unknown> {
  const code = `${EXAMPLE_MARK}${year}-${region}-44-01-000001`;
  if (kind === 'annualPlans') return { code, projectName: '（示例）年产10万吨新能源电池材料项目', year, amount: '400000000' };
  if (kind === 'monthlyReports') {
    return {
      code,
      projectName: '（示例）年产10万吨新能源电池材料项目',
      period: chinaPeriod(),
      completedInvestment: '35000000',
      'funds.outOfProvince': '30000000',
      'funds.bankLoans': '5000000',
      physicalProgress: '主体厂房钢结构完成60%',
      progressPercent: 45,
      workersOnSite: 320,
      workersExpected: 400,
      narrative: '设备招标已完成',
    };
  }
  return {
    code,
    name: '（示例）年产10万吨新能源电池材料项目',
    kind: 'investment-attraction',
    regionCode: region,
    locationRegionCode: region,
    longitude: '103.804',
    latitude: '25.496',
    categoryCode: 'other-industry',
    level: 'prefectural',
    stage: 'construction',
    signedOn: `${year - 1}-11-20`,
    startedOn: `${year}-02-15`,
    totalInvestment: '1200000000',
    agreementAmount: '1000000000',
    'liaisonLeader.name': '李云峰',
    'liaisonLeader.title': '副市长',
    workingTeam: '市发改委、市工信局',
    caseFile: `${actor.regionCode}-${year}-017`,
    [`annualPlans.${year}`]: '400000000',
    [`annualPlans.${year + 1}`]: '500000000',
    'attributes.expectedAnnualTax': '36000000',
  };
}
