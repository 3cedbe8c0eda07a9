import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';
import type { PartLocation } from './inspect-workbook.js';
import { WorkbookError } from './workbook-error.js';
import { XmlScanner, type XmlHandler } from './xml-scan.js';

/**
 * One part of an inspected workbook as text, chunk by chunk, straight from its bytes in the
 * file: no unzipping library, no temporary files, parts read in whatever order the reader needs
 * them. `onBytes` counts the compressed bytes read, for progress. The declared sizes were checked
 * against the budget when the workbook was inspected; a part that inflates to more than it
 * declared is corrupt, and is stopped there, so no zip bomb inflates past the budget.
 */
export async function* partText(path: string, part: PartLocation, onBytes?: (n: number) => void): AsyncGenerator<string> {
  if (part.compressedSize === 0) return;
  if (part.method !== 0 && part.method !== 8) throw new WorkbookError('file.corrupt');
  const file = await open(path, 'r');
  const local = Buffer.alloc(30);
  try {
    await file.read(local, 0, 30, part.localHeaderOffset);
  } finally {
    await file.close();
  }
  if (local.readUInt32LE(0) !== 0x04034b50) throw new WorkbookError('file.corrupt');
  const start = part.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const raw = createReadStream(path, { start, end: start + part.compressedSize - 1, highWaterMark: 256 * 1024 });
  if (onBytes) raw.on('data', (chunk) => onBytes(chunk.length));
  const stream = part.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: 256 * 1024 })) : raw;
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > part.size) throw new WorkbookError('file.corrupt');
      yield decoder.write(chunk);
    }
    yield decoder.end();
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    if ((e as { code?: string }).code?.startsWith('Z_')) throw new WorkbookError('file.corrupt');
    throw e;
  } finally {
    raw.destroy();
    if (stream !== raw) (stream as unknown as { destroy(): void }).destroy();
  }
}

/** Runs a whole part through an XML handler. */
export async function scanPart(path: string, part: PartLocation | undefined, handler: XmlHandler): Promise<void> {
  if (!part) return;
  const scanner = new XmlScanner(handler);
  for await (const text of partText(path, part)) scanner.feed(text);
  scanner.end();
}
