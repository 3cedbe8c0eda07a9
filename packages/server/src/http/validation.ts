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
    // PostgreSQL text cannot hold U+0000; refuse it here rather than fail in the database.
    const nul = nulPaths(data);
    if (nul.length) return { error: invalid(nul.map((field) => ({ field, rule: 'format' }))) };
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: invalid(fromZodIssues(result.error.issues)) };
  };

/** Paths of the strings in `data` that contain a NUL character. */
function nulPaths(data: unknown, path: string[] = [], depth = 0, out: string[] = []): string[] {
  if (typeof data === 'string') {
    if (data.includes('\u0000')) out.push(path.join('.') || 'body');
  } else if (data && typeof data === 'object' && depth < 20) {
    for (const [key, value] of Object.entries(data)) nulPaths(value, [...path, key], depth + 1, out);
  }
  return out;
}
