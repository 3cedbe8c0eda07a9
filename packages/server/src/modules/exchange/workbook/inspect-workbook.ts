import { open, type FileHandle } from 'node:fs/promises';
import type { ImportLimits } from '../import-limits.js';
import { WorkbookError } from './workbook-error.js';
import { partText } from './zip-part.js';

export { WorkbookError };

export interface SheetInfo {
  name: string;
  /** visible, hidden or veryHidden (hidden even from Excel's "unhide" list). */
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The part inside the zip: xl/worksheets/sheet3.xml. */
  path: string;
  /** The number in the part's file name, which is how the streaming reader names a sheet. */
  sheetNo: string;
}

export interface WorkbookInfo {
  sheets: SheetInfo[];
  date1904: boolean;
  /** docProps/app.xml: "Microsoft Excel", "WPS 表格" … */
  application: string | null;
  /** What the zip's directory says its parts inflate to (no part is let inflate to more). */
  uncompressedBytes: number;
  /** Where each part lies in the zip, by name, for reading the parts a row reader needs in the order it needs them. */
  parts: Map<string, PartLocation>;
}

export interface PartLocation {
  /** Offset of the part's local header. */
  localHeaderOffset: number;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** Inflated size, checked against the budget when the workbook was inspected. */
  size: number;
}

interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Decides whether a file is a workbook Guatu can read safely, before any XML is parsed:
 * - an OLE compound file is either an encrypted (password-protected) workbook or a legacy .xls;
 * - a zip must hold a workbook, not a renamed Word or OpenDocument file;
 * - the zip's entries are counted, and the sizes its directory declares must add up to no more
 *   than `maxUncompressedBytes`. Nothing inflates a part beyond its declared size: this function
 *   stops the few small parts it reads there, and every later reader (partText) does the same,
 *   so a zip bomb is stopped within the budget whatever its directory claims, and a part that
 *   claims less than it holds is refused as corrupt when it is read. The parts are not inflated
 *   here beforehand: that doubled the inflating of every sheet (about 0.2 s of a 100,000-row
 *   file, before anything else could start).
 */
export async function inspectWorkbook(path: string, limits: ImportLimits): Promise<WorkbookInfo> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    if (size === 0) throw new WorkbookError('file.empty');
    const head = Buffer.alloc(8);
    await file.read(head, 0, 8, 0);
    if (head.equals(OLE_MAGIC)) throw await oleError(file, size);
    if (!head.subarray(0, 4).equals(ZIP_MAGIC)) throw new WorkbookError('file.notWorkbook', { value: sniffText(head) });

    const { entries } = await readCentralDirectory(file, size);
    if (entries.length > limits.maxZipEntries) throw new WorkbookError('file.zipEntries', { max: limits.maxZipEntries });
    if (entries.some((e) => e.encrypted)) throw new WorkbookError('file.encrypted');
    const names = new Set(entries.map((e) => e.name));
    if (!names.has('xl/workbook.xml')) throw new WorkbookError('file.renamed', { value: guessKind(names) });

    const declared = entries.reduce((sum, e) => sum + e.size, 0);
    if (declared > limits.maxUncompressedBytes) throw new WorkbookError('file.zipBomb', { max: limits.maxUncompressedBytes });
    const parts = new Map<string, string>();
    for (const entry of entries) {
      if (entry.name === 'xl/workbook.xml' || entry.name === 'xl/_rels/workbook.xml.rels' || entry.name === 'docProps/app.xml') parts.set(entry.name, await inflateEntry(path, entry));
    }
    const sheets = readSheets(parts.get('xl/workbook.xml')!, parts.get('xl/_rels/workbook.xml.rels') ?? '');
    if (!sheets.length) throw new WorkbookError('file.noSheets');
    return {
      sheets,
      date1904: /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(parts.get('xl/workbook.xml')!),
      application: /<Application>([^<]*)<\/Application>/.exec(parts.get('docProps/app.xml') ?? '')?.[1] ?? null,
      uncompressedBytes: declared,
      parts: new Map(entries.map((e) => [e.name, { localHeaderOffset: e.localHeaderOffset, method: e.method, compressedSize: e.compressedSize, size: e.size }])),
    };
  } finally {
    await file.close();
  }
}

