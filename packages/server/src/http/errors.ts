import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { RULE_TEXTS, describeIssue, type Locale } from '@guatu/core';

/** One thing wrong with a request: which field, which rule, and the values the message needs. */
export interface Issue {
  field: string;
  rule: string;
  params?: Record<string, unknown>;
}

/** An error the client can act on. Services throw these; the error handler localises them. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly issues: Issue[] = [],
    message?: string,
  ) {
    super(message ?? code);
  }
}

export const badRequest = (field: string, rule: string, params?: Record<string, unknown>) =>
  new AppError(400, 'VALIDATION', [{ field, rule, params }]);
export const invalid = (issues: Issue[]) => new AppError(400, 'VALIDATION', issues);
export const conflict = (field: string, rule: string, params?: Record<string, unknown>) =>
  new AppError(409, 'CONFLICT', [{ field, rule, params }]);
/** A write that names a region outside the actor's area. Regions are public, so 403 leaks nothing. */
export const outOfScope = (field: string, value: string) =>
  new AppError(403, 'FORBIDDEN', [{ field, rule: 'region.outOfScope', params: { value } }]);
/** 409 for a lost update: says who changed the record since the version the client read. */
export const staleVersion = (current: { version: number; updatedAt: Date; updatedByName: string | null }) =>
  new AppError(409, 'STALE_VERSION', [
    {
      field: 'version',
      rule: 'version.stale',
      params: {
        value: current.version,
        by: current.updatedByName ?? '—',
        at: current.updatedAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }),
      },
    },
  ]);
export const notFound = (entity: string) => new AppError(404, 'NOT_FOUND', [], entity);
export const forbidden = (reason: string) => new AppError(403, 'FORBIDDEN', [], reason);
export const unauthorized = (reason = 'session') => new AppError(401, 'UNAUTHORIZED', [], reason);

