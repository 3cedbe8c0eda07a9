import type { PartLocation } from './inspect-workbook.js';
import { attr } from './xml-scan.js';
import { scanPart } from './zip-part.js';

/**
 * The shared string table: every string of the workbook, in order. Rich text runs are joined;
 * phonetic guides (rPh) are left out, as they are not part of what the cell shows.
 */
export async function readSharedStrings(path: string, part: PartLocation | undefined): Promise<string[]> {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  await scanPart(path, part, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && current !== null && !phonetic) inText = true;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && current !== null) {
        strings.push(current);
        current = null;
      }
    },
    text(text) {
      if (inText) current += text;
    },
    wantsText: () => inText,
  });
  return strings;
}

/** Number formats Excel builds in that show dates (and the CJK ones WPS uses). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code that shows a date or time: y, m, d, h, s outside quoted text and [colour] or [$-locale] brackets. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*\]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, ''));
}

/** The cell style indexes (cellXfs) whose number format is a date. */
export async function readDateStyles(path: string, part: PartLocation | undefined): Promise<Set<number>> {
  const dateFormats = new Set(BUILT_IN_DATES);
  const styles = new Set<number>();
  let inCellXfs = false;
  let index = 0;
  await scanPart(path, part, {
    open(name, attrs) {
      if (name === 'numFmt') {
        const id = Number(attr(attrs, 'numFmtId'));
        const code = attr(attrs, 'formatCode') ?? '';
        if (isDateFormat(code)) dateFormats.add(id);
        else dateFormats.delete(id);
      } else if (name === 'cellXfs') {
        inCellXfs = true;
      } else if (name === 'xf' && inCellXfs) {
        if (dateFormats.has(Number(attr(attrs, 'numFmtId') ?? 0))) styles.add(index);
        index++;
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
    wantsText: () => false,
  });
  return styles;
}