/** An encrypted OOXML package is an OLE file with an EncryptionInfo stream; anything else OLE is a legacy .xls. */
async function oleError(file: FileHandle, size: number): Promise<WorkbookError> {
  const buffer = Buffer.alloc(Math.min(size, 4 * 1024 * 1024));
  await file.read(buffer, 0, buffer.length, 0);
  const encrypted = ['EncryptionInfo', 'EncryptedPackage'].some((name) => buffer.includes(Buffer.from(name, 'utf16le')));
  return new WorkbookError(encrypted ? 'file.encrypted' : 'file.legacyXls');
}

function sniffText(head: Buffer): string {
  if (head.subarray(0, 4).toString('latin1') === '%PDF') return 'PDF';
  if (head[0] === 0x3c) return 'HTML/XML';
  return head.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || b >= 0x20) ? 'text (CSV?)' : 'binary';
}

function guessKind(names: Set<string>): string {
  if (names.has('word/document.xml')) return 'Word (.docx)';
  if ([...names].some((n) => n.startsWith('ppt/'))) return 'PowerPoint (.pptx)';
  if (names.has('content.xml') || names.has('META-INF/manifest.xml')) return 'OpenDocument (.ods/.odt)';
  return 'zip';
}

async function readCentralDirectory(file: FileHandle, size: number): Promise<{ entries: ZipEntry[]; directoryOffset: number }> {
  const tailLength = Math.min(size, 65_557);
  const tail = Buffer.alloc(tailLength);
  await file.read(tail, 0, tailLength, size - tailLength);
  let eocd = -1;
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new WorkbookError('file.corrupt');
  const count = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  // ZIP64 markers: no workbook an officer e-mails comes near 4 GB or 65,535 parts.
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new WorkbookError('file.zipEntries', { max: 0xffff });
  if (directoryOffset + directorySize > size) throw new WorkbookError('file.corrupt');
  const directory = Buffer.alloc(directorySize);
  await file.read(directory, 0, directorySize, directoryOffset);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== 0x02014b50) throw new WorkbookError('file.corrupt');
    const nameLength = directory.readUInt16LE(p + 28);
    const extraLength = directory.readUInt16LE(p + 30);
    const commentLength = directory.readUInt16LE(p + 32);
    entries.push({
      encrypted: (directory.readUInt16LE(p + 8) & 1) === 1,
      method: directory.readUInt16LE(p + 10),
      compressedSize: directory.readUInt32LE(p + 20),
      size: directory.readUInt32LE(p + 24),
      localHeaderOffset: directory.readUInt32LE(p + 42),
      name: directory.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, directoryOffset };
}

/** One small part as text, by the same bounded reader as every other part. */
async function inflateEntry(path: string, entry: ZipEntry): Promise<string> {
  let text = '';
  for await (const piece of partText(path, entry)) text += piece;
  return text;
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]!] = decodeXml(m[2]!);
  return out;
}

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e.toLowerCase()]!;
  });
}

/** Sheets in workbook order, with the part each lives in (targets may be relative or absolute). */
function readSheets(workbookXml: string, relsXml: string): SheetInfo[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (!a.Id || !a.Target) continue;
    const target = a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target.replace(/^\.\//, '')}`;
    targets.set(a.Id, target);
  }
  const sheets: SheetInfo[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const rid = Object.entries(a).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
    const path = rid ? targets.get(rid) : undefined;
    const sheetNo = path ? /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(path)?.[1] : undefined;
    // Chart sheets and dialog sheets hold no rows.
    if (!path || !path.startsWith('xl/worksheets/')) continue;
    if (!sheetNo) throw new WorkbookError('file.layout', { value: path });
    const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
    sheets.push({ name: a.name ?? `Sheet${sheetNo}`, state, path, sheetNo });
  }
  return sheets;
}
