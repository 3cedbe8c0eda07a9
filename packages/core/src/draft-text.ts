/**
 * A draft as the figure check reads it: plain text, Markdown (with front matter, as the press
 * office's posts are written) or HTML, turned into blocks of plain text — paragraphs and headings —
 * each of which remembers where every character came from in the draft, so a finding can be
 * highlighted in the draft as it was pasted.
 */
import { parseDate } from './chinese-dates.js';

export const DRAFT_FORMATS = ['text', 'markdown', 'html'] as const;
export type DraftFormat = (typeof DRAFT_FORMATS)[number];

export interface DraftBlock {
  text: string;
  /** `offsets[i]` is where `text[i]` stands in the draft; `offsets[text.length]` is the end of the block. */
  offsets: number[];
  heading: boolean;
}

export interface Draft {
  format: DraftFormat;
  frontMatter: Record<string, string>;
  /** The front matter's `date` (YYYY-MM-DD), when it has one. */
  date: string | null;
  title: string | null;
  blocks: DraftBlock[];
}

const BLOCK_TAGS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'br', 'tr', 'td', 'th', 'table', 'section', 'article', 'header', 'footer', 'blockquote', 'pre', 'hr', 'title', 'dd', 'dt', 'figure', 'figcaption', 'main', 'body', 'head', 'html']);
const STRONG_TAGS = new Set(['strong', 'b']);
const HEADING_TAG = /^h[1-6]$/;

const ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·', times: '×', yen: '¥', emsp: ' ', ensp: ' ', thinsp: ' ',
};

function decodeEntity(body: string): string | null {
  if (body.startsWith('#x') || body.startsWith('#X')) return safeCodePoint(parseInt(body.slice(2), 16));
  if (body.startsWith('#')) return safeCodePoint(parseInt(body.slice(1), 10));
  return ENTITIES[body] ?? null;
}

function safeCodePoint(n: number): string | null {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : null;
}

/**
 * What is not text: footnotes (their definitions and their marks), comments, scripts and styles,
 * tags, autolinks, images, the target of a Markdown link (its text stays), bare URLs, entities,
 * emphasis marks and line ends.
 */
const TOKEN =
  /(?<=^|\n)\[\^[^\]\n]+\]:[^\n]*|\[\^[^\]\n]+\]|<!--[\s\S]*?-->|<![^>]*>|<(script|style)\b[\s\S]*?<\/\1\s*>|<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|<(?:https?:|mailto:|\/\/)[^>\s]*>|!\[[^\]]*\]\([^)]*\)|\[([^\]\n]*)\]\([^)\s]*(?:\s+"[^"]*")?\)|https?:\/\/[^\s<>"'）)\]]+|&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});|\*\*|__|`|\r?\n/g;

class BlockBuilder {
  readonly blocks: DraftBlock[] = [];
  private chars: string[] = [];
  private offsets: number[] = [];
  private strongChars = 0;
  private plainChars = 0;
  private headingTag = false;
  private headingMark = false;
  strong = 0;

  push(text: string, at: number) {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      this.chars.push(ch);
      this.offsets.push(at + i);
      if (/\S/.test(ch)) {
        if (this.strong > 0) this.strongChars++;
        else this.plainChars++;
      }
    }
  }

  /** The decoded character of an entity stands where the entity starts. */
  pushAt(ch: string, at: number) {
    this.push(ch, at);
    if (ch.length > 1) this.offsets.splice(-ch.length + 1, ch.length - 1, ...Array<number>(ch.length - 1).fill(at));
  }

  markHeading() {
    this.headingMark = true;
  }

  headingElement() {
    this.headingTag = true;
  }

  end(at: number, plainTextHeadings: boolean) {
    let start = 0;
    let stop = this.chars.length;
    while (start < stop && /\s/.test(this.chars[start]!)) start++;
    while (stop > start && /\s/.test(this.chars[stop - 1]!)) stop--;
    if (stop > start) {
      const text = this.chars.slice(start, stop).join('');
      const offsets = [...this.offsets.slice(start, stop), stop < this.chars.length ? this.offsets[stop]! : at];
      const allStrong = this.strongChars > 0 && this.plainChars === 0;
      const heading = this.headingTag || this.headingMark || allStrong || (plainTextHeadings && looksLikeHeading(text));
      this.blocks.push({ text, offsets, heading });
    }
    this.chars = [];
    this.offsets = [];
    this.strongChars = this.plainChars = 0;
    this.headingTag = this.headingMark = false;
  }
}

