import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chinaPeriod } from '@guatu/core';
import { closeBrowser, DESKTOP, newContext, PHONE, screenshot, settle, signIn } from '../lib/browser.js';
import { apiAs, createProject } from '../lib/api.js';

after(closeBrowser);

interface Screen {
  name: string;
  user: string | null;
  path: () => string;
}

let projectId = 0;
let reportId = 0;

before(async () => {
  const project = await createProject('reporter.qilin', '530302', '麒麟区绿色硅材一体化产业项目', {
    longitude: '103.8041',
    latitude: '25.4962',
    liaisonLeader: { name: '李云峰', title: '副市长' },
    workingTeam: '市发展改革委、市工业和信息化局、麒麟区人民政府',
    caseFile: 'QJ-2022-031',
    attributes: { capacityKw: '50000', expectedAnnualTax: '36000000' },
  });
  projectId = project.id;
  const reporter = await apiAs('reporter.qilin');
  const report = await reporter<{ id: number }>('POST', `/projects/${projectId}/reports`, { period: chinaPeriod(), completedInvestment: '12500000', physicalProgress: '主体结构施工中' });
  reportId = report.id;
  await reporter('POST', `/projects/${projectId}/problems`, { title: '110千伏供电线路迁改滞后', responsibleUnit: '曲靖供电局', responsibleLeader: '王副区长', dueOn: '2022-04-30' });
});

/** Every main page, as the user who works on it. */
const SCREENS: Screen[] = [
  { name: 'login', user: null, path: () => '/login' },
  { name: 'dashboard', user: 'reviewer.qujing', path: () => '/?year=2022&quarter=1' },
  { name: 'battle-map', user: 'leader.yunnan', path: () => '/map?year=2022' },
  { name: 'projects', user: 'reviewer.qujing', path: () => '/projects' },
  { name: 'project-detail', user: 'reporter.qilin', path: () => `/projects/${projectId}` },
  { name: 'project-form', user: 'reporter.qilin', path: () => `/projects/${projectId}/edit` },
  { name: 'worklist', user: 'reporter.qilin', path: () => '/reports' },
  { name: 'report-form', user: 'reporter.qilin', path: () => `/reports/${reportId}` },
  { name: 'review-queue', user: 'reviewer.qujing', path: () => '/review?status=submitted' },
  { name: 'problems', user: 'reviewer.qujing', path: () => '/problems' },
  { name: 'collections', user: 'reviewer.qujing', path: () => '/collections?tab=batches' },
  { name: 'not-found', user: 'reporter.qilin', path: () => '/projects/999999' },
];

for (const [size, viewport] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const) {
  describe(`every main page at ${size} width (${viewport.width}px)`, () => {
    it('renders in Chinese without errors, wider than nothing and no wider than the screen', async () => {
      const { context, page, errors } = await newContext(viewport);
      let signedInAs: string | null = null;
      for (const screen of SCREENS) {
        if (screen.user !== signedInAs) {
          await context.clearCookies();
          if (screen.user) await signIn(page, screen.user, screen.path());
          signedInAs = screen.user;
        }
        await page.goto(screen.path());
        await settle(page);
        await page.waitForTimeout(300);
        await screenshot(page, `${screen.name}-${size}`);
        // Nothing spills sideways out of the page: tables scroll inside their own box.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `${screen.name} at ${size} is ${overflow}px wider than the screen`);
        const text = await page.locator('body').innerText();
        assert.match(text, /[\u4e00-\u9fff]/, `${screen.name} shows Chinese text`);
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}
