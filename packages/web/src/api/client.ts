/**
 * The one way the web app talks to the API: same-origin JSON, the session cookie, the user's
 * language for error messages. Errors come back as ApiError with the server's field issues.
 */
export interface ApiIssue {
  field: string;
  rule: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
  }
}

let language = 'zh-CN';
/** Errors are localised by the server from Accept-Language; the shell sets it on a language switch. */
export function setApiLanguage(locale: 'zh' | 'en') {
  language = locale === 'zh' ? 'zh-CN,zh;q=0.9' : 'en-US,en;q=0.9';
}
/** The Accept-Language the API is sent, for calls that do not go through api() (uploads, downloads). */
export const apiLanguage = () => language;

/** Called when the server says the session is gone, so the shell can send the user to sign in. */
let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(handler: (() => void) | null) {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>;

export function toQueryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, query?: Query): Promise<T> {
  const response = await fetch(`/api/v1${path}${toQueryString(query)}`, {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'accept-language': language, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: any;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/auth/')) onUnauthorized?.();
    throw new ApiError(response.status, parsed?.code ?? 'HTTP', parsed?.message ?? response.statusText, parsed?.issues ?? []);
  }
  return parsed as T;
}

export const get = <T>(path: string, query?: Query) => api<T>('GET', path, undefined, query);
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
