import type { Db } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import type { Actor } from '../../policies/actor.js';
import { findBulletin, dataVersion } from './bulletins.repository.js';
import { answerFigures } from './answer-figures.js';
import { formatFigure } from '@guatu/core';

/**
 * Asks every figure of a bulletin again, now, and says which have moved and which records came
 * onto or went off each figure since the bulletin was generated.
 */
export async function compareBulletin(db: Db, actor: Actor, id: number) {
  const row = await findBulletin(db, actor, id);
  if (!row) throw notFound('bulletin');
  const b = row.bulletin;
  const { version, answers } = await db.transaction(
    async (tx) => ({ version: await dataVersion(tx), answers: await answerFigures(tx, actor, b.figures.map((f) => f.request)) }),
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const figures = b.figures.map((f, i) => {
    const now = answers[i]!;
    const then = new Set(f.ids);
    const current = new Set(now.ids);
    const nowText = formatFigure(now.value, f.format);
    return {
      key: f.key,
      label: f.label,
      then: { value: f.value, text: f.text },
      now: { value: now.value, text: nowText },
      changed: String(f.value) !== String(now.value),
      added: now.ids.filter((x) => !then.has(x)),
      removed: f.ids.filter((x) => !current.has(x)),
    };
  });
  return {
    bulletinId: b.id,
    generated: { dataVersion: b.dataVersion, at: b.generatedAt.toISOString() },
    now: { dataVersion: version, at: new Date().toISOString() },
    changed: figures.filter((f) => f.changed).length,
    figures,
  };
}
