import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../../http/errors.js';
import type { ImportLimits } from './import-limits.js';

export interface Upload {
  path: string;
  fileName: string;
  remove(): Promise<void>;
}

/**
 * Streams the uploaded file (form field "file") to a private temporary file, refusing it past
 * the size limit. The workbook is then read from disk, never held in memory whole.
 */
export async function receiveUpload(request: FastifyRequest, limits: ImportLimits): Promise<Upload> {
  if (!request.isMultipart()) throw badRequest('file', 'file.required');
  const dir = await mkdtemp(join(tmpdir(), 'guatu-upload-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const part = await request.file({ limits: { fileSize: limits.maxFileBytes, files: 1, fields: 4, parts: 5 } });
    if (!part || part.fieldname !== 'file') throw badRequest('file', 'file.required');
    const path = join(dir, 'upload.xlsx');
    await pipeline(part.file, createWriteStream(path, { mode: 0o600 }));
    // busboy stops writing at the limit and marks the stream truncated.
    if (part.file.truncated) throw Object.assign(new Error('file too large'), { code: 'FST_REQ_FILE_TOO_LARGE' });
    return { path, fileName: cleanName(part.filename), remove };
  } catch (e) {
    await remove();
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, 'PAYLOAD_TOO_LARGE', [{ field: 'file', rule: 'file.tooLarge', params: { max: limits.maxFileBytes } }]);
    }
    if (isBrokenForm(e)) throw badRequest('file', 'file.form');
    throw e;
  }
}

/**
 * The multipart parser (busboy) reports a form it cannot read (no boundary, a boundary not in the
 * body, a form cut off) as a plain Error: no code, unlike the parser's limits (FST_…) and unlike a
 * failing disk (ENOSPC, with a syscall), which stay server errors.
 */
function isBrokenForm(e: unknown): boolean {
  return e instanceof Error && !(e instanceof AppError) && (e as { code?: unknown }).code === undefined && (e as { syscall?: unknown }).syscall === undefined;
}

/** The name as the user's computer had it, without any path. */
function cleanName(name: string | undefined): string {
  return (name ?? 'upload.xlsx').split(/[\\/]/).pop()!.slice(0, 200) || 'upload.xlsx';
}
