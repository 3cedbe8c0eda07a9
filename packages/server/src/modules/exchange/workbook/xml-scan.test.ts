import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WorkbookError } from './inspect-workbook.js';
import { XmlScanner, attr } from './xml-scan.js';

interface Element {
  name: string;
  attrs: [string, string, '"' | "'"][];
  children: (Element | string)[];
}

const escapeText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const escapeValue = (v: string, quote: string) => escapeText(v).replace(quote === '"' ? /"/g : /'/g, quote === '"' ? '&quot;' : '&apos;');

function serialize(e: Element): string {
  const attrs = e.attrs.map(([n, v, q]) => ` ${n}=${q}${escapeValue(v, q)}${q}`).join('');
  if (!e.children.length) return `<x:${e.name}${attrs}/>`;
  return `<x:${e.name}${attrs}>${e.children.map((c) => (typeof c === 'string' ? escapeText(c) : serialize(c))).join('')}</x:${e.name}>`;
}

const NAMES = ['r', 's', 't', 'ref'];

/** What a scanner should report for an element: opens with their attributes decoded, text, closes. */
function expected(e: Element, out: string[] = []): string[] {
  const attrs = NAMES.flatMap((n) => e.attrs.filter(([name]) => name === n).map(([name, v]) => `${name}=${v}`));
  out.push(`open ${e.name} [${attrs.join('|')}] ${!e.children.length}`);
  for (const c of e.children) {
    if (typeof c === 'string') out.push(`text ${c}`);
    else expected(c, out);
  }
  out.push(`close ${e.name}`);
  return out;
}

/** Feeds the chunks to a scanner and lists what it reports, attributes read the way the sheet reader reads them. */
function scan(chunks: string[]): string[] {
  const out: string[] = [];
  const scanner = new XmlScanner({
    open: (name, attrs, selfClosing) => {
      const found = NAMES.flatMap((n) => {
        const v = attr(attrs, n);
        return v === undefined ? [] : [`${n}=${v}`];
      });
      out.push(`open ${name} [${found.join('|')}] ${selfClosing}`);
    },
    close: (name) => out.push(`close ${name}`),
    text: (text) => out.push(`text ${text}`),
  });
  for (const c of chunks) scanner.feed(c);
  scanner.end();
  return out;
}

const value = fc.string({ unit: fc.constantFrom('a', 'b', '>', '"', "'", '&', ' ', '中', '='), maxLength: 6 });
const text = fc.string({ unit: fc.constantFrom('1', '.', '&', '中', ' ', '>'), minLength: 1, maxLength: 5 });
// fc.memo lowers the depth at each level, so trees stay a few levels deep.
const element: fc.Memo<Element> = fc.memo((depth) =>
  fc.record({
    name: fc.constantFrom('c', 'row', 'v', 'is'),
    attrs: fc.uniqueArray(fc.tuple(fc.constantFrom('r', 's', 't', 'ref'), value, fc.constantFrom('"' as const, "'" as const)), { selector: (a) => a[0], maxLength: 3 }),
    children: fc.array(depth > 1 ? fc.oneof(text, element()) : text, { maxLength: 3 }),
  }),
);
const tree = element(4);

/** Adjacent text children are one text run in XML. */
function mergeText(e: Element): Element {
  const children: (Element | string)[] = [];
  for (const c of e.children) {
    const merged = typeof c === 'string' ? c : mergeText(c);
    if (typeof merged === 'string' && typeof children.at(-1) === 'string') children[children.length - 1] += merged;
    else children.push(merged);
  }
  return { ...e, children };
}

describe('the workbook XML scanner', () => {
  it('reports the same elements, attributes and text however the XML is cut into chunks', () => {
    fc.assert(
      fc.property(tree, fc.array(fc.nat(), { maxLength: 8 }), (raw, cuts) => {
        const element = mergeText(raw);
        const xml = `<?xml version="1.0"?>${serialize(element)}`;
        const at = [...new Set(cuts.map((c) => c % (xml.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, i) => xml.slice(from, at[i] ?? xml.length));
        expect(scan(chunks)).toEqual(expected(element));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a quoted ">" inside a tag and reads the attribute whole', () => {
    expect(scan(['<c r="A1" t=\'a>b\' s="x>y"><v', '>1</v></c>'])).toEqual(['open c [r=A1|s=x>y|t=a>b] false', 'open v [] false', 'text 1', 'close v', 'close c']);
  });

  it('refuses a tag left open at the end of the part', () => {
    expect(() => scan(['<c r="A1'])).toThrow(WorkbookError);
  });
});
