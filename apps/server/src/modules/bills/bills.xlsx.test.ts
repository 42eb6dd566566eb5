import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { XlsxStream } from './bills.xlsx.ts';

const text = (files: Record<string, Uint8Array>, name: string) => new TextDecoder().decode(files[name]);

describe('streamed XLSX', () => {
  it('writes a valid zip whose sheets continue past the row limit, each with the header', () => {
    const x = new XlsxStream(['名称', 'amount'], 'Bills', 3);
    const parts: Buffer[] = [];
    for (let i = 0; i < 7; i++) {
      x.addRow([`row <${i}> & "x"`, i + 0.5]);
      parts.push(...x.take());
    }
    parts.push(...x.finish());
    const files = unzipSync(new Uint8Array(Buffer.concat(parts)));
    expect(Object.keys(files).filter((f) => f.startsWith('xl/worksheets/'))).toHaveLength(3);
    const first = text(files, 'xl/worksheets/sheet1.xml');
    expect(first.match(/<row>/g)).toHaveLength(4); // header + 3
    expect(first).toContain('<t>名称</t>');
    expect(first).toContain('row &lt;0&gt; &amp; "x"');
    expect(first).toContain('<v>0.5</v>');
    expect(text(files, 'xl/worksheets/sheet3.xml').match(/<row>/g)).toHaveLength(2);
    expect(text(files, 'xl/workbook.xml')).toContain('name="Bills 3"');
    expect(text(files, '[Content_Types].xml')).toContain('/xl/worksheets/sheet3.xml');
  });

  it('drops characters XML cannot carry and keeps edge spaces', () => {
    const x = new XlsxStream(['a'], 'S');
    x.addRow([' padded\u0001 ', null]);
    const files = unzipSync(new Uint8Array(Buffer.concat([...x.take(), ...x.finish()])));
    expect(text(files, 'xl/worksheets/sheet1.xml')).toContain(
      '<c t="inlineStr"><is><t xml:space="preserve"> padded </t></is></c><c/>',
    );
  });
});
