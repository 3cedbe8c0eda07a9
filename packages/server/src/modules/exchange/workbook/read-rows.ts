import { stat } from 'node:fs/promises';
import { WorkbookError, type SheetInfo, type WorkbookInfo } from './inspect-workbook.js';
import { readDateStyles, readSharedStrings } from './shared-parts.js';
import { XmlScanner, attr, type XmlHandler } from './xml-scan.js';
import { partText } from './zip-part.js';

/** A formula whose result was never calculated and saved: there is no value to import. */
export interface FormulaWithoutValue {
  kind: 'noValue';
  formula: string;
}
export interface CellError {
  kind: 'error';
  value: string;
}
export type RawCell = null | string | number | boolean | Date | FormulaWithoutValue | CellError;

export interface RawRow {
  sheet: SheetInfo;
  /** 1-based, as Excel numbers rows. */
  number: number;
  /** Index 0 is column A. */
  cells: RawCell[];
}

export interface ReadProgress {
  bytesRead: number;
  bytesTotal: number;
  rows: number;
}

/**
 * Streams every row of every worksheet, in tab order, never holding a sheet in memory: the
 * shared strings (and, for copies, the date styles) are read first, then each worksheet's XML
 * is scanned as it inflates. A formula yields its cached result (what Excel or WPS showed when
 * the file was saved), or a marker when there is none. Numbers are numbers; with `styles`, a
 * number in a date format is a Date, as a copy of the file needs. Rows beyond `maxRows` stop
 * the read.
 */
export async function* readRows(path: string, info: WorkbookInfo, options: ReadRowsOptions): AsyncGenerator<RawRow> {
  for await (const rows of readRowBatches(path, info, options)) yield* rows;
}

type ReadRowsOptions = { maxRows: number; onProgress?: (p: ReadProgress) => void; styles?: boolean };

/**
 * readRows, a batch at a time: the rows of each piece of XML as it inflates. An import of
 * 100,000 rows pays an async generator's promises per batch rather than per row.
 */
export async function* readRowBatches(path: string, info: WorkbookInfo, options: ReadRowsOptions): AsyncGenerator<RawRow[]> {
  const { size } = await stat(path);
  const part = (name: string) => info.parts.get(name) ?? [...info.parts].find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
  const strings = await readSharedStrings(path, part('xl/sharedStrings.xml'));
  const dateStyles = options.styles ? await readDateStyles(path, part('xl/styles.xml')) : null;
  let bytesRead = 0;
  let rows = 0;
  let ready: RawRow[] = [];
  const counted = () => {
    const before = rows;
    rows += ready.length;
    if (rows > options.maxRows) throw new WorkbookError('file.tooManyRows', { max: options.maxRows });
    if (Math.floor(rows / 1000) > Math.floor(before / 1000)) options.onProgress?.({ bytesRead, bytesTotal: size, rows });
    const batch = ready;
    ready = [];
    return batch;
  };
  for (const sheet of info.sheets) {
    const location = info.parts.get(sheet.path);
    if (!location) continue;
    const scanner = new XmlScanner(sheetHandler(sheet, strings, dateStyles, info.date1904, (row) => ready.push(row)));
    for await (const text of partText(path, location, (n) => (bytesRead += n))) {
      scanner.feed(text);
      if (ready.length) yield counted();
    }
    scanner.end();
    if (ready.length) yield counted();
  }
  options.onProgress?.({ bytesRead: size, bytesTotal: size, rows });
}

