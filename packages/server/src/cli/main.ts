import { Command } from 'commander';
import { readConfig } from '../config.js';
import { serve } from './serve.js';
import { seed } from './seed.js';
import { userAdd } from './user-add.js';
import { openReady } from './open.js';
import { stats } from './stats.js';
import { exportCommand, importCommand, templateCommand } from './exchange.js';
import { auditHeadCommand, auditVerify } from './audit.js';
import { backup, restore } from './backup.js';
import { bulletin } from './bulletin.js';
import { check } from './check.js';
import { limitHeapGrowth } from './heap-growth.js';

limitHeapGrowth();

const program = new Command()
  .name('guatu')
  .description('挂图 Guatu: investment attraction and major-project scheduling.\nData: embedded PGlite in GUATU_DATA_DIR (./data), or PostgreSQL at DATABASE_URL.')
  .showHelpAfterError();

program
  .command('serve')
  .description('Serve the API and the web app (migrates first; an empty embedded database gets the demo)')
  .option('-p, --port <port>', 'port (PORT, default 3000)')
  .option('-H, --host <host>', 'address to listen on (HOST, default 127.0.0.1)')
  .option('--demo', 'seed the demo province if it is missing')
  .action(serve);

program
  .command('migrate')
  .description('Bring the database schema and reference data up to date')
  .action(async () => {
    const database = await openReady();
    console.log(`Migrated ${database.kind} at ${database.location}.`);
    await database.close();
  });

program.command('seed').description('Load reference data; with --demo, the demo province and its users').option('--demo', 'the demo province').action(seed);

const collect = (value: string, previous: string[]) => [...previous, value];
program
  .command('stats')
  .description(
    'Ask the statistics engine, as POST /api/v1/stats does, and print a table or JSON.\n' +
      'Example: guatu stats -f region=530300 -f startedFrom=2022-01-01 -f startedTo=2022-03-31 -m count -m totalInvestment -g category --unit 亿元',
  )
  .option('-s, --subject <subject>', 'projects (default), enterprises or groups')
  .option('-f, --filter <key=value>', 'a filter; repeat for more (lists comma-separated)', collect, [])
  .option('-m, --measure <measure>', 'a measure; repeat for more', collect, [])
  .option('-g, --group-by <grouping>', 'a grouping; repeat for more', collect, [])
  .option('--drill', 'add the ids of the records behind each row')
  .option('--json', 'print the engine’s JSON answer')
  .option('--unit <unit>', 'show amounts in 元, 万元 or 亿元 (table only)')
  .option('--as <username>', 'answer within this user’s region (default: the whole province)')
  .option('--figure <id>', 'a figure of the source report (article-figures.json), e.g. qj-q1-started-total')
  .option('--request <json>', 'the whole request body as JSON')
  .action(stats);

program
  .command('bulletin')
  .description(
    'Write a bulletin (通报) from a template for a region and period, store it, and print its Markdown.\n' +
      'Example: guatu bulletin --template prefecture-quarter-starts --region 530300 --period 2022-Q1 --html qujing.html',
  )
  .option('-t, --template <code|id>', 'prefecture-quarter-starts, concentrated-start, monthly-funds, key-list-progress, or a region’s own')
  .option('-r, --region <code|name>', 'the region the bulletin is about: 530300 or 曲靖市')
  .option('-p, --period <period>', '2022, 2022-Q1, 2022-H1, 2022-01 or 2022-01..2022-03')
  .option('--batch <id>', 'the concentrated start (default: the region’s only one in the period)')
  .option('--key-list <id>', 'the key list (default: the region’s list of the period’s year)')
  .option('--date <date>', 'the bulletin’s date (default: today)')
  .option('--html <file>', 'also write the printable page to a file')
  .option('--json', 'print the bulletin as the API returns it')
  .option('--compare <id>', 'instead: ask the figures of bulletin ID again and say which moved')
  .option('--as <username>', 'act as this user (default: the whole province)')
  .action(bulletin);

