import { App, Button, Card, Form, Input, Radio, Space, Steps, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { type ShownError, toShownError } from '../../platform/lib/form-errors.ts';
import { formatDateTime } from '../../platform/lib/format.ts';
import { ListBody } from './invoice-list-page.tsx';
import {
  type InvoiceInput,
  type NoticeDetail,
  toFen,
  useNotice,
  usePosting,
  useSubmitInvoices,
  useUploadFile,
  yuan,
  yuanAmount,
} from './invoices-api.ts';

interface FormValues {
  type: InvoiceInput['type'];
  invoiceCode?: string;
  invoiceNumber: string;
  issuedOn: string;
  exTax: string;
  tax: string;
  sellerTaxpayerId: string;
  buyerTaxpayerId: string;
  expressCompany?: string;
  trackingNumber?: string;
}

/** One invoice per submission from the page (the API takes several); it covers what remains of the notice. */
function SubmitForm({ notice }: { notice: NoticeDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [file, setFile] = useState<File>();
  const [error, setError] = useState<ShownError | null>(null);
  const upload = useUploadFile();
  const submit = useSubmitInvoices(notice.id);
  const type = Form.useWatch('type', form);
  const remainingExTax = notice.amountExTaxFen - notice.invoicedExTaxFen;
  const remainingTax = notice.taxFen - notice.invoicedTaxFen;

  const onFinish = async (v: FormValues) => {
    setError(null);
    const exTax = toFen(v.exTax);
    const tax = toFen(v.tax);
    if (Number.isNaN(exTax) || Number.isNaN(tax)) {
      setError({ message: t('invoices.notice.amountInvalid'), code: 'amount' });
      return;
    }
    try {
      const fileId =
        type === 'vat_special_electronic' && file ? (await upload.mutateAsync(file)).id : undefined;
      await submit.mutateAsync([
        {
          type: v.type,
          ...(v.invoiceCode ? { invoiceCode: v.invoiceCode } : {}),
          invoiceNumber: v.invoiceNumber,
          issuedOn: v.issuedOn,
          amountExTaxFen: exTax,
          taxFen: tax,
          totalFen: exTax + tax,
          sellerTaxpayerId: v.sellerTaxpayerId,
          buyerTaxpayerId: v.buyerTaxpayerId,
          ...(fileId ? { fileId } : {}),
          ...(v.trackingNumber ? { trackingNumber: v.trackingNumber, expressCompany: v.expressCompany } : {}),
        },
      ]);
      message.success(t('invoices.notice.submitted'));
      form.resetFields(['invoiceNumber', 'invoiceCode']);
    } catch (e) {
      setError(toShownError(e, t('common.loadFailed')));
    }
  };

  return (
    <Card title={t('invoices.notice.submit')} data-testid="invoice-submit-card">
      <Typography.Paragraph>
        {t('invoices.notice.remaining', { exTax: yuan(remainingExTax), tax: yuan(remainingTax) })}
      </Typography.Paragraph>
      <ErrorAlert error={error} testId="invoice-submit-error" />
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          type: 'vat_special_electronic',
          exTax: yuanAmount(remainingExTax).replaceAll(',', ''),
          tax: yuanAmount(remainingTax).replaceAll(',', ''),
          sellerTaxpayerId: notice.invoiceList.seller.taxpayerId ?? '',
          buyerTaxpayerId: notice.invoiceList.buyer.taxpayerId,
        }}
      >
        <Form.Item name="type" label={t('invoices.col.type')}>
          <Radio.Group
            data-testid="invoice-type"
            options={(
              ['vat_special_electronic', 'vat_special_paper', 'vat_ordinary_electronic'] as const
            ).map((v) => ({
              value: v,
              label: t(`invoices.invoiceType.${v}`),
            }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="invoiceCode" label={t('invoices.notice.code')}>
            <Input data-testid="invoice-code" />
          </Form.Item>
          <Form.Item name="invoiceNumber" label={t('invoices.notice.number')} rules={[{ required: true }]}>
            <Input data-testid="invoice-number" />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('invoices.notice.issuedOn')} rules={[{ required: true }]}>
            <Input data-testid="invoice-issued-on" placeholder="2026-01-15" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="exTax" label={t('invoices.col.exTax')} rules={[{ required: true }]}>
            <Input data-testid="invoice-ex-tax" />
          </Form.Item>
          <Form.Item name="tax" label={t('invoices.col.tax')} rules={[{ required: true }]}>
            <Input data-testid="invoice-tax" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item
            name="sellerTaxpayerId"
            label={t('invoices.notice.sellerId')}
            rules={[{ required: true }]}
          >
            <Input data-testid="invoice-seller-id" />
          </Form.Item>
          <Form.Item name="buyerTaxpayerId" label={t('invoices.notice.buyerId')} rules={[{ required: true }]}>
            <Input data-testid="invoice-buyer-id" />
          </Form.Item>
        </Space>
        {type === 'vat_special_paper' ? (
          <Space wrap>
            <Form.Item name="expressCompany" label={t('invoices.notice.express')}>
              <Input />
            </Form.Item>
            <Form.Item name="trackingNumber" label={t('invoices.notice.tracking')}>
              <Input />
            </Form.Item>
          </Space>
        ) : (
          <Form.Item label={t('invoices.notice.file')}>
            <Upload
              accept=".pdf,.ofd"
              maxCount={1}
              beforeUpload={(f) => {
                setFile(f);
                return false;
              }}
              onRemove={() => setFile(undefined)}
            >
              <Button data-testid="invoice-file">{t('invoices.notice.file')}</Button>
            </Upload>
          </Form.Item>
        )}
        <Button
          type="primary"
          htmlType="submit"
          loading={submit.isPending || upload.isPending}
          data-testid="invoice-submit"
        >
          {t('invoices.notice.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function PostingButton({ noticeId, invoiceId }: { noticeId: string; invoiceId: string }) {
  const { t } = useTranslation();
  const posting = usePosting(noticeId);
  const [v, setV] = useState({ expressCompany: '', trackingNumber: '' });
  return (
    <Space>
      <Input
        size="small"
        placeholder={t('invoices.notice.express')}
        onChange={(e) => setV({ ...v, expressCompany: e.target.value })}
      />
      <Input
        size="small"
        placeholder={t('invoices.notice.tracking')}
        onChange={(e) => setV({ ...v, trackingNumber: e.target.value })}
      />
      <Button size="small" onClick={() => posting.mutate({ id: invoiceId, ...v })}>
        {t('invoices.notice.posting')}
      </Button>
    </Space>
  );
}

/** One notice: its invoice list, the state timeline (notice → … → paid), its invoices and the submission form. */
export function NoticeDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const q = useNotice(id);
  const n = q.data;
  return (
    <QueryState isLoading={q.isLoading} error={q.error}>
      {n && (
        <>
          <PageHeader
            title={t('invoices.notice.title', { no: n.documentNo })}
            extra={<Tag data-testid="notice-status">{t(`invoices.noticeStatus.${n.status}`)}</Tag>}
          />
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Card>
              <Steps
                data-testid="notice-timeline"
                size="small"
                direction="vertical"
                current={n.timeline.length - 1}
                items={n.timeline.map((e) => ({
                  title: t(`invoices.timeline.${e.state}`),
                  description: `${formatDateTime(e.at, i18n.language)}${
                    typeof e.detail?.invoiceNumber === 'string' ? ` · ${e.detail.invoiceNumber}` : ''
                  }${typeof e.detail?.reason === 'string' ? ` · ${e.detail.reason}` : ''}`,
                  status: e.state === 'returned' ? 'error' : 'finish',
                }))}
              />
            </Card>
            <Card>
              <ListBody v={n.invoiceList} />
            </Card>
            <Card title={t('invoices.notice.invoices')}>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={n.invoices}
                columns={[
                  {
                    title: t('invoices.col.number'),
                    render: (_, r) => `${r.invoiceCode} ${r.invoiceNumber}`.trim(),
                  },
                  { title: t('invoices.col.type'), render: (_, r) => t(`invoices.invoiceType.${r.type}`) },
                  { title: t('invoices.col.total'), align: 'right', render: (_, r) => yuan(r.totalFen) },
                  {
                    title: t('invoices.col.status'),
                    render: (_, r) => (
                      <Space direction="vertical" size={0}>
                        <Tag>{t(`invoices.invoiceStatus.${r.status}`)}</Tag>
                        {r.returnReason && <Typography.Text type="danger">{r.returnReason}</Typography.Text>}
                      </Space>
                    ),
                  },
                  {
                    title: t('invoices.col.actions'),
                    render: (_, r) =>
                      r.type === 'vat_special_paper' && r.status === 'submitted' ? (
                        <PostingButton noticeId={n.id} invoiceId={r.id} />
                      ) : r.trackingNumber ? (
                        `${r.expressCompany ?? ''} ${r.trackingNumber}`
                      ) : null,
                  },
                ]}
              />
            </Card>
            {n.status === 'open' && <SubmitForm notice={n} />}
          </Space>
        </>
      )}
    </QueryState>
  );
}
