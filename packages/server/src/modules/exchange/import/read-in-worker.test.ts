import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workbook } from '../../../test/workbooks.js';
import { DEFAULT_IMPORT_LIMITS } from '../import-limits.js';
import type { CodeLookups } from '../workbook/cells.js';
import { WorkbookError, inspectWorkbook } from '../workbook/inspect-workbook.js';
import { readSheetRowsInWorker } from './read-in-worker.js';
import { readSheetEvents, type ReadState, type SheetEvent } from './read-sheets.js';

const dir = mkdtempSync(join(tmpdir(), 'guatu-read-in-worker-'));
const lookups: CodeLookups = {
  regionByCode: new Map([['530302', { code: '530302', name: '麒麟区', shortName: '麒麟', level: 'county', path: '530000/530300/530302/' }]]),
  regionCodesByName: new Map([['麒麟区', ['530302']]]),
  categoryByCode: new Map(),
  categoryCodeByName: new Map(),
};

async function both(file: string, maxRows = DEFAULT_IMPORT_LIMITS.maxRows) {
  const info = await inspectWorkbook(file, DEFAULT_IMPORT_LIMITS);
  const collect = async (read: typeof readSheetEvents) => {
    const state: ReadState = { sheets: [], issues: [] };
    const events: SheetEvent[] = [];
    for await (const batch of read(file, info, lookups, state, { maxRows })) events.push(...batch);
    return { events, state };
  };
  return { here: await collect(readSheetEvents), there: await collect(readSheetRowsInWorker) };
}

const REPORT_HEAD = ['项目代码', '填报月份', '本月完成投资（万元）', '到位资金-省外（万元）', '施工人数', '形象进度'];

describe('reading a workbook on a thread of its own', () => {
  it('yields the rows, cell problems and sheet reports of reading it here, across many batches', async () => {
    const reports = Array.from({ length: 4500 }, (_, i) => [
      `2021-530302-44-01-${String(i + 1).padStart(6, '0')}`,
      `2024-${String((i % 12) + 1).padStart(2, '0')}`,
      i % 97 === 0 ? '很多' : i * 1.25,
      i % 5 ? null : '12.5万元',
      i % 89 === 0 ? -3 : 100 + i,
      i % 3 ? '主体施工' : null,
    ]);
    const file = join(dir, 'many.xlsx');
    writeFileSync(
      file,
      await workbook([
        { name: '说明', rows: [['填表说明'], ['每月 5 日前报送']] },
        { name: '项目', rows: [['项目代码', '项目名称', '责任区域', '总投资（万元）'], ['2021-530302-44-01-000001', '园区项目', '不存在区', '1,254.5']] },
        { name: '月报', rows: [REPORT_HEAD, ...reports] },
        { name: '隐藏', state: 'hidden', rows: [REPORT_HEAD, reports[0]!] },
      ]),
    );
    const { here, there } = await both(file);
    expect(here.events.filter((e) => e.type === 'row')).toHaveLength(4501);
    expect(here.state.issues.map((i) => i.rule)).toEqual(['sheet.hidden']);
    expect(here.events.some((e) => e.type === 'row' && e.row.issues.length)).toBe(true);
    expect(there.events).toEqual(here.events);
    expect(there.state).toEqual(here.state);
  });

  it('stops with the same WorkbookError', async () => {
    const file = join(dir, 'rows.xlsx');
    writeFileSync(file, await workbook([{ name: '月报', rows: [REPORT_HEAD, ...Array.from({ length: 30 }, (_, i) => [`c${i}`, '2024-01', 1, 1, 1, 'x'])] }]));
    const info = await inspectWorkbook(file, DEFAULT_IMPORT_LIMITS);
    const read = async () => {
      for await (const event of readSheetRowsInWorker(file, info, lookups, { sheets: [], issues: [] }, { maxRows: 10 })) void event;
    };
    const error = await read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error).toMatchObject({ rule: 'file.tooManyRows', params: { max: 10 } });
  });
});