/** A short line that does not end a sentence reads as a heading in plain text. */
function looksLikeHeading(text: string): boolean {
  return [...text].length <= 50 && !/[。！？；!?;]/.test(text) && !/[，,：:]$/.test(text);
}

function splitFrontMatter(input: string): { frontMatter: Record<string, string>; bodyStart: number } {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(input);
  if (!m) return { frontMatter: {}, bodyStart: 0 };
  const frontMatter: Record<string, string> = {};
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (kv) frontMatter[kv[1]!] = kv[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return { frontMatter, bodyStart: m[0].length };
}

export function detectDraftFormat(body: string, hasFrontMatter: boolean): DraftFormat {
  if (/^\s*<(!doctype|html)\b/i.test(body)) return 'html';
  if (hasFrontMatter || /^\s{0,3}#{1,6}\s|\*\*|\[[^\]]+\]\([^)]+\)|<(p|div|h[1-6]|br|li|strong)\b/im.test(body)) return 'markdown';
  return 'text';
}

/**
 * Reads a draft. In HTML, blocks end at block elements and line ends are spaces; in Markdown and
 * plain text every line is a block as well (Chinese copy puts one paragraph on a line), and HTML
 * inside Markdown (as in the press office's posts) is read as HTML. Headings are HTML headings,
 * paragraphs that are bold throughout, Markdown `#` lines, and in plain text short lines that end
 * no sentence.
 */
export function readDraft(input: string, format?: DraftFormat): Draft {
  const { frontMatter, bodyStart } = splitFrontMatter(input);
  const body = input.slice(bodyStart);
  const fmt = format ?? detectDraftFormat(body, bodyStart > 0);
  const b = new BlockBuilder();
  const linesAreBlocks = fmt !== 'html';
  let atLineStart = true;
  let last = bodyStart;

  // Text between tokens; at the start of a line, a Markdown heading, quote or list mark is dropped.
  const text = (from: number, to: number) => {
    if (from >= to) return;
    let i = from;
    if (atLineStart && linesAreBlocks) {
      const marker = /^[ \t]{0,3}(#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,3}[.)][ \t]+)/.exec(input.slice(from, to));
      if (marker) {
        if (marker[1]!.startsWith('#')) b.markHeading();
        i += marker[0].length;
      }
    }
    atLineStart = false;
    b.push(input.slice(i, to), i);
  };

  TOKEN.lastIndex = bodyStart;
  for (let m = TOKEN.exec(input); m; m = TOKEN.exec(input)) {
    text(last, m.index);
    last = m.index + m[0].length;
    const token = m[0];
    if (token === '\n' || token === '\r\n') {
      if (linesAreBlocks) {
        b.end(m.index, fmt === 'text' || fmt === 'markdown');
        atLineStart = true;
      } else b.push(' ', m.index);
    } else if (m[3] !== undefined) {
      const tag = m[3].toLowerCase();
      const closing = m[2] === '/';
      if (STRONG_TAGS.has(tag)) b.strong = Math.max(0, b.strong + (closing ? -1 : 1));
      else if (BLOCK_TAGS.has(tag)) {
        b.end(m.index, false);
        if (!closing && HEADING_TAG.test(tag)) b.headingElement();
      }
    } else if (m[4] !== undefined) {
      // A Markdown link: its text stays, where it stands.
      b.push(m[4], m.index + 1);
    } else if (m[5] !== undefined) {
      const decoded = decodeEntity(m[5]);
      if (decoded !== null) b.pushAt(decoded, m.index);
      else b.push(token, m.index);
    } else if (token === '**' || token === '__') {
      if (fmt === 'html') b.push(token, m.index);
      else b.strong = b.strong > 0 ? b.strong - 1 : b.strong + 1;
    } else if (token === '`' && fmt === 'html') {
      b.push(token, m.index);
    }
  }
  text(last, input.length);
  b.end(input.length, fmt === 'text' || fmt === 'markdown');

  const date = frontMatter.date ? parseDate(frontMatter.date.slice(0, 10)) : null;
  return {
    format: fmt,
    frontMatter,
    date: date?.ok ? date.value : null,
    title: frontMatter.title ?? null,
    blocks: b.blocks,
  };
}
