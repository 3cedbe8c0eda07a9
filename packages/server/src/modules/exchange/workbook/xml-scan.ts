import { WorkbookError, decodeXml } from './inspect-workbook.js';

export interface XmlHandler {
  /** `name` without its namespace prefix; `attrs` the raw text between the name and the end of the tag. */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data, entities decoded (CDATA as written). */
  text(text: string): void;
  /** Whether text is wanted now; text between tags that nobody reads is never copied out. */
  wantsText?(): boolean;
}

/** Where a start tag ends: its '>', quoted values skipped whole (a quoted value may hold '>'); -1 when the chunk ends first. */
function tagEnd(buf: string, from: number): number {
  for (let j = from; j < buf.length; j++) {
    const c = buf.charCodeAt(j);
    if (c === 62 /* > */) return j;
    if (c === 34 /* " */ || c === 39 /* ' */) {
      j = buf.indexOf(c === 34 ? '"' : "'", j + 1);
      if (j < 0) return -1;
    }
  }
  return -1;
}

const localName = (qname: string) => {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
};

/**
 * A small streaming XML tokenizer for the parts of a workbook: elements, attributes and text,
 * fed chunk by chunk. Spreadsheet XML uses no DTDs, so none is read and no entity but the five
 * predefined ones and character references is expanded (nothing to blow up). It allocates
 * nothing per tag beyond the strings handed out, which is what makes it several times faster
 * than a general parser building an object per node.
 */
export class XmlScanner {
  private rest = '';

  constructor(private readonly handler: XmlHandler) {}

  feed(chunk: string): void {
    const buf = this.rest ? this.rest + chunk : chunk;
    const h = this.handler;
    const n = buf.length;
    let i = 0;
    while (i < n) {
      const lt = buf.indexOf('<', i);
      if (lt < 0) break; // text that may go on in the next chunk
      if (lt > i && (!h.wantsText || h.wantsText())) h.text(decode(buf.slice(i, lt)));
      i = lt;
      const next = buf.charCodeAt(i + 1);
      if (next === 47 /* / */) {
        const gt = buf.indexOf('>', i);
        if (gt < 0) break;
        h.close(localName(buf.slice(i + 2, gt).trim()));
        i = gt + 1;
      } else if (next === 63 /* ? */) {
        const end = buf.indexOf('?>', i);
        if (end < 0) break;
        i = end + 2;
      } else if (next === 33 /* ! */) {
        if (buf.startsWith('<!--', i)) {
          const end = buf.indexOf('-->', i + 4);
          if (end < 0) break;
          i = end + 3;
        } else if (buf.startsWith('<![CDATA[', i)) {
          const end = buf.indexOf(']]>', i + 9);
          if (end < 0) break;
          h.text(buf.slice(i + 9, end));
          i = end + 3;
        } else {
          if (n - i < 9) break;
          const gt = buf.indexOf('>', i);
          if (gt < 0) break;
          i = gt + 1;
        }
      } else if (next !== next /* NaN: '<' ends the chunk */) {
        break;
      } else {
        const gt = tagEnd(buf, i + 1);
        if (gt < 0) break;
        const selfClosing = buf.charCodeAt(gt - 1) === 47;
        const end = selfClosing ? gt - 1 : gt;
        let nameEnd = i + 1;
        while (nameEnd < end) {
          const c = buf.charCodeAt(nameEnd);
          if (c === 32 || c === 9 || c === 10 || c === 13) break;
          nameEnd++;
        }
        const name = localName(buf.slice(i + 1, nameEnd));
        h.open(name, nameEnd < end ? buf.slice(nameEnd, end) : '', selfClosing);
        if (selfClosing) h.close(name);
        i = gt + 1;
      }
    }
    this.rest = i < n ? buf.slice(i) : '';
    // A tag or text run longer than any cell can hold: not a workbook Excel or WPS writes.
    if (this.rest.length > 1 << 20) throw new WorkbookError('file.corrupt');
  }

  end(): void {
    if (this.rest.includes('<')) throw new WorkbookError('file.corrupt');
    if (this.rest) this.handler.text(decode(this.rest));
    this.rest = '';
  }
}

const decode = (text: string) => (text.indexOf('&') < 0 ? text : decodeXml(text));

/** One attribute's value from a tag's attribute text, decoded; undefined when absent. Names match with any prefix stripped only if given so. */
export function attr(attrs: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = attrs.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    const before = attrs.charCodeAt(at - 1);
    // Whole names only: " r=" but not " ref=" or " xr:r=".
    if (!(before === 32 || before === 9 || before === 10 || before === 13)) continue;
    let j = from;
    while (attrs.charCodeAt(j) === 32) j++;
    if (attrs.charCodeAt(j) !== 61 /* = */) continue;
    j++;
    while (attrs.charCodeAt(j) === 32) j++;
    const quote = attrs[j];
    if (quote !== '"' && quote !== "'") return undefined;
    const end = attrs.indexOf(quote, j + 1);
    if (end < 0) return undefined;
    return decode(attrs.slice(j + 1, end));
  }
}
