import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { fenToYuan } from '../../platform/money/money.ts';
import type { InvoiceListView } from './invoices.schemas.ts';

/**
 * The printable invoice list (开票清单), rendered on the server. The CJK font ships in an npm
 * package (Noto Sans SC, OFL) and is embedded as a subset, so the server needs no system fonts and
 * the PDF shows the same Chinese on any printer.
 */
const require = createRequire(import.meta.url);
let fontCache: Buffer | undefined;
function cjkFont(): Buffer {
  if (!fontCache) {
    const dir = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
    fontCache = readFileSync(join(dir, 'NotoSansHans-Regular.otf'));
  }
  return fontCache;
}

const SOURCE = {
  payment_application: '激励付款申请 Incentive payment application',
  bill: '会签账单 Countersigned bill',
} as const;
const STATUS = { general: '一般纳税人 General taxpayer', small_scale: '小规模纳税人 Small-scale taxpayer' };
const yuan = (fen: number) => `¥${fenToYuan(fen)}`;

export async function renderInvoiceListPdf(v: InvoiceListView): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: `开票清单 Invoice list ${v.documentNo}`, Author: 'Partner Center', Subject: v.noticeId },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', cjkFont());
  doc.font('cjk');
  const left = 48;
  const width = doc.page.width - 96;

  doc.fontSize(20).text('开票清单', left, 48, { width, align: 'center' });
  doc.fontSize(11).text('Invoice list', { width, align: 'center' });
  doc.moveDown(0.8);
  doc.fontSize(9);
  doc.text(`单据编号 Document no.: ${v.documentNo}`);
  doc.text(`通知日期 Notice date: ${v.noticeDate}`);
  doc.text(`来源 Source: ${SOURCE[v.sourceKind]} ${v.sourceId}`);
  doc.text(
    '发票类型 Invoice type: 增值税专用发票（纸质或电子）VAT special invoice (paper or electronic)；不接受增值税普通发票 ordinary VAT invoices are not accepted',
  );

  const qr = QRCode.create(v.url, { errorCorrectionLevel: 'M' });
  const cell = 2.2;
  const qrX = left + width - qr.modules.size * cell;
  for (let y = 0; y < qr.modules.size; y++) {
    for (let x = 0; x < qr.modules.size; x++) {
      if (qr.modules.get(x, y)) doc.rect(qrX + x * cell, 100 + y * cell, cell, cell);
    }
  }
  doc.fill('#000');

  doc.moveDown(1.2);
  section(doc, '购买方 Buyer');
  doc.text(`名称 Name: ${v.buyer.name}  ${v.buyer.nameEn}`);
  doc.text(`纳税人识别号 Taxpayer id: ${v.buyer.taxpayerId}`);
  doc.text(`地址、电话 Address, phone: ${v.buyer.address}  ${v.buyer.phone}`);
  doc.text(`开户行及账号 Bank, account: ${v.buyer.bankName}  ${v.buyer.bankAccount}`);
  doc.moveDown(0.6);
  section(doc, '销售方 Seller');
  doc.text(`名称 Name: ${v.seller.name}`);
  doc.text(`纳税人识别号 Taxpayer id: ${v.seller.taxpayerId ?? '—'}`);
  doc.text(`纳税人身份 Taxpayer status: ${STATUS[v.taxpayerStatus]}`);
  doc.moveDown(0.6);

  section(doc, '开票明细 Lines');
  const cols = [left, left + 28, left + width - 120];
  let y = doc.y;
  doc.text('序号 No.', cols[0], y).text('货物或应税劳务、服务名称 Goods or services', cols[1], y);
  doc.text('金额（不含税）Amount', cols[2], y, { width: 120, align: 'right' });
  y = doc.y + 2;
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .stroke();
  v.lines.forEach((l, i) => {
    y = doc.y + 4;
    doc.text(String(i + 1), cols[0], y);
    doc.text(`${l.text['zh-CN']} ${l.text['en-US']}`, cols[1], y, { width: width - 160 });
    doc.text(yuan(l.preTaxFen), cols[2], y, { width: 120, align: 'right' });
  });
  y = doc.y + 4;
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .stroke();
  doc.moveDown(0.8);

  const totals: [string, string][] = [
    ['激励/账单金额（不含税）Pre-tax amount', yuan(v.preTaxFen)],
    ['金额（不含税）Amount without tax', yuan(v.amountExTaxFen)],
    ['税率 Rate', `${v.rateBasisPoints / 100}%`],
    ['税额 Tax', yuan(v.taxFen)],
    ['价税合计 Total with tax', yuan(v.totalFen)],
  ];
  for (const [label, value] of totals) {
    y = doc.y;
    doc.text(label, left, y, { width: width - 130 });
    doc.text(value, left + width - 120, y, { width: 120, align: 'right' });
  }
  doc.moveDown(0.6);
  doc.fontSize(8).text(`计算方法：${v.formula['zh-CN']}`, left, doc.y, { width });
  doc.text(`Method: ${v.formula['en-US']}`, { width });
  doc.moveDown(1);
  doc.text(
    '请将本清单与纸质发票一并邮寄；电子专票请在伙伴中心上传。Post this list with a paper invoice; upload an electronic invoice in Partner Center.',
    { width },
  );
  doc.text('在线查看（扫描二维码或打开链接）View online (scan the QR code or open the link):', { width });
  doc.fontSize(7).text(v.url, { width, link: v.url });
  doc.end();
  return done;
}

function section(doc: PDFKit.PDFDocument, title: string): void {
  doc.fontSize(11).text(title, 48).fontSize(9);
}
