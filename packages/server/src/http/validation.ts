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
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: invalid(fromZodIssues(result.error.issues)) };
  };
