import writeXlsxFile from 'write-excel-file/node';

export type ExportFormat = 'csv' | 'xlsx';
export type Cell = string | number;

/** One CSV cell; leading = + - @ would run as formulas in a spreadsheet, so they get a quote. */
export function csvCell(value: Cell): string {
  const v = String(value);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A table as CSV (UTF-8 with BOM, CRLF) or XLSX (bold header row), ready to send as a download. */
export async function tableFile(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  format: ExportFormat,
  baseName: string,
): Promise<{ body: Buffer; contentType: string; filename: string }> {
  if (format === 'csv') {
    const text = [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n');
    return {
      body: Buffer.from(`\uFEFF${text}\r\n`, 'utf8'),
      contentType: 'text/csv; charset=utf-8',
      filename: `${baseName}.csv`,
    };
  }
  const data = [
    header.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...rows.map((r) => r.map((value) => ({ value }))),
  ];
  const body = await writeXlsxFile(data, { columns: header.map(() => ({ width: 20 })) }).toBuffer();
  return {
    body,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `${baseName}.xlsx`,
  };
}
