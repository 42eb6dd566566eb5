import type { TestApp } from '../../../test/app.ts';
import type { AsUser } from '../../../test/factories.ts';
import { type Actor, systemActor } from '../../platform/context.ts';
import { applyRate } from '../../platform/money/money.ts';
import { saveDraft, submitStage } from '../certification/certification.service.ts';
import { BUSINESS_FORM, QUALIFICATION_FORM } from '../certification/certification.test-data.ts';
import { claimSubmission, decideSubmission } from '../certification/review.service.ts';
import { createInvoicingNotice, type NewInvoicingNotice } from './notices.service.ts';

/** Approves the partner's business information (R4), as a reviewer would. */
export async function certifyBusiness(
  t: TestApp,
  partnerId: string,
  overrides: Partial<Omit<typeof BUSINESS_FORM, 'taxpayerStatus'>> & {
    taxpayerStatus?: 'general' | 'small_scale';
  } = {},
): Promise<void> {
  const partner: Actor = { ...systemActor(), partnerId };
  const reviewer: Actor = { ...systemActor(), type: 'operator', id: 'usr_test_reviewer', roles: ['admin'] };
  await saveDraft(t.ctx, partner, partnerId, { stage: 'qualification', data: QUALIFICATION_FORM });
  await saveDraft(t.ctx, partner, partnerId, { stage: 'business', data: { ...BUSINESS_FORM, ...overrides } });
  for (const stage of ['qualification', 'business'] as const) {
    const submitted = await submitStage(t.ctx, partner, partnerId, stage);
    if (!submitted.id) throw new Error(`${stage} not submitted`);
    await claimSubmission(t.ctx, reviewer, submitted.id);
    await decideSubmission(t.ctx, reviewer, submitted.id, { decision: 'approved' });
  }
}

let seq = 0;

/** Issues a notice the way the incentives module does, in its own transaction. */
export async function issueNotice(
  t: TestApp,
  partnerId: string,
  opts: Partial<NewInvoicingNotice> & { preTaxFen?: number } = {},
): Promise<string> {
  seq += 1;
  const input: NewInvoicingNotice = {
    partnerId,
    source: opts.source ?? { kind: 'payment_application', id: `pay_test_${Date.now()}_${seq}` },
    lines: opts.lines ?? [
      {
        text: { 'zh-CN': '技术服务费', 'en-US': 'Technical service fee' },
        preTaxFen: opts.preTaxFen ?? 1_000_000,
      },
    ],
    ...(opts.periodStart ? { periodStart: opts.periodStart } : {}),
  };
  const { id } = await t.ctx.db.transaction((tx) => createInvoicingNotice(t.ctx, tx, systemActor(), input));
  return id;
}

/** The text of every page of a PDF, as a reader would extract it (pdf.js). */
export async function pdfText(body: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(body), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  await doc.destroy();
  return pages.join('\n');
}

/** A minimal valid PDF and OFD (ZIP with OFD.xml) for uploads. */
export const SAMPLE_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const SAMPLE_OFD = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.from('....OFD.xml....'),
]);

export const BUYER_TAX_ID = '91520900MA6J6CBN9Q';
export const SELLER_TAX_ID = '91110108MA01ABCD2X';

/** An electronic special invoice for `exTax` at 6 %, ready to submit. */
export function electronicInvoice(number: string, exTax: number, fileId: string, taxFen?: number) {
  const tax = taxFen ?? applyRate(exTax, 600, 10_000);
  return {
    type: 'vat_special_electronic' as const,
    invoiceNumber: number,
    issuedOn: '2026-01-15',
    amountExTaxFen: exTax,
    taxFen: tax,
    totalFen: exTax + tax,
    sellerTaxpayerId: SELLER_TAX_ID,
    buyerTaxpayerId: BUYER_TAX_ID,
    fileId,
  };
}

/** A notice taken through an electronic invoice and finance's acceptance, ready to be paid. */
export async function acceptedNotice(
  t: TestApp,
  partnerId: string,
  admin: AsUser,
  finance: AsUser,
  preTaxFen = 100_000,
): Promise<string> {
  const id = await issueNotice(t, partnerId, { preTaxFen });
  const file = await admin({
    method: 'POST',
    url: '/api/invoice-files?fileName=e.pdf',
    headers: { 'content-type': 'application/pdf' },
    payload: SAMPLE_PDF,
  });
  seq += 1;
  const number = String(10_000_000 + (Date.now() % 9_000_000) + seq).slice(0, 8);
  const sub = await admin({
    method: 'POST',
    url: `/api/invoicing-notices/${id}/invoices`,
    payload: { invoices: [electronicInvoice(number, preTaxFen, file.json().id)] },
  });
  if (sub.statusCode !== 200) throw new Error(`submission failed: ${sub.body}`);
  const acc = await finance({
    method: 'POST',
    url: `/api/console/invoices/${sub.json().invoices[0].id}/accept`,
  });
  if (acc.statusCode !== 200) throw new Error(`accept failed: ${acc.body}`);
  return id;
}
