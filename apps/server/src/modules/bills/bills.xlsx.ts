import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/** Rows per worksheet: Excel's limit (1,048,576) less the header row. */
export const MAX_SHEET_ROWS = 1_048_575;

export type Cell = string | number | null;

// biome-ignore lint/suspicious/noControlCharactersInRegex: characters XML 1.0 cannot carry are dropped
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const escapeXml = (s: string) =>
  s.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function cellXml(v: Cell): string {
  if (v === null || v === '') return '<c/>';
  if (typeof v === 'number') return `<c><v>${v}</v></c>`;
  return `<c t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A spreadsheet (XLSX) written as a stream: rows go straight into a deflating zip entry and the
 * compressed bytes come out as they are produced, so memory stays flat however many rows there are.
 * Strings are inline (no shared-string table to hold); a sheet past Excel's row limit continues on
 * the next one, each with the header. Call `take()` after adding rows to collect the bytes so far.
 */
export class XlsxStream {
  private readonly out: Uint8Array[] = [];
  private readonly zip: Zip;
  private sheet: ZipDeflate | null = null;
  private sheets = 0;
  private rowsInSheet = 0;
  private pending = '';

  constructor(
    private readonly header: string[],
    private readonly sheetName: string,
  ) {
    this.zip = new Zip((err, data) => {
      if (err) throw err;
      this.out.push(data);
    });
  }

  private openSheet(): void {
    this.sheets++;
    this.sheet = new ZipDeflate(`xl/worksheets/sheet${this.sheets}.xml`, { level: 1 });
    this.zip.add(this.sheet);
    this.rowsInSheet = 0;
    this.pending = `${XML}<worksheet xmlns="${NS}"><sheetData>`;
    this.addRaw(this.header);
  }

  private addRaw(cells: Cell[]): void {
    this.pending += `<row>${cells.map(cellXml).join('')}</row>`;
    if (this.pending.length > 256 * 1024) this.flush();
  }

  private flush(): void {
    if (this.sheet && this.pending) this.sheet.push(strToU8(this.pending));
    this.pending = '';
  }

  private closeSheet(): void {
    if (!this.sheet) return;
    this.pending += '</sheetData></worksheet>';
    this.flush();
    this.sheet.push(new Uint8Array(0), true);
    this.sheet = null;
  }

  addRow(cells: Cell[]): void {
    if (!this.sheet || this.rowsInSheet >= MAX_SHEET_ROWS) {
      this.closeSheet();
      this.openSheet();
    }
    this.rowsInSheet++;
    this.addRaw(cells);
  }

  /** The compressed bytes produced since the last call. */
  take(): Uint8Array[] {
    this.flush();
    return this.out.splice(0, this.out.length);
  }

  /** Ends the workbook and returns the last bytes. */
  finish(): Uint8Array[] {
    if (this.sheets === 0) this.openSheet();
    this.closeSheet();
    const ids = Array.from({ length: this.sheets }, (_, i) => i + 1);
    const name = (i: number) => escapeXml(this.sheets === 1 ? this.sheetName : `${this.sheetName} ${i}`);
    const files: [string, string][] = [
      [
        '[Content_Types].xml',
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${ids
          .map(
            (i) =>
              `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('')}</Types>`,
      ],
      [
        '_rels/.rels',
        `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ],
      [
        'xl/workbook.xml',
        `${XML}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${ids
          .map((i) => `<sheet name="${name(i)}" sheetId="${i}" r:id="rId${i}"/>`)
          .join('')}</sheets></workbook>`,
      ],
      [
        'xl/_rels/workbook.xml.rels',
        `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${ids
          .map(
            (i) => `<Relationship Id="rId${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`,
          )
          .join('')}</Relationships>`,
      ],
    ];
    for (const [path, text] of files) {
      const f = new ZipPassThrough(path);
      this.zip.add(f);
      f.push(strToU8(text), true);
    }
    this.zip.end();
    return this.out.splice(0, this.out.length);
  }
}
