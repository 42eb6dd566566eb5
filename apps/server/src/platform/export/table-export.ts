import writeXlsxFile from 'write-excel-file/node';

export type ExportFormat = 'csv' | 'xlsx';
export type Cell = string | number;

/**
 * One CSV cell (RFC 4180 quoting; null is empty). Text starting with = + - @ would run as a formula in a
 * spreadsheet, so it gets a leading quote — except a plain number such as a refund's "-12.50".
 */
export function csvCell(value: Cell | null): string {
  if (value === null) return '';
  const v = String(value);
  const safe =
    typeof value === 'string' && /^[=+\-@\t\r]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v) ? `'${v}` : v;
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
