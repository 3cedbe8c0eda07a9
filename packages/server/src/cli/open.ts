import { readConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { seedReferenceData } from '../seed/reference-data.js';

/** Opens the configured database and brings it up to date: migrations, then reference data. */
export async function openReady(config: Config = readConfig()): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    pool: { max: config.databasePoolSize, acquireTimeoutMs: config.databaseAcquireTimeoutMs },
  });
  await migrate(database);
  await seedReferenceData(database.db);
  return database;
}