const STATUS_TEXT: Record<number, { zh: string; en: string }> = {
  400: { zh: '请求有误', en: 'Bad Request' },
  409: { zh: '与当前状态冲突', en: 'Conflict' },
  423: { zh: '账户已锁定', en: 'Locked' },
  401: { zh: '请先登录', en: 'Sign in first' },
  403: { zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  404: { zh: '未找到该记录', en: 'Not found' },
  413: { zh: '请求内容过大', en: 'Request body too large' },
  415: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  429: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  503: { zh: '数据库暂时不可用，请稍后再试', en: 'The database is unavailable; try again shortly' },
  500: { zh: '服务器内部错误', en: 'Internal server error' },
};

const REASON_TEXT: Record<string, { zh: string; en: string }> = {
  session: { zh: '请先登录', en: 'Sign in first' },
  expired: { zh: '会话已过期，请重新登录', en: 'Your session has expired; sign in again' },
  credentials: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  origin: { zh: '请求来源不受信任', en: 'The request does not come from this site' },
  role: { zh: '您的角色不能执行此操作', en: 'Your role cannot do this' },
  separation: { zh: '不能审核自己提交的月报', en: 'You cannot review a report you submitted yourself' },
};

export interface ErrorBody {
  statusCode: number;
  code: string;
  error: string;
  message: string;
  issues?: { field: string; rule: string; message: string }[];
}

function localize(issues: Issue[], locale: Locale) {
  return issues.map((i) => ({ field: i.field, rule: i.rule, message: describeIssue(i.field, i.rule, locale, i.params) }));
}

/** Zod issues → Guatu issues: the rule names what was broken, the params what the message needs. */
export function fromZodIssues(zodIssues: readonly any[], prefix = ''): Issue[] {
  const out: Issue[] = [];
  for (const z of zodIssues) {
    const path = [prefix, ...(z.path ?? [])].filter((p) => p !== '').join('.');
    const field = path || 'body';
    if ((z.code === 'invalid_type' || z.code === 'invalid_value') && isMissing(z)) {
      out.push({ field, rule: 'required' });
      continue;
    }
    const customRule = z.params?.rule ?? (typeof z.message === 'string' && RULE_TEXTS[z.message] ? z.message : undefined);
    if (customRule) {
      out.push({ field, rule: customRule, params: { ...z.params } });
      continue;
    }
    switch (z.code) {
      case 'invalid_type':
        out.push(isMissing(z) ? { field, rule: 'required' } : { field, rule: 'type', params: { expected: typeName(z.expected) } });
        break;
      case 'unrecognized_keys':
        for (const key of z.keys ?? []) out.push({ field: [path, key].filter(Boolean).join('.'), rule: 'unknownField' });
        break;
      case 'too_small':
        out.push({
          field,
          rule: z.origin === 'string' ? 'tooShort' : z.origin === 'array' ? 'tooFewItems' : 'tooSmall',
          params: { min: String(z.minimum) },
        });
        break;
      case 'too_big':
        out.push({
          field,
          rule: z.origin === 'string' ? 'tooLong' : z.origin === 'array' ? 'tooManyItems' : 'tooBig',
          params: { max: String(z.maximum) },
        });
        break;
      case 'invalid_value':
        out.push(isMissing(z) ? { field, rule: 'required' } : { field, rule: 'oneOf', params: { values: (z.values ?? []).map(String) } });
        break;
      case 'invalid_format':
        out.push({ field, rule: z.format === 'date' ? 'date' : 'format' });
        break;
      case 'invalid_union':
        out.push({ field, rule: 'format' });
        break;
      default:
        out.push({ field, rule: 'format' });
    }
  }
  return out;
}

const isMissing = (z: any) => ('input' in z ? z.input === undefined : /received undefined/.test(z.message ?? ''));

function typeName(expected: string): string {
  return (
    { string: 'string 字符串', number: 'number 数字', int: 'integer 整数', boolean: 'boolean 布尔值', object: 'object 对象', array: 'array 数组' }[
      expected
    ] ?? expected
  );
}

export function errorHandler(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  const locale = request.locale ?? 'zh';
  const send = (statusCode: number, code: string, message: string, issues?: ErrorBody['issues']) => {
    const body: ErrorBody = { statusCode, code, error: STATUS_TEXT[statusCode]?.en ?? 'Error', message, ...(issues ? { issues } : {}) };
    return reply.code(statusCode).type('application/json; charset=utf-8').send(body);
  };

  if (error instanceof AppError) {
    if (error.issues.length) {
      const issues = localize(error.issues, locale);
      return send(error.statusCode, error.code, issues.map((i) => i.message).join('；'), issues);
    }
    const reason = REASON_TEXT[error.message]?.[locale];
    const text = reason ?? STATUS_TEXT[error.statusCode]?.[locale] ?? error.message;
    return send(error.statusCode, error.code, text);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const zodIssues = error.validation.map((v: any) => ({
      ...v.params,
      code: v.keyword,
      message: v.message,
      path: String(v.instancePath).split('/').filter(Boolean),
    }));
    const issues = localize(fromZodIssues(zodIssues), locale);
    return send(400, 'VALIDATION', issues.map((i) => i.message).join('；'), issues);
  }
  if ((error as FastifyError).code === 'FST_ERR_RESPONSE_SERIALIZATION' && isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
    return send(500, 'INTERNAL', STATUS_TEXT[500]![locale]);
  }
  const status = error.statusCode ?? 500;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const issues = localize([{ field: 'body', rule: 'body.tooLarge', params: { max: request.routeOptions.bodyLimit ?? '' } }], locale);
    return send(413, 'PAYLOAD_TOO_LARGE', issues[0]!.message, issues);
  }
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (error as any).type === 'entity.parse.failed' || error instanceof SyntaxError) {
    const issues = localize([{ field: 'body', rule: 'body.json' }], locale);
    return send(400, 'VALIDATION', issues[0]!.message, issues);
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    return send(503, 'DATABASE_UNAVAILABLE', STATUS_TEXT[503]![locale]);
  }
  if (status >= 400 && status < 500) {
    return send(status, error.code ?? 'BAD_REQUEST', STATUS_TEXT[status]?.[locale] ?? error.message);
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(500, 'INTERNAL', STATUS_TEXT[500]![locale]);
}

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: any = error, depth = 0; e && depth < 5; e = e.cause, depth++) {
    if (UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED/i.test(e.message)) return true;
  }
  return false;
}
