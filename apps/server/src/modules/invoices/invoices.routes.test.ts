import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import {
  type AsUser,
  asUser,
  createOperator,
  createPartnerUser,
  createPartnerWithAdmin,
  signIn,
} from '../../../test/factories.ts';
import {
  BUYER_TAX_ID,
  certifyBusiness,
  electronicInvoice,
  issueNotice,
  pdfText,
  SAMPLE_OFD,
  SAMPLE_PDF,
  SELLER_TAX_ID,
} from './invoices.test-helpers.ts';

describe('invoice list, submission and check (R20)', () => {
  let t: TestApp;
  let finance: AsUser;
  let support: AsUser;

  beforeAll(async () => {
    t = await createTestApp();
    const f = await createOperator(t, ['finance']);
    finance = asUser(t, await signIn(t, f.user.email, f.password));
    const s = await createOperator(t, ['support']);
    support = asUser(t, await signIn(t, s.user.email, s.password));
  });
  afterAll(() => t.close());

  async function certifiedPartner() {
    const p = await createPartnerWithAdmin(t);
    await certifyBusiness(t, p.partner.id);
    const admin = asUser(t, await signIn(t, p.user.email, p.password));
    return { ...p, admin };
  }

  async function upload(as: AsUser, body: Buffer, type = 'application/pdf', name = 'invoice.pdf') {
    return as({
      method: 'POST',
      url: `/api/invoice-files?fileName=${name}`,
      headers: { 'content-type': type },
      payload: body,
    });
  }

  async function listToken(partnerId: string, noticeId: string) {
    const r = await t.db.query<{ data: { listUrl: string } }>(
      "select data from notifications where partner_id = $1 and channel = 'email' and template = 'invoices.notice_issued' and data->>'noticeId' = $2",
      [partnerId, noticeId],
    );
    return String(r.rows[0]?.data.listUrl.split('/invoice-list/')[1]);
  }

  it('opens the invoice list from the notice link and prints the same figures in a Chinese PDF', async () => {
    const p = await certifiedPartner();
    const id = await issueNotice(t, p.partner.id, { preTaxFen: 1_000_000 });
    const token = await listToken(p.partner.id, id);
    const anon = (url: string) => t.app.inject({ method: 'GET', url });
    const page = await anon(`/api/invoice-lists/${token}`);
    expect(page.statusCode).toBe(200);
    const v = page.json();
    expect(v).toMatchObject({
      noticeId: id,
      amountExTaxFen: 1_000_000,
      taxFen: 60_000,
      totalFen: 1_060_000,
      buyer: { taxpayerId: BUYER_TAX_ID },
      seller: { taxpayerId: SELLER_TAX_ID },
    });
    const pdf = await anon(`/api/invoice-lists/${token}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    for (const s of [
      '开票清单',
      v.documentNo,
      '¥10000.00',
      '¥600.00',
      '¥10600.00',
      '6%',
      BUYER_TAX_ID,
      SELLER_TAX_ID,
      '技术服务费',
      '华为云计算技术有限公司',
      '云启信息技术有限公司',
      v.url,
    ]) {
      expect(text).toContain(s);
    }
    // The portal's own copy of the PDF is the same document.
    const own = await p.admin({ method: 'GET', url: `/api/invoicing-notices/${id}/invoice-list.pdf` });
    expect(await pdfText(own.rawPayload)).toBe(text);
  });

  it('refuses a forged link, and an expired one unless a user of the partner is signed in', async () => {
    const p = await certifiedPartner();
    const other = await certifiedPartner();
    const id = await issueNotice(t, p.partner.id);
    const token = await listToken(p.partner.id, id);
    const forged = await t.app.inject({ method: 'GET', url: `/api/invoice-lists/${token.slice(0, -2)}xx` });
    expect(forged.statusCode).toBe(404);
    expect(forged.json().code).toBe('invoices.link_invalid');
    t.clock.advance(31 * 86_400_000);
    try {
      const expired = await t.app.inject({
        method: 'GET',
        url: `/api/invoice-lists/${token}`,
        headers: { 'x-language': 'en-US' },
      });
      expect(expired.statusCode).toBe(410);
      expect(expired.json()).toMatchObject({ code: 'invoices.link_expired' });
      expect(expired.json().message).toContain('expired');
      expect((await other.admin({ method: 'GET', url: `/api/invoice-lists/${token}` })).statusCode).toBe(410);
      // Sessions are signed in now, after the move: a session from before would have expired too.
      const late = asUser(t, await signIn(t, p.user.email, p.password));
      expect((await late({ method: 'GET', url: `/api/invoice-lists/${token}` })).statusCode).toBe(200);
    } finally {
      t.clock.advance(-31 * 86_400_000);
    }
  });

  it('refuses every bad invoice with its own code and saves nothing', async () => {
    const p = await certifiedPartner();
    const id = await issueNotice(t, p.partner.id, { preTaxFen: 100_000 });
    const file = (await upload(p.admin, SAMPLE_PDF)).json().id as string;
    const good = electronicInvoice('12345678', 100_000, file);
    const submit = (inv: Record<string, unknown>, lang = 'zh-CN') =>
      p.admin({
        method: 'POST',
        url: `/api/invoicing-notices/${id}/invoices`,
        headers: { 'x-language': lang },
        payload: { invoices: [inv] },
      });
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, type: 'vat_ordinary_electronic' }, 'invoices.ordinary_invoice_refused'],
      [{ ...good, amountExTaxFen: 90_000, taxFen: 5_400, totalFen: 95_400 }, 'invoices.totals_mismatch'],
      [{ ...good, totalFen: 106_001 }, 'invoices.invoice_arithmetic'],
      [{ ...good, taxFen: 6_100, totalFen: 106_100 }, 'invoices.tax_rounding'],
      [{ ...good, buyerTaxpayerId: '91110000000000000X' }, 'invoices.wrong_buyer_taxpayer_id'],
      [{ ...good, sellerTaxpayerId: '91110000000000000X' }, 'invoices.wrong_seller_taxpayer_id'],
      [{ ...good, fileId: undefined }, 'invoices.file_required'],
      [
        { ...good, trackingNumber: 'SF1234567890', expressCompany: '顺丰速运' },
        'invoices.tracking_for_electronic',
      ],
      [{ ...good, type: 'vat_special_paper' }, 'invoices.file_not_allowed'],
      [{ ...good, invoiceNumber: '12' }, 'common.validation'],
    ];
    for (const [inv, code] of cases) {
      const res = await submit(inv);
      expect(`${res.statusCode} ${res.json().code}`).toMatch(new RegExp(` ${code.replace('.', '\\.')}$`));
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
    const ordinary = await submit({ ...good, type: 'vat_ordinary_paper' }, 'en-US');
    expect(ordinary.json().message).toBe(
      'Ordinary VAT invoices are not accepted; issue a VAT special invoice (paper or electronic)',
    );
    const zh = await submit({ ...good, type: 'vat_ordinary_paper' });
    expect(zh.json().message).toContain('不接受增值税普通发票');
    const n = await t.db.query('select count(*)::int as c from invoices where notice_id = $1', [id]);
    expect(n.rows).toEqual([{ c: 0 }]);
    const detail = await p.admin({ method: 'GET', url: `/api/invoicing-notices/${id}` });
    expect(detail.json()).toMatchObject({ status: 'open', invoicedExTaxFen: 0, invoicedTaxFen: 0 });
  });

  it('stores PDF and OFD files up to 10 MB and refuses other files', async () => {
    const p = await certifiedPartner();
    const pdf = await upload(p.admin, SAMPLE_PDF);
    expect(pdf.json()).toMatchObject({ format: 'pdf', size: SAMPLE_PDF.length, fileName: 'invoice.pdf' });
    const ofd = await upload(p.admin, SAMPLE_OFD, 'application/ofd', 'invoice.ofd');
    expect(ofd.json()).toMatchObject({ format: 'ofd' });
    const png = await upload(
      p.admin,
      Buffer.from('\x89PNG\r\n\x1a\n....'),
      'application/octet-stream',
      'x.png',
    );
    expect([png.statusCode, png.json().code]).toEqual([400, 'invoices.file_type']);
    const big = Buffer.concat([SAMPLE_PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await upload(p.admin, big);
    expect([tooBig.statusCode, tooBig.json().code]).toEqual([413, 'invoices.file_too_large']);
    const back = await p.admin({ method: 'GET', url: `/api/invoice-files/${pdf.json().id}` });
    expect(back.rawPayload.equals(SAMPLE_PDF)).toBe(true);
    const other = await certifiedPartner();
    expect(
      (await other.admin({ method: 'GET', url: `/api/invoice-files/${pdf.json().id}` })).statusCode,
    ).toBe(400);
  });

  it('takes several invoices for one notice, refuses a number used by another partner, and caps concurrent submissions', async () => {
    const p = await certifiedPartner();
    const id = await issueNotice(t, p.partner.id, { preTaxFen: 100_001 }); // tax 6000.06 → 6000
    const f1 = (await upload(p.admin, SAMPLE_PDF)).json().id as string;
    const f2 = (await upload(p.admin, SAMPLE_PDF)).json().id as string;
    // 50000.50 → 3000.03 → 3000 each half; the sum 6000 matches the notice's tax.
    const split = [electronicInvoice('20000001', 50_001, f1), electronicInvoice('20000002', 50_000, f2)];
    const ok = await p.admin({
      method: 'POST',
      url: `/api/invoicing-notices/${id}/invoices`,
      payload: { invoices: split },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'invoiced', invoicedExTaxFen: 100_001, invoicedTaxFen: 6_000 });
    expect(ok.json().invoices.map((i: { status: string }) => i.status)).toEqual(['received', 'received']);
    expect(ok.json().timeline.map((e: { state: string }) => e.state)).toEqual([
      'notified',
      'invoice_submitted',
      'received',
      'invoice_submitted',
      'received',
    ]);

    const q = await certifiedPartner();
    const qid = await issueNotice(t, q.partner.id, { preTaxFen: 100_000 });
    const fq = (await upload(q.admin, SAMPLE_PDF)).json().id as string;
    const dup = await q.admin({
      method: 'POST',
      url: `/api/invoicing-notices/${qid}/invoices`,
      payload: { invoices: [electronicInvoice('20000001', 100_000, fq)] },
    });
    expect([dup.statusCode, dup.json().code]).toEqual([409, 'invoices.duplicate_number']);

    const files = [
      (await upload(q.admin, SAMPLE_PDF)).json().id as string,
      (await upload(q.admin, SAMPLE_PDF)).json().id as string,
    ];
    const racing = await Promise.all(
      ['30000001', '30000002'].map((n, i) =>
        q.admin({
          method: 'POST',
          url: `/api/invoicing-notices/${qid}/invoices`,
          payload: { invoices: [electronicInvoice(n, 100_000, files[i] ?? '')] },
        }),
      ),
    );
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const sums = await t.db.query(
      'select invoiced_ex_tax_fen, invoiced_tax_fen from invoicing_notices where id = $1',
      [qid],
    );
    expect(sums.rows).toEqual([{ invoiced_ex_tax_fen: 100_000, invoiced_tax_fen: 6_000 }]);
  });

  it('lets finance return an invoice with a reason, the partner resubmit, and accept the second', async () => {
    const p = await certifiedPartner();
    const id = await issueNotice(t, p.partner.id, { preTaxFen: 200_000 });
    const f1 = (await upload(p.admin, SAMPLE_PDF)).json().id as string;
    const first = await p.admin({
      method: 'POST',
      url: `/api/invoicing-notices/${id}/invoices`,
      payload: { invoices: [electronicInvoice('40000001', 200_000, f1)] },
    });
    const inv1 = first.json().invoices[0].id as string;
    const queue = await finance({ method: 'GET', url: `/api/console/invoices?partnerId=${p.partner.id}` });
    expect(queue.json().items.map((i: { id: string }) => i.id)).toEqual([inv1]);
    expect(queue.json().counts.toCheck).toBeGreaterThanOrEqual(1);
    expect((await support({ method: 'POST', url: `/api/console/invoices/${inv1}/accept` })).statusCode).toBe(
      403,
    );
    const noReason = await finance({
      method: 'POST',
      url: `/api/console/invoices/${inv1}/return`,
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
    const ret = await finance({
      method: 'POST',
      url: `/api/console/invoices/${inv1}/return`,
      payload: { reason: '发票备注栏缺少开票清单编号' },
    });
    expect(ret.json()).toMatchObject({ status: 'returned', returnReason: '发票备注栏缺少开票清单编号' });
    const msg = await t.db.query<{ body: string }>(
      "select body from notifications where partner_id = $1 and template = 'invoices.invoice_returned' and channel = 'email'",
      [p.partner.id],
    );
    expect(msg.rows[0]?.body).toContain('发票备注栏缺少开票清单编号');
    const reopened = await p.admin({ method: 'GET', url: `/api/invoicing-notices/${id}` });
    expect(reopened.json()).toMatchObject({ status: 'open', invoicedExTaxFen: 0 });
    // The returned invoice's number is free again; a corrected invoice goes in.
    const f2 = (await upload(p.admin, SAMPLE_PDF)).json().id as string;
    const second = await p.admin({
      method: 'POST',
      url: `/api/invoicing-notices/${id}/invoices`,
      payload: { invoices: [electronicInvoice('40000002', 200_000, f2)] },
    });
    const inv2 = second.json().invoices.find((i: { status: string }) => i.status === 'received').id as string;
    const again = await finance({ method: 'POST', url: `/api/console/invoices/${inv1}/accept` });
    expect([again.statusCode, again.json().code]).toEqual([409, 'invoices.invalid_transition']);
    const acc = await finance({
      method: 'POST',
      url: '/api/console/invoices/bulk',
      payload: { action: 'accept', ids: [inv2] },
    });
    expect(acc.json().results).toEqual([{ id: inv2, ok: true, code: null, message: null }]);
    const done = await p.admin({ method: 'GET', url: `/api/invoicing-notices/${id}` });
    expect(done.json().status).toBe('accepted');
    expect(done.json().timeline.map((e: { state: string }) => e.state)).toEqual([
      'notified',
      'invoice_submitted',
      'received',
      'returned',
      'invoice_submitted',
      'received',
      'accepted',
    ]);
    const audit = await t.db.query<{ action: string }>(
      "select action from audit_log where partner_id = $1 and action like 'invoices.%' order by at, id",
      [p.partner.id],
    );
    expect(audit.rows.map((r) => r.action)).toContain('invoices.invoice_returned');
  });

  it('tracks a paper invoice: posted with a tracking number, received, accepted', async () => {
    const p = await certifiedPartner();
    const member = await createPartnerUser(t, p.partner.id);
    const asMember = asUser(t, await signIn(t, member.user.email, member.password));
    const id = await issueNotice(t, p.partner.id, { preTaxFen: 50_000 });
    const paper = {
      type: 'vat_special_paper',
      invoiceCode: '1100201130',
      invoiceNumber: '50000001',
      issuedOn: '2026-01-15',
      amountExTaxFen: 50_000,
      taxFen: 3_000,
      totalFen: 53_000,
      sellerTaxpayerId: SELLER_TAX_ID,
      buyerTaxpayerId: BUYER_TAX_ID,
    };
    const url = `/api/invoicing-notices/${id}/invoices`;
    expect((await asMember({ method: 'POST', url, payload: { invoices: [paper] } })).statusCode).toBe(403);
    const sub = await p.admin({ method: 'POST', url, payload: { invoices: [paper] } });
    const invId = sub.json().invoices[0].id as string;
    expect(sub.json().invoices[0].status).toBe('submitted');
    const early = await finance({ method: 'POST', url: `/api/console/invoices/${invId}/accept` });
    expect(early.json().code).toBe('invoices.invalid_transition');
    const posted = await p.admin({
      method: 'POST',
      url: `/api/invoices/${invId}/posting`,
      payload: { expressCompany: '顺丰速运', trackingNumber: 'SF1234567890' },
    });
    expect(posted.json()).toMatchObject({ status: 'posted', trackingNumber: 'SF1234567890' });
    await finance({ method: 'POST', url: `/api/console/invoices/${invId}/receive` });
    await finance({ method: 'POST', url: `/api/console/invoices/${invId}/accept` });
    const detail = await p.admin({ method: 'GET', url: `/api/invoicing-notices/${id}` });
    expect(detail.json().status).toBe('accepted');
    expect(detail.json().timeline.map((e: { state: string }) => e.state)).toEqual([
      'notified',
      'invoice_submitted',
      'posted',
      'received',
      'accepted',
    ]);
  });

  it('lists and exports my notices with filters, never another partner’s', async () => {
    const p = await certifiedPartner();
    const other = await certifiedPartner();
    await issueNotice(t, p.partner.id, { preTaxFen: 10_000 });
    await issueNotice(t, other.partner.id, { preTaxFen: 20_000 });
    const list = await p.admin({ method: 'GET', url: '/api/invoicing-notices?status=open' });
    expect(list.json().total).toBe(1);
    expect(list.json().items[0].partnerId).toBe(p.partner.id);
    const none = await p.admin({ method: 'GET', url: '/api/invoicing-notices?status=paid' });
    expect(none.json().total).toBe(0);
    const csv = await p.admin({ method: 'GET', url: '/api/invoicing-notices/export?format=csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('单据编号');
    expect(csv.body).toContain('106.00');
    expect(csv.body).not.toContain('212.00');
    const xlsx = await p.admin({ method: 'GET', url: '/api/invoicing-notices/export?format=xlsx' });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
