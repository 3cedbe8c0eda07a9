import type { Database } from '../../db/client.js';
import { invalid } from '../../http/errors.js';
import { coverableRegions } from './groups.repository.js';

/** Covered regions must be counties or zones inside the group's region. */
export async function checkCovered(db: Database['db'], path: string, codes: string[]) {
  const ok = await coverableRegions(db, path, codes);
  const bad = codes.map((c, i) => ({ c, i })).filter(({ c }) => !ok.has(c));
  if (bad.length) throw invalid(bad.map(({ c, i }) => ({ field: `coveredRegions.${i}`, rule: 'group.regionLevel', params: { value: c } })));
}

