import { Command } from 'commander';
import { readConfig } from '../config.js';
import { serve } from './serve.js';
import { seed } from './seed.js';
import { userAdd } from './user-add.js';
import { openReady } from './open.js';
import { auditHeadCommand, auditVerify } from './audit.js';
import { backup, restore } from './backup.js';

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
  .description('Walk the hash chain; name the first event altered, removed or inserted out of order (exit 1 if any)')
  .option('--anchor <seq:hash...>', 'heads recorded earlier by `guatu audit head`; each must still be in the chain')
  .action(auditVerify);
audit.command('head').description('Print the newest event as seq:hash, to keep outside the database as an anchor').action(auditHeadCommand);

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
