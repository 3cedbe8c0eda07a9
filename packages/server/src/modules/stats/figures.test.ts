import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { ENGINE_FIGURE_KINDS, FIGURE_QUERIES, figureRequest, type FigureRef } from '../../seed/demo/figures.js';

/** The source report's figures, beside the repository: ../shared/product/article-figures.json. */
const FIGURES_FILE = new URL('../../../../../../shared/product/article-figures.json', import.meta.url);
const figures: { id: string; region: string; what: string; value: number | string; kind: string }[] = JSON.parse(readFileSync(FIGURES_FILE, 'utf8')).figures;

let t: TestContext;
let province: TestUser;

async function resolve(ref: FigureRef): Promise<number> {
  const [path, name] = 'batch' in ref ? ['batches', ref.batch] : ['key-lists', ref.keyList];
  const res = await t.call(province, 'GET', `/api/v1/${path}?q=${encodeURIComponent(name)}`);
  const found = res.body.items.filter((x: { name: string }) => x.name === name);
  if (found.length !== 1) throw new Error(`expected one ${path} named ${name}, found ${found.length}`);
  return found[0].id;
}

beforeAll(async () => {
  t = await startTestApp({ demo: true });
  province = await t.user('530000', 'leader');
});
afterAll(() => t.close());

describe('the demo province reproduces the source report through POST /api/v1/stats', () => {
  const engineFigures = figures.filter((f) => ENGINE_FIGURE_KINDS.includes(f.kind));

  it('has a query for every figure the engine answers', () => {
    expect(engineFigures.length).toBeGreaterThanOrEqual(29);
    expect(engineFigures.map((f) => f.id).filter((id) => !FIGURE_QUERIES[id])).toEqual([]);
  });

  it.each(engineFigures.map((f) => [f.id, f] as const))('%s', async (_id, figure) => {
    const query = FIGURE_QUERIES[figure.id]!;
    const body = await figureRequest(query, resolve);
    const res = await t.call(province, 'POST', '/api/v1/stats', body);
    expect(res.status).toBe(200);
    expect(String(res.body.total[query.measure])).toBe(String(figure.value));
  });

  it('gives a figure’s region the same answer whoever asks from above it', async () => {
    const qujing = await t.user('530300', 'leader');
    const body = await figureRequest(FIGURE_QUERIES['qj-q1-started-total']!, resolve);
    const asked = await t.call(qujing, 'POST', '/api/v1/stats', { ...body, filter: { ...body.filter, region: '530000' } });
    expect(asked.body.total.totalInvestment).toBe('125400000000');
  });
});
