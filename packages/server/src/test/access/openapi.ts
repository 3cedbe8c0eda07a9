import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from '../../http/app.js';
import type { AccessTable, OperationAccess, RequestSpec } from './types.js';

export interface Operation {
  key: string;
  method: string;
  path: string;
  spec: any;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation the API documents: the list the access matrix and the fuzz test walk. */
export async function listOperations(app: App): Promise<{ doc: any; operations: Operation[] }> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  const doc = res.json();
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const method of METHODS) if (item[method]) operations.push({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, spec: item[method] });
  }
  return { doc, operations };
}

/** The URL of a call: path parameters filled in and encoded, the query appended. */
export function urlOf(path: string, request: RequestSpec): string {
  const filled = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = request.params?.[name];
    if (value === undefined) throw new Error(`no value for path parameter ${name} of ${path}`);
    return encodeURIComponent(String(value));
  });
  const query = request.query ? new URLSearchParams(request.query).toString() : '';
  return query ? `${filled}?${query}` : filled;
}

const MODULES = fileURLToPath(new URL('../../modules', import.meta.url));

/**
 * The expectations of every module, from the `<feature>.access.ts` beside its routes: a new
 * feature adds its own file, and the matrix finds it.
 */
export async function loadAccessTables(): Promise<Map<string, { file: string; variants: OperationAccess<any>[] }>> {
  const out = new Map<string, { file: string; variants: OperationAccess<any>[] }>();
  const files = readdirSync(MODULES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.access.ts'));
  for (const file of files.sort()) {
    const mod = (await import(join(MODULES, file))) as { access?: AccessTable };
    if (!mod.access) throw new Error(`${file} exports no \`access\` table`);
    for (const [key, value] of Object.entries(mod.access)) {
      if (out.has(key)) throw new Error(`${key} has expectations in both ${out.get(key)!.file} and ${file}`);
      out.set(key, { file, variants: Array.isArray(value) ? value : [value] });
    }
  }
  return out;
}