program
  .command('check')
  .description('Check every figure of a draft against the data (核数): plain text, Markdown or HTML; "-" reads standard input.\nExits with 2 when a figure differs from the data.')
  .argument('<file>', 'the draft')
  .option('--date <date>', 'the draft’s date when it has no front matter (default: today)')
  .option('--region <code>', 'the region the draft is about when it names none')
  .option('--format <format>', 'text, markdown or html (default: detected)')
  .option('--as <username>', 'check within this user’s region (default: the whole province)')
  .option('--json', 'print the API’s answer')
  .action(check);

const user = program.command('user').description('Manage users');
user
  .command('add')
  .description('Add a user')
  .requiredOption('-u, --username <username>', 'sign-in name')
  .requiredOption('-n, --name <name>', 'display name')
  .requiredOption('-r, --region <code>', 'GB/T 2260 region code the user belongs to')
  .requiredOption('--roles <roles>', 'comma-separated: reporter, reviewer, admin, leader, press')
  .option('--password <password>', 'password (or GUATU_PASSWORD)')
  .action(userAdd);

const audit = program.command('audit').description('The tamper-evident audit trail');
audit
  .command('verify')
  .description('Walk the hash chain of every lane; name the lane and the first event altered, removed or inserted out of order (exit 1 if any)')
  .option('--anchor <seq:hash...>', 'lane heads recorded earlier by `guatu audit head`; each must still be in the trail')
  .action(auditVerify);
audit.command('head').description("Print each lane's last event as seq:hash, to keep outside the database as anchors").action(auditHeadCommand);

program
  .command('backup')
  .argument('<file>', 'where to write it')
  .description('Back up the database: the PGlite data dir as a tarball, or PostgreSQL with pg_dump (custom format)')
  .option('--force', 'PGlite: the data dir looks open but Guatu is stopped (e.g. after a crash)')
  .action(backup);

program
  .command('restore')
  .argument('<file>', 'a file written by guatu backup')
  .description('Restore a backup into the configured database (stop Guatu first), then verify the audit chain')
  .option('--force', 'replace a database that holds data; it is moved aside (PGlite) or backed up first (PostgreSQL)')
  .action(restore);

program
  .command('import')
  .description('Import a workbook of projects, annual plans and monthly reports (all or nothing), or with --oc4ids an OC4IDS project package')
  .argument('<file>', '.xlsx workbook, or OC4IDS package (.json) with --oc4ids')
  .option('--dry-run', 'check and summarise only; write nothing')
  .option('--as <username>', 'act as this user: their region and roles apply, and the audit trail names them')
  .option('--oc4ids', 'the file is an OC4IDS 0.9 project package')
  .option('--region <code>', 'with --oc4ids: the responsible region for projects that name none')
  .action(importCommand);

program
  .command('template')
  .description('Write an Excel import template: projects, annual-plans or monthly-reports')
  .argument('<kind>', 'projects | annual-plans | monthly-reports')
  .option('-o, --output <file>', 'where to write it (default: <name>导入模板.xlsx)')
  .option('--as <username>', "drop-downs from this user's regions")
  .action(templateCommand);

program
  .command('export')
  .description('Export the projects as an OC4IDS 0.9 package (--oc4ids) or as a project list (--projects FILE.xlsx|.csv)')
  .argument('[file]', 'where to write it (default for --oc4ids: standard output)')
  .option('--oc4ids', 'an OC4IDS 0.9 project package')
  .option('--projects', 'the project list, as .xlsx or .csv by the file name')
  .option('--region <code>', 'only this region and what lies below it')
  .option('--as <username>', "only this user's region")
  .option('--validate', 'with --oc4ids FILE: validate against the OC4IDS 0.9 schema in ../shared/oc4ids')
  .action(exportCommand);

program
  .command('config')
  .description('Show the configuration Guatu would use')
  .action(() => {
    const c = readConfig();
    console.log(JSON.stringify({ ...c, databaseUrl: c.databaseUrl ? c.databaseUrl.replace(/:[^:@/]*@/, ':***@') : undefined }, null, 2));
  });

program.parseAsync().catch((e: Error) => {
  console.error(`guatu: ${e.message}`);
  process.exit(1);
});
