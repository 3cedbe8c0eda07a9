import { createHash } from 'node:crypto';

/** The hash that precedes the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth: the same event always serialises the same way. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  return JSON.stringify(value);
}

export interface ChainedFields {
  seq: number;
  /** Absent on the events of the 'legacy' lane, written before lanes: their hashes never covered it. */
  lane?: string | undefined;
  laneSeq?: number | undefined;
  at: Date;
  actorId: number | null;
  actorName: string | null;
  actorRoles: string[] | null;
  actorRegion: string | null;
  ip: string | null;
  requestId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  changes: unknown;
}

/** SM3 (GB/T 32905) over the event's canonical form and the previous hash in its lane, as 密评 expects. */
export function eventHash(event: ChainedFields, prevHash: string): string {
  const body = canonicalJson({ ...event, at: event.at.toISOString() });
  return createHash('sm3').update(prevHash).update('\n').update(body).digest('hex');
}
