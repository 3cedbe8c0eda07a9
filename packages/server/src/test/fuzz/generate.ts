import type { RequestSpec } from '../access/types.js';
import { BROKEN_JSON, CONTENT_TYPES, LANGUAGES, NUMBERS, PAYLOADS, RAW_NUMBERS, TRAVERSAL } from './payloads.js';

/** A small seeded generator (mulberry32): the same seed sends the same requests. */
export class Random {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let x = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The raw body sent, if any. */
  payload?: string | Buffer;
  /** What was broken, for the failure report. */
  mutations: string[];
}

type Schema = Record<string, any>;

/** A raw JSON literal to splice into the body text (numbers JSON.stringify cannot write). */
const RAW = (text: string) => `\u0001RAW:${text}\u0001`;
const stringify = (value: unknown) => JSON.stringify(value).replace(/"\\u0001RAW:([^"\\]*)\\u0001"/g, '$1');

/** The schema behind $refs, with anyOf alternatives flattened and nullability noted. */
export function resolver(doc: any) {
  const resolve = (s: Schema | undefined): Schema => {
    if (!s) return {};
    if (s.$ref) return resolve(doc.components.schemas[s.$ref.split('/').pop()]);
    return s;
  };
  const alternatives = (s: Schema): Schema[] => {
    const r = resolve(s);
    return r.anyOf || r.oneOf ? (r.anyOf ?? r.oneOf).flatMap(alternatives) : [r];
  };
  const types = (s: Schema): Set<string> => {
    const out = new Set<string>();
    for (const a of alternatives(s)) {
      if (a.type) [a.type].flat().forEach((t: string) => out.add(t));
      else if (a.enum) out.add('string');
      else if (a.const === null) out.add('null');
      else ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'].forEach((t) => out.add(t));
    }
    if (out.has('number')) out.add('integer');
    return out;
  };
  return { resolve, alternatives, types };
}

type Resolver = ReturnType<typeof resolver>;

/** A value the schema certainly refuses, and what makes it wrong; null when none is known. */
export function invalidValue(rng: Random, s: Schema, r: Resolver): [unknown, string] | null {
  const options: (() => [unknown, string] | null)[] = [];
  const allowed = r.types(s);
  const number = rng.pick(NUMBERS);
  const wrongTypes: [unknown, string][] = [
    [rng.pick(PAYLOADS), 'string'],
    [number, Number.isInteger(number) ? 'integer' : 'number'],
    [rng.chance(0.5), 'boolean'],
    [{ [rng.pick(PAYLOADS)]: rng.pick(PAYLOADS) }, 'object'],
    [[rng.pick(PAYLOADS)], 'array'],
    [null, 'null'],
  ];
  for (const [value, type] of wrongTypes) {
    const numberType = type === 'integer' || type === 'number';
    const fits = allowed.has(type) || (numberType && (allowed.has('number') || (allowed.has('integer') && Number.isInteger(value))));
    if (!fits) options.push(() => [value, `wrong type (${type})`]);
  }
  const alts = r.alternatives(s).filter((a) => a.type !== 'null');
  // A constraint broken in every alternative that could take the value.
  if (alts.length === 1) {
    const a = alts[0]!;
    if (a.type === 'string' || a.enum) {
      if (a.maxLength !== undefined) options.push(() => ['界'.repeat(a.maxLength + 1 + rng.int(3)) + 'x'.repeat(rng.int(2000)), `longer than ${a.maxLength}`]);
      if (a.minLength) options.push(() => ['', `shorter than ${a.minLength}`]);
      const pattern = a.pattern ? new RegExp(a.pattern) : null;
      const candidates = PAYLOADS.filter((p) => (!pattern || !pattern.test(p)) && (!a.enum || !a.enum.includes(p)));
      if ((pattern || a.enum || a.format) && candidates.length) options.push(() => [rng.pick(candidates), a.enum ? 'not one of the values' : `not ${a.format ?? 'the pattern'}`]);
    }
    if (a.type === 'integer') options.push(() => [rng.pick([1.5, -0.25, 1e21 + 0.5, 2 ** 53 + 2]), 'not a safe integer']);
    if (a.type === 'integer' || a.type === 'number') {
      if (a.minimum !== undefined) options.push(() => [a.minimum - 1 - rng.int(1000), `below ${a.minimum}`]);
      if (a.maximum !== undefined) options.push(() => [rng.pick([a.maximum + 1, 1e308]), `above ${a.maximum}`]);
      options.push(() => [RAW(rng.pick(RAW_NUMBERS.filter((n) => !/^-?\d+$/.test(n) || a.type === 'number'))), 'an out-of-range number literal']);
    }
    if (a.type === 'array' && a.maxItems !== undefined) options.push(() => [Array.from({ length: a.maxItems + 1 }, () => rng.pick(PAYLOADS)), `more than ${a.maxItems} items`]);
    if (a.type === 'array' && a.minItems) options.push(() => [[], `fewer than ${a.minItems} items`]);
  }
  if (!options.length) return null;
  return rng.pick(options)();
}

