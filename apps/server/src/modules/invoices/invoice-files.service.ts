import { createHash } from 'node:crypto';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import './invoices.errors.ts';
import { findFile, insertFile } from './invoices.repository.ts';

export const MAX_INVOICE_FILE_BYTES = 10 * 1024 * 1024;

/** PDF by its header; OFD (GB/T 33190) is a ZIP package whose entry point is `OFD.xml`. */
export function invoiceFileFormat(body: Buffer): 'pdf' | 'ofd' | null {
  if (body.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  const zip = body.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (zip && body.includes(Buffer.from('OFD.xml'))) return 'ofd';
  return null;
}

/** Stores an electronic invoice's file for the partner; the submission then names its id. */
export async function uploadInvoiceFile(
  ctx: AppContext,
  actor: Actor,
  partnerId: string,
  body: Buffer,
  fileName: string | undefined,
) {
  if (body.length > MAX_INVOICE_FILE_BYTES) throw new AppError('invoices.file_too_large');
  const format = invoiceFileFormat(body);
  if (!format) throw new AppError('invoices.file_type');
  const now = ctx.clock.now();
  const row = {
    id: newId('ivf', now.getTime()),
    partnerId,
    fileName: fileName ?? `invoice.${format}`,
    format,
    size: body.length,
    sha256: createHash('sha256').update(body).digest('hex'),
    content: new Uint8Array(body),
    createdAt: now,
  };
  await ctx.db.transaction(async (tx) => {
    await insertFile(tx, row);
    await ctx.audit.record(tx, actor, {
      action: 'invoices.file_uploaded',
      entityType: 'invoice_file',
      entityId: row.id,
      partnerId,
      after: { fileName: row.fileName, format, size: row.size, sha256: row.sha256 },
    });
  });
  return { id: row.id, fileName: row.fileName, format, size: row.size, sha256: row.sha256 };
}

/** The file for its partner (or any operator when `partnerId` is null). */
export async function downloadInvoiceFile(ctx: AppContext, partnerId: string | null, id: string) {
  const row = await findFile(ctx.db, id);
  if (!row || (partnerId && row.partnerId !== partnerId)) throw new AppError('invoices.file_not_found');
  return {
    fileName: row.fileName,
    contentType: row.format === 'pdf' ? 'application/pdf' : 'application/ofd',
    body: Buffer.from(row.content),
  };
}
