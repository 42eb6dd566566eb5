import { Alert, Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { type InvoiceList, useInvoiceList, yuan } from './invoices-api.ts';

/** The invoice list (开票清单) behind the notice's link: the notice's figures, printable as a PDF. */
export function InvoiceListPage() {
  const { token = '' } = useParams();
  const q = useInvoiceList(token);
  return (
    <Card style={{ maxWidth: 960, margin: '24px auto' }}>
      <QueryState heading isLoading={q.isLoading} error={q.error}>
        {q.data && <ListBody v={q.data} asPage />}
      </QueryState>
    </Card>
  );
}

/** The list's figures; `asPage`: its title is the page's h1 (the public page), else an h3 in a card. */
export function ListBody({ v, asPage }: { v: InvoiceList; asPage?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as 'zh-CN' | 'en-US';
  const title = `${t('invoices.list.title')} ${v.documentNo}`;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        {asPage ? (
          <PageTitle style={{ margin: 0 }}>{title}</PageTitle>
        ) : (
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="invoice-list-title">
            {title}
          </Typography.Title>
        )}
        <Button type="primary" href={v.pdfUrl} target="_blank" data-testid="invoice-list-print">
          {t('invoices.list.print')}
        </Button>
      </Space>
      <Alert type="info" showIcon message={t('invoices.list.onlySpecial')} />
      <Descriptions bordered size="small" column={1} title={t('invoices.list.buyer')}>
        <Descriptions.Item label={t('invoices.list.name')}>
          {lang === 'zh-CN' ? v.buyer.name : `${v.buyer.name} (${v.buyer.nameEn})`}
        </Descriptions.Item>
        <Descriptions.Item label={t('invoices.list.taxpayerId')}>{v.buyer.taxpayerId}</Descriptions.Item>
        <Descriptions.Item
          label={t('invoices.list.address')}
        >{`${v.buyer.address} ${v.buyer.phone}`}</Descriptions.Item>
        <Descriptions.Item
          label={t('invoices.list.bank')}
        >{`${v.buyer.bankName} ${v.buyer.bankAccount}`}</Descriptions.Item>
      </Descriptions>
      <Descriptions bordered size="small" column={1} title={t('invoices.list.seller')}>
        <Descriptions.Item label={t('invoices.list.name')}>{v.seller.name}</Descriptions.Item>
        <Descriptions.Item label={t('invoices.list.taxpayerId')}>
          {v.seller.taxpayerId ?? '—'}
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={v.lines}
        columns={[
          { title: t('invoices.col.line'), render: (_, l) => l.text[lang] },
          { title: t('invoices.col.exTax'), align: 'right', render: (_, l) => yuan(l.preTaxFen) },
        ]}
      />
      <Descriptions bordered size="small" column={2} data-testid="invoice-list-totals">
        <Descriptions.Item label={t('invoices.col.exTax')}>{yuan(v.amountExTaxFen)}</Descriptions.Item>
        <Descriptions.Item label={t('invoices.list.rate')}>{`${v.rateBasisPoints / 100}%`}</Descriptions.Item>
        <Descriptions.Item label={t('invoices.col.tax')}>{yuan(v.taxFen)}</Descriptions.Item>
        <Descriptions.Item label={t('invoices.col.total')}>
          <span data-testid="invoice-list-total">{yuan(v.totalFen)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('invoices.list.formula')} span={2}>
          {v.formula[lang]}
        </Descriptions.Item>
      </Descriptions>
      <Link to={`/invoicing/notices/${v.noticeId}`} data-testid="invoice-list-to-portal">
        {t('invoices.list.toPortal')}
      </Link>
    </Space>
  );
}