/** Percent-encoding that also writes an unpaired surrogate, as the invalid UTF-8 a client could send. */
function encodeLoosely(text: string): string {
  return encodeURIComponent(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\u0001')).replace(/%01/g, '%ED%A0%80');
}

/** Would zod's coercion (Number(text)) turn this into a number the schema takes? */
function coercesToNumberIn(text: string, s: Schema): boolean {
  const n = Number(text);
  if (!Number.isFinite(n)) return false;
  if (s.type === 'integer' && !Number.isSafeInteger(n)) return false;
  if (s.minimum !== undefined && n < s.minimum) return false;
  if (s.exclusiveMinimum !== undefined && n <= s.exclusiveMinimum) return false;
  if (s.maximum !== undefined && n > s.maximum) return false;
  return true;
}

/** Query values are text: one the parameter's schema refuses even after coercion, or null. */
function invalidQueryValue(rng: Random, schema: Schema, r: Resolver): string | null {
  const s = r.resolve(schema);
  const item = s.type === 'array' ? r.resolve(s.items) : s;
  const candidates = [...PAYLOADS, '-1', '0', '1.5', '1e400', 'NaN', '9'.repeat(30), 'true'].filter((v) => {
    if (item.enum) return !item.enum.includes(v);
    if (item.pattern) return !new RegExp(item.pattern).test(v);
    if (item.format) return true;
    if (item.type === 'integer' || item.type === 'number') return !coercesToNumberIn(v, item);
    return false;
  });
  if (candidates.length) return rng.pick(candidates);
  if (item.maxLength !== undefined) return 'q'.repeat(item.maxLength + 1 + rng.int(100));
  return null;
}

/** Text without NUL or surrogates, which the server refuses wherever they appear. */
const storable = (text: string) => !text.includes('\u0000') && !/[\ud800-\udfff]/.test(text);

/** Free text that the schema accepts, for the fields a request keeps valid: SQL, HTML and odd Unicode. */
function sprinkle(rng: Random, body: any, schema: Schema, r: Resolver) {
  const s = r.resolve(schema);
  if (!body || typeof body !== 'object' || Array.isArray(body) || !s.properties) return;
  for (const [key, prop] of Object.entries<Schema>(s.properties)) {
    const alts = r.alternatives(prop).filter((a) => a.type !== 'null');
    const a = alts[0];
    if (alts.length !== 1 || a?.type !== 'string' || a.pattern || a.enum || a.format || !rng.chance(0.3)) continue;
    const text = rng.pick(PAYLOADS.filter(storable));
    if (a.maxLength === undefined || [...text].length <= a.maxLength) body[key] = text;
  }
}

interface BodyTarget {
  path: string;
  parent: any;
  key: string | number;
  schema: Schema;
}

/** Every place in the body a value sits or could sit: each property of each object the schema describes. */
function targets(body: any, schema: Schema, r: Resolver, path = ''): BodyTarget[] {
  const s = r.alternatives(schema).find((a) => a.type === 'object' || a.type === 'array') ?? r.resolve(schema);
  const out: BodyTarget[] = [];
  if (s.type === 'object' && body && typeof body === 'object' && !Array.isArray(body)) {
    for (const [key, prop] of Object.entries<Schema>(s.properties ?? {})) {
      out.push({ path: path ? `${path}.${key}` : key, parent: body, key, schema: prop });
      if (body[key] !== undefined) out.push(...targets(body[key], prop, r, path ? `${path}.${key}` : key));
    }
  }
  if (s.type === 'array' && Array.isArray(body)) body.forEach((item, i) => out.push({ path: `${path}.${i}`, parent: body, key: i, schema: s.items }, ...targets(item, s.items, r, `${path}.${i}`)));
  return out;
}

function objectsIn(body: any, schema: Schema, r: Resolver, path = ''): { path: string; value: any }[] {
  const s = r.alternatives(schema).find((a) => a.type === 'object' || a.type === 'array') ?? r.resolve(schema);
  const out: { path: string; value: any }[] = [];
  if (s.type === 'object' && body && typeof body === 'object' && !Array.isArray(body)) {
    out.push({ path: path || 'body', value: body });
    for (const [key, prop] of Object.entries<Schema>(s.properties ?? {})) if (body[key] !== undefined) out.push(...objectsIn(body[key], prop, r, path ? `${path}.${key}` : key));
  }
  if (s.type === 'array' && Array.isArray(body)) body.forEach((item, i) => out.push(...objectsIn(item, s.items, r, `${path}.${i}`)));
  return out;
}

export interface OperationShape {
  method: string;
  path: string;
  spec: any;
}

/**
 * One malformed request: the valid `base` with at least one change the OpenAPI document says the
 * server must refuse, and maybe free text the server must store or search literally.
 */
export function malformed(rng: Random, op: OperationShape, base: RequestSpec, r: Resolver, cookie: string | null): FuzzRequest {
  const mutations: string[] = [];
  const params = { ...(base.params ?? {}) } as Record<string, string | number>;
  const query: Record<string, string | string[]> = { ...(base.query ?? {}) };
  // An upload (a multipart body) is sent as its bytes; only what surrounds it is broken.
  const upload = Buffer.isBuffer(base.body) ? base.body : undefined;
  let body: any = base.body === undefined || upload ? undefined : structuredClone(base.body);
  const bodySchema = op.spec.requestBody?.content?.['application/json']?.schema;
  const headers: Record<string, string> = cookie ? { cookie } : {};
  let raw: string | undefined;
  let contentType = (upload && base.headers?.['content-type']) || 'application/json';
  let oversized = false;
  const pathParams = (op.spec.parameters ?? []).filter((p: any) => p.in === 'path');
  const queryParams = (op.spec.parameters ?? []).filter((p: any) => p.in === 'query');

  const breakers: (() => boolean)[] = [];
  breakers.push(() => {
    const name = rng.pick(['isAdmin', 'constructor', 'region;drop', '<b>x</b>', '$where', 'regionPath', ...PAYLOADS.slice(0, 4)]);
    query[name] = rng.pick(PAYLOADS);
    mutations.push(`query: unknown parameter ${JSON.stringify(name)}`);
    return true;
  });
  for (const p of pathParams) {
    breakers.push(() => {
      const value = rng.pick([...TRAVERSAL, ...PAYLOADS, '-1', '0', '1.5', '1e3', '9'.repeat(30), 'NaN', '0x10', ' 1', '١٢٣', '']);
      const candidate = String(value);
      const s = r.resolve(p.schema);
      if (s.pattern && new RegExp(s.pattern).test(candidate)) return false;
      if (s.enum?.includes(candidate)) return false;
      if ((s.type === 'integer' || s.type === 'number') && coercesToNumberIn(candidate, s)) return false;
      params[p.name] = candidate;
      mutations.push(`path ${p.name}: ${JSON.stringify(candidate).slice(0, 60)}`);
      return true;
    });
  }
  if (pathParams.some((p: any) => p.name === 'id')) {
    breakers.push(() => {
      params.id = String(Number.MAX_SAFE_INTEGER);
      mutations.push('path id: a record that does not exist (the largest safe integer)');
      return true;
    });
  }
  for (const p of queryParams) {
    breakers.push(() => {
      const value = invalidQueryValue(rng, p.schema, r);
      if (value === null) return false;
      query[p.name] = value;
      mutations.push(`query ${p.name}: ${JSON.stringify(value).slice(0, 60)}`);
      return true;
    });
  }
  if (bodySchema) {
    breakers.push(() => {
      const all = targets(body, bodySchema, r);
      if (!all.length) return false;
      const target = rng.pick(all);
      const bad = invalidValue(rng, target.schema, r);
      if (!bad) return false;
      target.parent[target.key] = bad[0];
      mutations.push(`body ${target.path}: ${bad[1]}`);
      return true;
    });
    breakers.push(() => {
      const root = r.alternatives(bodySchema).find((a) => a.type === 'object');
      const required = targets(body, bodySchema, r).filter((x) => x.parent === body && body[x.key] !== undefined && (root?.required ?? []).includes(x.key));
      if (!required.length) return false;
      const target = rng.pick(required);
      delete target.parent[target.key];
      mutations.push(`body ${target.path}: missing`);
      return true;
    });
    breakers.push(() => {
      body ??= {};
      const objects = objectsIn(body, bodySchema, r);
      if (!objects.length) return false;
      const target = rng.pick(objects);
      const name = rng.pick(['isAdmin', 'id', 'regionPath', 'passwordHash', 'version2', '<script>', "x' or '1'='1", '数据', 'roles ']);
      if (name in target.value) return false;
      target.value[name] = rng.pick([...PAYLOADS, 1, true, null]);
      mutations.push(`body ${target.path}: extra field ${JSON.stringify(name)}`);
      return true;
    });
    breakers.push(() => {
      body = rng.pick([[body], rng.pick(PAYLOADS), 42, true, [], 'null-ish']);
      mutations.push(`body: not an object (${Array.isArray(body) ? 'array' : typeof body})`);
      return true;
    });
  }
  const readsBody = !!bodySchema || op.method !== 'GET';
  breakers.push(() => {
    if (!readsBody) return false;
    raw = rng.pick(BROKEN_JSON);
    if (upload) contentType = 'application/json';
    mutations.push(`body: malformed JSON ${JSON.stringify(raw.slice(0, 30))}`);
    return true;
  });
  breakers.push(() => {
    if (!readsBody) return false;
    contentType = rng.pick(CONTENT_TYPES);
    mutations.push(`content-type ${contentType}`);
    return true;
  });
  if (readsBody && rng.chance(0.02)) {
    breakers.push(() => {
      oversized = true;
      mutations.push('body: over the size limit');
      return true;
    });
  }

  // Free text first, so no change below is overwritten by it.
  if (bodySchema && body && rng.chance(0.5)) sprinkle(rng, body, bodySchema, r);
  // One to three changes; at least one the server must refuse.
  const wanted = 1 + rng.int(3);
  let broken = 0;
  for (let tries = 0; broken < wanted && tries < 30; tries++) if (rng.pick(breakers)()) broken++;
  if (!broken) throw new Error(`no way to break ${op.method} ${op.path}`);
  if (rng.chance(0.3)) headers['accept-language'] = rng.pick(LANGUAGES);

  const filledPath = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeLoosely(String(params[name])));
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const item of [v].flat()) search.append(k, item);
  const qs = search.toString();
  // The body text is written last, so every change above is in it.
  if (oversized) body = { ...(body && typeof body === 'object' && !Array.isArray(body) ? body : {}), padding: 'x'.repeat(1_100_000) };
  const payload = raw ?? (upload && !oversized ? upload : body === undefined ? (contentType !== 'application/json' ? '{}' : undefined) : stringify(body));
  if (payload !== undefined) headers['content-type'] = contentType;
  return { method: op.method, url: qs ? `${filledPath}?${qs}` : filledPath, headers, ...(payload !== undefined ? { payload } : {}), mutations };
}

/**
 * A valid search that carries SQL, HTML and odd Unicode in its free-text query parameters, so the
 * text reaches the database queries; null when the operation has no such parameter.
 */
export function hostileSearch(rng: Random, op: OperationShape, base: RequestSpec, r: Resolver, cookie: string): FuzzRequest | null {
  const free: any[] = (op.spec.parameters ?? []).filter((p: any) => {
    if (p.in !== 'query') return false;
    const s = r.resolve(p.schema);
    const item = s.type === 'array' ? r.resolve(s.items) : s;
    return item.type === 'string' && !item.pattern && !item.enum && !item.format;
  });
  if (!free.length) return null;
  const p = rng.pick(free);
  const s = r.resolve(p.schema);
  const max = (s.type === 'array' ? r.resolve(s.items) : s).maxLength ?? 100;
  const text = rng.pick(PAYLOADS.filter((x) => [...x].length <= max && storable(x)));
  const search = new URLSearchParams({ ...(base.query ?? {}), [p.name]: text });
  const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(String(base.params?.[name])));
  return { method: op.method, url: `${path}?${search}`, headers: { cookie }, mutations: [`query ${p.name}: ${JSON.stringify(text).slice(0, 40)} (valid)`] };
}
