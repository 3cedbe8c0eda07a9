import type { RegionLevel, Role } from '@guatu/core';
import type { TestUser } from '../harness.js';
import type { World } from './world.js';

/**
 * Where a user sits relative to the records under test, which all live in 麒麟区 (530302):
 * inside it, in its prefecture (曲靖 530300) or the province (530000); in a sibling county of the
 * same prefecture (沾益区 530303), a county of another prefecture (蒙自市 532503), or another
 * prefecture (红河州 532500).
 */
export const POSITIONS = {
  inside: { region: '530302', level: 'county' },
  parent: { region: '530300', level: 'prefecture' },
  province: { region: '530000', level: 'province' },
  sibling: { region: '530303', level: 'county' },
  cousin: { region: '532503', level: 'county' },
  outside: { region: '532500', level: 'prefecture' },
} as const satisfies Record<string, { region: string; level: RegionLevel }>;
export type Position = keyof typeof POSITIONS;
export const IN_SCOPE: readonly Position[] = ['inside', 'parent', 'province'];

/** One caller: a role at a position, or no session at all. */
export interface Case {
  role: Role | null;
  position: Position | null;
  level: RegionLevel | null;
  user: TestUser | null;
  label: string;
}

export interface RequestSpec {
  params?: Record<string, string | number>;
  query?: Record<string, string>;
  /** JSON, or a raw Buffer (an upload) sent with `headers`' content type. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** What a fixture hands the request, plus nothing else required. */
export type Fixture = Record<string, any>;

/**
 * How one operation answers each caller. The expected status follows from `scope`, `may` and
 * `denies`; `request` builds a valid call from the fixture `setup` made.
 */
export interface OperationAccess<F extends Fixture = Fixture> {
  /** Shown when an operation has several variants (e.g. the raiser, and anyone else). */
  label?: string;
  /** Creates what the call needs, inside 麒麟区. Writes that should succeed get a fresh one per case. */
  setup?: (w: World, c: Case) => Promise<F>;
  request: (f: F, c: Case) => RequestSpec;
  /**
   * - `record`: one record; outside the caller's area it answers 404, like a record that does not exist;
   * - `region`: a write naming a region; outside the caller's area it answers 403;
   * - `list`: 200 for everyone allowed, but no one sees records outside their area;
   * - `global`: the same for every signed-in caller (code lists, the caller's own session).
   */
  scope: 'record' | 'region' | 'list' | 'global';
  /** Who may, inside their area. Default: every signed-in user. */
  may?: (c: Case) => boolean;
  /** Which check answers first when the role is refused and the record is out of scope too. Default: scope-first (404). */
  denies?: 'role-first' | 'scope-first';
  ok: number;
  /** Reachable without a session (then anonymous callers get `ok` too). */
  public?: boolean;
  /** An in-scope success must show the fixture's data (false for unfiltered lists that may page it away). */
  shows?: boolean;
  /** The same call for a record that does not exist; out-of-scope answers must equal its answer. Default: id → 999999999. */
  missing?: (f: F) => RequestSpec | null;
  /** The call ends or replaces the caller's session; sessions are renewed after the operation. */
  endsSession?: boolean;
  /** A POST that only reads (a search, a check, a dry run): it must change nothing, and records no audit event. */
  readOnly?: boolean;
}

/** Every operation's expectations, keyed "METHOD /path/{param}" exactly as the OpenAPI document names it. */
export type AccessTable = Record<string, OperationAccess<any> | OperationAccess<any>[]>;

/** A small vocabulary for `may`. */
export const everyone = () => true;
export const roles =
  (...allowed: Role[]) =>
  (c: Case) =>
    !!c.role && allowed.includes(c.role);
/** A reviewer at prefecture or province level: who reviews monthly reports. */
export const prefectureReviewer = (c: Case) => c.role === 'reviewer' && (c.level === 'prefecture' || c.level === 'province');

export function expectedStatus(spec: OperationAccess<any>, c: Case): number {
  if (!c.user) return spec.public ? spec.ok : 401;
  const allowed = (spec.may ?? everyone)(c);
  if (spec.scope === 'global' || spec.scope === 'list') return allowed ? spec.ok : 403;
  const inScope = IN_SCOPE.includes(c.position!);
  if (!inScope) return !allowed && spec.denies === 'role-first' ? 403 : spec.scope === 'record' ? 404 : 403;
  return allowed ? spec.ok : 403;
}
