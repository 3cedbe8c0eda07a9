import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Puts the server's field errors on the form's fields ("annualPlans.1.year" → ['annualPlans', 1, 'year']).
 * Returns the issues no field could show, for a banner.
 */
export function applyServerErrors(form: FormInstance, error: unknown): string[] {
  if (!(error instanceof ApiError)) return [error instanceof Error ? error.message : String(error)];
  if (!error.issues.length) return [error.message];
  const known = new Set(Object.keys(flatten(form.getFieldsValue(true))));
  const leftover: string[] = [];
  const fields = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of error.issues) {
    const name = issue.field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const key = name.join('.');
    const top = String(name[0]);
    if (!known.has(key) && !known.has(top)) {
      leftover.push(issue.message);
      continue;
    }
    const entry = fields.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    fields.set(key, entry);
  }
  form.setFields([...fields.values()]);
  return leftover;
}

function flatten(value: unknown, prefix = '', out: Record<string, true> = {}): Record<string, true> {
  if (prefix) out[prefix] = true;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
}
