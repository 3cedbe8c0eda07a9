import { seedDemo, type DemoSummary } from '../seed/demo/index.js';
import { DEMO_PASSWORD } from '../seed/demo/users.js';
import { openReady } from './open.js';

export async function seed(options: { demo?: boolean }) {
  const database = await openReady();
  try {
    if (options.demo) printDemoUsers(await seedDemo(database));
    else console.log('Reference data is up to date: regions, provinces, categories. Add --demo for the demo province.');
  } finally {
    await database.close();
  }
}

export function printDemoUsers(summary: DemoSummary) {
  const lines = [
    '',
    `Demo province ready: ${summary.projects} projects, ${summary.reports} monthly reports, ${summary.enterprises} enterprises. Demo accounts (demo only, password for all: ${DEMO_PASSWORD}):`,
    ...summary.users.map((u) => `  ${u.username.padEnd(20)} ${u.regionCode}  ${u.displayName}`),
    '',
  ];
  console.log(lines.join('\n'));
}
