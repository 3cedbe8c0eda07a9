/**
 * Spreadsheets in and out (see /api/openapi.json, "data exchange"): templates, imports with a dry
 * run and a progress bar, the annotated error workbook, and exports of lists and statistics.
 */
import { ApiError, apiLanguage, toQueryString, type ApiIssue } from './client';
import type { StatsFilter, StatsQuery } from './stats';

export type TemplateKind = 'projects' | 'annual-plans' | 'monthly-reports';
export type ExportFormat = 'xlsx' | 'csv';

export interface ImportCounts {
  create: number;
  update: number;
  unchanged: number;
  rejected: number;
}

export interface ImportIssue {
  sheet: string;
  row: number | null;
  column: string | null;
  header: string | null;
  field: string;
  rule: string;
  message: string;
}

export interface ImportResult {
  dryRun: boolean;
  committed: boolean;
  fileName: string;
  application: string | null;
  sheets: { name: string; state: string; kind: 'projects' | 'annualPlans' | 'monthlyReports' | null; headerRow: number | null; rows: number }[];
  counts: { projects: ImportCounts; annualPlans: ImportCounts; monthlyReports: ImportCounts };
  changes: { sheet: string; row: number; kind: string; key: string; fields: string[] }[];
  issues: ImportIssue[];
  issuesTotal: number;
}

/** Where an import stands: sending the file (the browser's upload progress), then the server checking and writing it. */
export interface ImportProgress {
  phase: 'uploading' | 'reading' | 'writing' | 'done';
  percent: number;
}

export const templateUrl = (kind: TemplateKind) => `/api/v1/exchange/templates/${kind}`;
export const oc4idsPackageUrl = '/api/v1/oc4ids/package';

/** The project list's filter as an export link: the same filter, so the file holds what the list shows. */
export function projectsExportUrl(filter: StatsFilter & { q?: string }, format: ExportFormat): string {
  return `/api/v1/exports/projects${toQueryString({ ...(filter as Record<string, string | number | string[] | number[] | undefined>), format })}`;
}

function errorFrom(status: number, body: { code?: string; message?: string; issues?: ApiIssue[] } | undefined, fallback: string): ApiError {
  return new ApiError(status, body?.code ?? 'HTTP', body?.message ?? fallback, body?.issues ?? []);
}

/**
 * Uploads a workbook with XMLHttpRequest, whose upload events give a real progress bar, and asks
 * for NDJSON so the server's checking progress arrives line by line after the upload.
 */
export function runImport(file: File, dryRun: boolean, onProgress: (p: ImportProgress) => void): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/imports?dryRun=${dryRun}`);
    xhr.setRequestHeader('accept', 'application/x-ndjson');
    xhr.setRequestHeader('accept-language', apiLanguage());
    xhr.withCredentials = true;
    let seen = 0;
    let outcome: { type: 'result'; result: ImportResult } | { type: 'error'; error: { statusCode: number; code: string; issues: ApiIssue[] } } | undefined;
    const readLines = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n');
      if (end < seen) return;
      for (const line of text.slice(seen, end).split('\n')) {
        if (!line.trim()) continue;
        const msg = JSON.parse(line);
        if (msg.type === 'progress') onProgress({ phase: msg.phase, percent: msg.percent });
        else outcome = msg;
      }
      seen = end + 1;
    };
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress({ phase: 'uploading', percent: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.onprogress = () => {
      if (xhr.status === 200) readLines();
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'network error'));
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let body;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          /* not JSON */
        }
        reject(errorFrom(xhr.status, body, xhr.statusText));
        return;
      }
      readLines();
      if (outcome?.type === 'result') resolve(outcome.result);
      else if (outcome?.type === 'error') {
        const message = outcome.error.issues.map((i) => i.message).join('；') || outcome.error.code;
        reject(new ApiError(outcome.error.statusCode, outcome.error.code, message, outcome.error.issues));
      } else reject(new ApiError(500, 'INTERNAL', 'no result'));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** The uploaded workbook back with every bad cell highlighted and commented. */
export async function downloadAnnotated(file: File): Promise<void> {
  const form = new FormData();
  form.append('file', file, file.name);
  await saveResponse(await fetch('/api/v1/imports/annotated', { method: 'POST', body: form, credentials: 'same-origin', headers: { 'accept-language': apiLanguage() } }));
}

/** A statistics result as a file, with the filter written on the sheet. */
export async function exportStats(query: StatsQuery & { subject?: string }, format: ExportFormat): Promise<void> {
  const body = { subject: query.subject, filter: query.filter, measures: query.measures, groupBy: query.groupBy, format };
  await saveResponse(
    await fetch('/api/v1/exports/stats', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: '*/*', 'accept-language': apiLanguage() },
      body: JSON.stringify(body),
    }),
  );
}

/** Saves a file answer under the name the server gave it. */
async function saveResponse(response: Response): Promise<void> {
  if (!response.ok) {
    const body = await response.json().catch(() => undefined);
    throw errorFrom(response.status, body, response.statusText);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  saveBlob(await response.blob(), name ? decodeURIComponent(name) : 'download');
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Chromium reads the blob after the click returns; revoke once it has.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
