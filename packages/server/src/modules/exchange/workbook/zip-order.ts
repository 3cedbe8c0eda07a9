import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { WorkbookInfo } from './inspect-workbook.js';

/** Parts a streaming reader needs before any worksheet: relationships, the workbook, shared strings, styles. */
const FIRST = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];

/**
 * The workbook's zip with its parts re-ordered so that the shared strings and relationships come
 * before the worksheets. Excel and WPS write the shared strings last; exceljs then parks each
 * worksheet in a temporary file, and loses the parts that arrive while it writes one (a small
 * shared strings table among them). In this order every worksheet streams straight through.
 */
export function orderedZip(path: string, info: WorkbookInfo): Readable {
  // Worksheets follow in the workbook's tab order, which is the order their rows are applied in.
  const tabs = new Map(info.sheets.map((s, i) => [s.path, i]));
  const rank = (name: string) => {
    const i = FIRST.indexOf(name);
    if (i >= 0) return i;
    return name.startsWith('xl/worksheets/') ? FIRST.length + 1 + (tabs.get(name) ?? info.sheets.length) : FIRST.length;
  };
  // The central directory still closes the stream: a streaming unzipper stops at its signature.
  const spans = [...[...info.spans].sort((a, b) => rank(a.name) - rank(b.name) || a.start - b.start), info.directory];
  return Readable.from(
    (async function* () {
      for (const span of spans) {
        if (span.end <= span.start) continue;
        for await (const chunk of createReadStream(path, { start: span.start, end: span.end - 1, highWaterMark: 256 * 1024 })) yield chunk as Buffer;
      }
    })(),
  );
}
