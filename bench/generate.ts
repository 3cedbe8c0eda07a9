/**
 * Generates a benchmark database, deterministically:
 *
 *   npx tsx bench/generate.ts --scale province --db postgres   # 50,000 projects, 1.2 million reports
 *   npx tsx bench/generate.ts --scale province --db pglite     # the same in bench/out/pglite-province
 *   npx tsx bench/generate.ts --scale national                 # 1,000,000 projects, 24 million reports (PostgreSQL)
 *
 * PostgreSQL: the database guatu_bench_<scale> on the server of BENCH_DATABASE_URL (or
 * TEST_DATABASE_URL, or postgres://postgres@127.0.0.1:5432), dropped and created again.
 */
import { generate } from './lib/load.js';
import { engineOf, scaleOf, targetOf } from './lib/options.js';

const args = process.argv.slice(2);
const scale = scaleOf(args);
const target = targetOf(engineOf(args, scale), scale);
console.log(`generating ${scale} on ${target.engine} (${target.location.replace(/\/\/[^@]*@/, '//')})`);
await generate(target, scale);