/** "AB12" → 27 (0 is column A); -1 when the reference has no letters. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 32; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return i ? col - 1 : -1;
}

const TEXT_NONE = 0;
const TEXT_VALUE = 1;
const TEXT_FORMULA = 2;

/** Excel's serial day (1900 or 1904 system) as the instant a spreadsheet program shows. */
const serialToDate = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** The XML handler of one worksheet: cells collected per row, each non-blank row handed on. */
function sheetHandler(sheet: SheetInfo, strings: string[], dateStyles: Set<number> | null, date1904: boolean, emit: (row: RawRow) => void): XmlHandler {
  let inRow = false;
  let rowNumber = 0;
  let cells: RawCell[] = [];
  let any = false;
  let column = -1;
  // The cell being read.
  let inCell = false;
  let type: string | undefined;
  let style = 0;
  let formula: string | null = null;
  let value: string | null = null;
  let mode = TEXT_NONE;
  let inInline = false;
  let phonetic = 0;

  const finishCell = () => {
    let cell: RawCell = null;
    if (formula !== null) {
      if (value === null || value === '') cell = { kind: 'noValue', formula };
      else if (type === 'str' || type === 'inlineStr') cell = blankToNull(value);
      else if (type === 'b') cell = value.trim() !== '0';
      else if (type === 'e') cell = { kind: 'error', value: value.trim() };
      else cell = number(value);
    } else if (value !== null) {
      switch (type) {
        case 's':
          cell = blankToNull(strings[Number.parseInt(value, 10)] ?? '');
          break;
        case 'str':
        case 'inlineStr':
          cell = blankToNull(value);
          break;
        case 'e':
          cell = { kind: 'error', value: value.trim() };
          break;
        case 'b':
          cell = value.trim() !== '0';
          break;
        case 'd': {
          const d = new Date(value.trim());
          cell = Number.isNaN(d.getTime()) ? blankToNull(value) : d;
          break;
        }
        default: {
          const n = number(value);
          cell = typeof n === 'number' && dateStyles?.has(style) ? serialToDate(n, date1904) : n;
        }
      }
    }
    if (column >= 0) {
      cells[column] = cell;
      if (cell !== null) any = true;
    }
  };

  return {
    open(name, attrs) {
      if (name === 'c') {
        if (!inRow) return;
        inCell = true;
        const ref = attr(attrs, 'r');
        const col = ref === undefined ? -1 : columnOf(ref);
        column = col >= 0 ? col : column + 1;
        type = attr(attrs, 't');
        const s = attr(attrs, 's');
        style = s === undefined ? 0 : Number.parseInt(s, 10);
        formula = null;
        value = null;
        inInline = false;
        phonetic = 0;
      } else if (!inCell) {
        if (name === 'row') {
          inRow = true;
          const r = attr(attrs, 'r');
          rowNumber = r === undefined ? rowNumber + 1 : Number.parseInt(r, 10);
          cells = [];
          any = false;
          column = -1;
        }
      } else if (name === 'v') {
        value = '';
        mode = TEXT_VALUE;
      } else if (name === 'f') {
        formula ??= '';
        mode = TEXT_FORMULA;
      } else if (name === 'is') {
        inInline = true;
        value = '';
      } else if (name === 'rPh') {
        // Phonetic guides (furigana) are not part of the cell's text.
        phonetic++;
      } else if (name === 't' && inInline && !phonetic) {
        mode = TEXT_VALUE;
      }
    },
    close(name) {
      if (name === 'v' || name === 'f' || name === 't') mode = TEXT_NONE;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c') {
        if (inCell) finishCell();
        inCell = false;
        mode = TEXT_NONE;
      } else if (name === 'row' && inRow) {
        inRow = false;
        if (!any) return;
        // Dense, as readers index and map over it: a cell the file leaves out is blank.
        for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
        emit({ sheet, number: rowNumber, cells });
      }
    },
    text(text) {
      if (mode === TEXT_VALUE) value += text;
      else if (mode === TEXT_FORMULA) formula += text;
    },
    wantsText: () => mode !== TEXT_NONE,
  };
}

function blankToNull(text: string): string | null {
  return text.trim() === '' ? null : text;
}

/** A number cell; one that does not hold a finite number is an error value, as Excel shows #NUM!. */
function number(text: string): number | CellError {
  const n = Number.parseFloat(text);
  return Number.isFinite(n) ? n : { kind: 'error', value: '#NUM!' };
}
