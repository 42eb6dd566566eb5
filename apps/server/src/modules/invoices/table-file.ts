import writeXlsxFile from 'write-excel-file/node';
import { csvCell } from '../../platform/export/table-export.ts';
import type { Locale, Localized } from '../../platform/i18n/i18n.ts';

export interface TableColumn<T> {
  title: Localized;
  value: (row: T, locale: Locale) => string | number;
}

/** A billing list as CSV (UTF-8 with BOM, for spreadsheet programs) or XLSX, in the reader's language. */
export async function tableFile<T>(
  rows: readonly T[],
  columns: readonly TableColumn<T>[],
  format: 'csv' | 'xlsx',
  locale: Locale,
  baseName: string,
): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  const header = columns.map((c) => c.title[locale]);
  const cells = rows.map((r) => columns.map((c) => c.value(r, locale)));
  if (format === 'csv') {
    const text = [header, ...cells].map((r) => r.map(csvCell).join(',')).join('\r\n');
    return {
      body: Buffer.from(`\uFEFF${text}\r\n`, 'utf8'),
      contentType: 'text/csv; charset=utf-8',
      fileName: `${baseName}.csv`,
    };
  }
  const data = [
    header.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...cells.map((r) => r.map((value) => ({ value }))),
  ];
  const body = await writeXlsxFile(data, { columns: columns.map(() => ({ width: 20 })) }).toBuffer();
  return {
    body,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `${baseName}.xlsx`,
  };
}
