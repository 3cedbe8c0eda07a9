import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const server = (name: 'pglite' | 'postgres') => ({
  extends: true as const,
  test: {
    name,
    include: ['packages/server/**/*.test.ts'],
    env: { GUATU_TEST_DB: name },
    globalSetup: ['packages/server/src/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});

/**
 * One command runs everything: the pure core, and the server against PGlite always and against
 * PostgreSQL when TEST_DATABASE_URL names a server (CI sets it).
 */
export default defineConfig({
  test: {
    // Server tests spend much of their time waiting on PostgreSQL and fsync: on a 2-core machine a
    // second worker fills that wait (572 s → 394 s for the whole suite on both databases).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { extends: true, test: { name: 'core', include: ['packages/core/**/*.test.ts', 'bench/**/*.test.ts'] } },
      server('pglite'),
      ...(process.env.TEST_DATABASE_URL ? [server('postgres')] : []),
    ],
  },
});
