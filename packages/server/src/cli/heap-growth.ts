import v8 from 'node:v8';

/**
 * How far V8 lets the JavaScript heap grow past what survived the last full collection before it
 * collects again: 75 %, where V8 by itself allows up to 300 %. An import keeps each chunk of rows
 * alive long enough to be moved to the old generation, and by default the dead chunks piled up
 * there to 150–175 MB before a full collection; at 75 % a server importing 100,000 rows peaked
 * 60–90 MB lower at the same speed (bench/RESULTS.md).
 */
export const HEAP_GROWING_PERCENT = 75;

/** Sets the growth limit for this process, unless Node was started with one of its own. */
export function limitHeapGrowth(): void {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => /^--heap[-_]growing[-_]percent\b/.test(a));
  if (!given) v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
