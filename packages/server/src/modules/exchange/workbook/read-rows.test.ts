import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zip } from '../../../test/workbooks.js';
import { DEFAULT_IMPORT_LIMITS } from '../import-limits.js';
import { inspectWorkbook } from './inspect-workbook.js';
import { readRows, type RawCell } from './read-rows.js';
import { XmlScanner, attr } from './xml-scan.js';

const dir = mkdtempSync(join(tmpdir(), 'guatu-read-rows-'));
let files = 0;

/** A one-sheet workbook with this sheetData, shared strings and styles, written as Excel lays them out. */
async function rowsOf(sheetData: string, options: { strings?: string; styles?: string; readStyles?: boolean; prefix?: string } = {}): Promise<{ number: number; cells: RawCell[] }[]> {
  const p = options.prefix ?? '';
  const ns = `xmlns${p ? ':' + p.slice(0, -1) : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
  const parts = [
    { name: 'xl/workbook.xml', data: `<?xml version="1.0"?><workbook ${ns}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>` },
    { name: 'xl/worksheets/sheet1.xml', data: `<?xml version="1.0"?>\n<!-- written by hand --><${p}worksheet ${ns}><${p}sheetData>${sheetData}</${p}sheetData></${p}worksheet>` },
    ...(options.strings ? [{ name: 'xl/sharedStrings.xml', data: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${options.strings}</sst>` }] : []),
    ...(options.styles ? [{ name: 'xl/styles.xml', data: `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${options.styles}</styleSheet>` }] : []),
  ];
  const path = join(dir, `${++files}.xlsx`);
  writeFileSync(path, zip(parts));
  const info = await inspectWorkbook(path, DEFAULT_IMPORT_LIMITS);
  const out = [];
  for await (const row of readRows(path, info, { maxRows: 100, styles: options.readStyles })) out.push({ number: row.number, cells: row.cells });
  return out;
}

describe('the workbook row reader', () => {
  it('reads numbers, shared and inline strings, booleans, errors and formulas with and without a cached value', async () => {
    const rows = await rowsOf(
      `<row r="2"><c r="A2"><v>1254.5</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="inlineStr"><is><r><t>12.5</t></r><r><t xml:space="preserve">万元 </t></r></is></c>` +
        `<c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#DIV/0!</v></c><c r="F2"><f>100000+20000</f><v>120000</v></c><c r="G2"><f>SUM(X1:X9)</f></c>` +
        `<c r="H2" t="str"><f>A1&amp;"x"</f><v>a&lt;b</v></c><c r="I2" t="s"><v>0</v></c></row>`,
      { strings: '<si><t>  </t></si><si><r><t>曲靖</t></r><r><rPr><b/></rPr><t>麒麟区</t></r><rPh sb="0" eb="2"><t>きょく</t></rPh></si>' },
    );
    expect(rows).toEqual([
      { number: 2, cells: [1254.5, '曲靖麒麟区', '12.5万元 ', true, { kind: 'error', value: '#DIV/0!' }, 120000, { kind: 'noValue', formula: 'SUM(X1:X9)' }, 'a<b', null] },
    ]);
  });

  it('places cells by their reference, fills the gaps with blanks, skips blank rows, and numbers rows without r', async () => {
    const rows = await rowsOf(`<row r="1"><c r="C1"><v>3</v></c><c><v>4</v></c></row><row r="3"><c r="A3" s="1"/></row><row><c r="AA4"><v>1</v></c></row>`);
    expect(rows.map((r) => r.number)).toEqual([1, 4]);
    expect(rows[0]!.cells).toEqual([null, null, 3, 4]);
    expect(rows[1]!.cells).toHaveLength(27);
    expect(rows[1]!.cells[26]).toBe(1);
  });

  it('reads namespace-prefixed parts, CDATA, entities and quoted ">" in attributes', async () => {
    const rows = await rowsOf(`<x:row r="1" x14ac:dyDescent="0.25" note="a>b"><x:c r="A1" t="inlineStr"><x:is><x:t><![CDATA[<总投资>]]>&#x4E07;&amp;</x:t></x:is></x:c></x:row>`, { prefix: 'x:' });
    expect(rows).toEqual([{ number: 1, cells: ['<总投资>万&'] }]);
  });

  it('gives dates for numbers in a date format only when styles are asked for', async () => {
    const styles = '<numFmts><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="#,##0.00&quot;万元&quot;"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="14"/></cellXfs>';
    const data = '<row r="1"><c r="A1" s="1"><v>44621</v></c><c r="B1" s="2"><v>44621</v></c><c r="C1" s="3"><v>44621.5</v></c></row>';
    expect((await rowsOf(data, { styles }))[0]!.cells).toEqual([44621, 44621, 44621.5]);
    expect((await rowsOf(data, { styles, readStyles: true }))[0]!.cells).toEqual([new Date('2022-03-01T00:00:00Z'), 44621, new Date('2022-03-01T12:00:00Z')]);
  });
});

describe('the XML scanner', () => {
  it('gives the same events however the text is cut into chunks', () => {
    const xml = `<?xml version="1.0"?><a x='1>2' y="&quot;"><!-- c --><b/>t&amp;u<![CDATA[<v>]]><c:d e="f">中文</c:d></a>`;
    const events = (chunks: string[]) => {
      const out: string[] = [];
      const s = new XmlScanner({ open: (n, a, sc) => out.push(`<${n}${a}${sc ? '/' : ''}>`), close: (n) => out.push(`</${n}>`), text: (t) => out.push(t) });
      for (const c of chunks) s.feed(c);
      s.end();
      // Text may arrive in pieces; joined, it is the same.
      return out.join('');
    };
    const whole = events([xml]);
    expect(whole).toBe(`<a x='1>2' y="&quot;"><b/></b>t&u<v><d e="f">中文</d></a>`);
    for (let cut = 1; cut < xml.length; cut++) expect(events([xml.slice(0, cut), xml.slice(cut)])).toBe(whole);
  });

  it('reads attributes by whole name', () => {
    expect(attr(' ref="A1" r="B2" xr:r="C3"', 'r')).toBe('B2');
    expect(attr(' t="s"', 'r')).toBeUndefined();
    expect(attr(" s='1&amp;2'", 's')).toBe('1&2');
  });
});
