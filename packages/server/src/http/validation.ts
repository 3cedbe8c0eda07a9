import type { FastifySchemaCompiler } from 'fastify';
import type { ZodType } from 'zod';
import { fromZodIssues, invalid } from './errors.js';

/**
 * Validates requests with the route's Zod schema and turns failures into Guatu's own 400: every
 * problem at once, each naming its field and rule. The input is reported to the mapper only to
 * tell "missing" from "wrong"; it is never echoed back.
 */
export const validatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const unstorable = findUnstorableText(data);
    if (unstorable !== null) return { error: invalid([{ field: unstorable || 'body', rule: 'text.invalid' }]) };
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: invalid(fromZodIssues(result.error.issues)) };
  };

/** NUL, which PostgreSQL text cannot hold, or a UTF-16 surrogate without its pair, which would be stored as U+FFFD. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The path of the first string (or key) in a request that the database cannot store faithfully,
 * or null. Iterative, so a deeply nested body cannot exhaust the stack.
 */
export function findUnstorableText(data: unknown): string | null {
  const stack: [unknown, string][] = [[data, '']];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) return path;
    } else if (value && typeof value === 'object') {
      const entries = Object.entries(value);
      for (const [key] of entries) if (UNSTORABLE.test(key)) return path ? `${path}.${key}` : key;
      // Reversed, so the first field in the request is the first reported.
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], path ? `${path}.${entries[i]![0]}` : entries[i]![0]]);
    }
  }
  return null;
}
