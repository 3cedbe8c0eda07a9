import { roles, POSITIONS, type AccessTable, type Case } from '../../test/access/types.js';
import type { World } from '../../test/access/world.js';
import { projectCode } from '../../test/fixtures.js';
import { multipart } from '../../test/uploads.js';
import { workbook } from '../../test/workbooks.js';

/** Importing projects is editing them: a reporter's or an administrator's work. */
const editors = roles('reporter', 'admin');

const PROJECT_HEADER = ['项目代码', '项目名称', '项目类型', '责任区域', '项目类别', '项目级别', '项目阶段', '签约日期', '开工日期', '总投资（万元）', '协议金额（万元）'];

/**
 * A workbook of one new project in `region`. Its code and name are the caller's own text, not
 * secrets: every caller gets them back in the answer, whoever may write them.
 */
async function projectWorkbook(w: World, region = '530302') {
  const row = [projectCode(region), w.fresh('导入矩阵项目'), '招商引资', region, '能源以外工业', '州市重点', '在建', '2021-11-20', '2022-02-15', 120000, 100000];
  return multipart(await workbook([{ name: '项目清单', rows: [PROJECT_HEADER, row] }]), '项目清单.xlsx');
}

/** Where a caller may hold a project of their own: their region, or 麒麟区 for the province (which holds none itself). */
const ownRegion = (c: Case) => (c.position && c.position !== 'province' ? POSITIONS[c.position].region : '530302');

export const access: AccessTable = {
  'GET /api/v1/exchange/templates/{kind}': [
    { label: 'projects', scope: 'global', ok: 200, request: () => ({ params: { kind: 'projects' } }) },
    { label: 'monthly reports', scope: 'global', ok: 200, request: () => ({ params: { kind: 'monthly-reports' } }) },
  ],
  // A dry run checks a workbook and writes nothing; a row naming a region outside the caller's
  // area is one of the problems it lists, so every editor gets an answer.
  'POST /api/v1/imports': [
    {
      label: 'a dry run',
      scope: 'list',
      readOnly: true,
      may: editors,
      ok: 200,
      setup: (w) => projectWorkbook(w),
      request: (f) => ({ query: { dryRun: 'true' }, body: f.body, headers: f.headers }),
    },
    {
      label: 'committing rows of the caller’s own area',
      scope: 'global',
      may: editors,
      ok: 200,
      setup: (w, c) => projectWorkbook(w, ownRegion(c)),
      request: (f) => ({ query: { dryRun: 'false' }, body: f.body, headers: f.headers }),
    },
  ],
  'POST /api/v1/imports/annotated': {
    scope: 'list',
    readOnly: true,
    may: editors,
    ok: 200,
    setup: (w) => projectWorkbook(w),
    request: (f) => ({ body: f.body, headers: f.headers }),
  },
  'GET /api/v1/exports/projects': [
    { label: 'as a workbook', scope: 'list', ok: 200, shows: false, setup: (w) => w.project(), request: () => ({}) },
    { label: 'one project as CSV', scope: 'list', ok: 200, setup: (w) => w.project(), request: (f) => ({ query: { format: 'csv', q: f.code } }) },
  ],
};
