import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { toShownError } from '../../platform/lib/form-errors.ts';
import {
  type Bill,
  type NoticeSummary,
  useBillAction,
  useBills,
  useNotices,
  usePayments,
  yuan,
} from './invoices-api.ts';

const STATUS_COLOR = { open: 'orange', invoiced: 'blue', accepted: 'cyan', paid: 'green' } as const;

function ExportButtons({ base, query }: { base: string; query: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  const qs = (format: string) =>
    new URLSearchParams({
      ...Object.fromEntries(Object.entries(query).filter(([, v]) => v)),
      format,
    } as Record<string, string>);
  return (
    <Space>
      <Button href={`${base}?${qs('csv')}`}>{t('invoices.exportCsv')}</Button>
      <Button href={`${base}?${qs('xlsx')}`}>{t('invoices.exportXlsx')}</Button>
    </Space>
  );
}

function NoticesTab() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<NoticeSummary['status']>();
  const q = useNotices({ status });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          allowClear
          placeholder={t('invoices.filterStatus')}
          aria-label={t('invoices.filterStatus')}
          style={{ width: 180 }}
          value={status}
          onChange={setStatus}
          options={(['open', 'invoiced', 'accepted', 'paid'] as const).map((s) => ({
            value: s,
            label: t(`invoices.noticeStatus.${s}`),
          }))}
        />
        <ExportButtons base="/api/invoicing-notices/export" query={{ status }} />
      </Space>
      <QueryState isLoading={q.isLoading} error={q.error}>
        <Table
          rowKey="id"
          size="small"
          dataSource={q.data?.items ?? []}
          columns={[
            {
              title: t('invoices.col.documentNo'),
              render: (_, r) => <Link to={`/invoicing/notices/${r.id}`}>{r.documentNo}</Link>,
            },
            { title: t('invoices.col.date'), dataIndex: 'noticeDate' },
            { title: t('invoices.col.source'), render: (_, r) => t(`invoices.source.${r.sourceKind}`) },
            { title: t('invoices.col.exTax'), align: 'right', render: (_, r) => yuan(r.amountExTaxFen) },
            { title: t('invoices.col.tax'), align: 'right', render: (_, r) => yuan(r.taxFen) },
            { title: t('invoices.col.total'), align: 'right', render: (_, r) => yuan(r.totalFen) },
            {
              title: t('invoices.col.status'),
              render: (_, r) => (
                <Tag color={STATUS_COLOR[r.status]} data-testid={`notice-status-${r.id}`}>
                  {t(`invoices.noticeStatus.${r.status}`)}
                </Tag>
              ),
            },
          ]}
        />
      </QueryState>
    </Space>
  );
}

function BillsTab() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<Bill['status']>();
  const [reason, setReason] = useState('');
  const q = useBills(status);
  const act = useBillAction();
  const lang = i18n.language as 'zh-CN' | 'en-US';
  const run = (v: Parameters<typeof act.mutate>[0]) =>
    act.mutate(v, { onError: (e) => message.error(toShownError(e, t('common.loadFailed')).message) });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          allowClear
          placeholder={t('invoices.filterStatus')}
          aria-label={t('invoices.filterStatus')}
          style={{ width: 180 }}
          value={status}
          onChange={setStatus}
          options={(['countersigning', 'returned', 'completed'] as const).map((s) => ({
            value: s,
            label: t(`invoices.billStatus.${s}`),
          }))}
        />
        <ExportButtons base="/api/countersign-bills/export" query={{ status }} />
      </Space>
      <QueryState isLoading={q.isLoading} error={q.error}>
        <Table
          rowKey="id"
          size="small"
          dataSource={q.data?.items ?? []}
          columns={[
            { title: t('invoices.col.title'), render: (_, r) => `${r.title} (${r.externalId})` },
            { title: t('invoices.col.period'), dataIndex: 'period' },
            { title: t('invoices.col.amount'), align: 'right', render: (_, r) => yuan(r.totalFen) },
            {
              title: t('invoices.col.status'),
              render: (_, r) => <Tag>{t(`invoices.billStatus.${r.status}`)}</Tag>,
            },
            {
              title: t('invoices.col.step'),
              render: (_, r) => r.currentStep?.label[lang] ?? r.returnReason ?? '',
            },
            {
              title: t('invoices.col.actions'),
              render: (_, r) =>
                r.currentStep?.approver === 'partner' ? (
                  <Space>
                    <Button size="small" type="primary" onClick={() => run({ id: r.id, action: 'approve' })}>
                      {t('invoices.confirm')}
                    </Button>
                    <Popconfirm
                      title={
                        <Input
                          placeholder={t('invoices.returnReason')}
                          value={reason}
                          onChange={(e) => setReason(e.target.value)}
                        />
                      }
                      onConfirm={() => run({ id: r.id, action: 'return', reason })}
                    >
                      <Button size="small">{t('invoices.return')}</Button>
                    </Popconfirm>
                  </Space>
                ) : r.noticeId ? (
                  <Link to={`/invoicing/notices/${r.noticeId}`}>{t('invoices.open')}</Link>
                ) : null,
            },
          ]}
        />
      </QueryState>
    </Space>
  );
}

function PaymentsTab() {
  const { t } = useTranslation();
  const q = usePayments();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ExportButtons base="/api/payments/export" query={{}} />
      <QueryState isLoading={q.isLoading} error={q.error}>
        <Table
          rowKey="id"
          size="small"
          dataSource={q.data?.items ?? []}
          columns={[
            { title: t('invoices.col.paidOn'), dataIndex: 'paidOn' },
            {
              title: t('invoices.col.documentNo'),
              render: (_, r) => <Link to={`/invoicing/notices/${r.noticeId}`}>{r.documentNo}</Link>,
            },
            { title: t('invoices.col.amount'), align: 'right', render: (_, r) => yuan(r.amountFen) },
            { title: t('invoices.col.account'), render: (_, r) => `${r.bankName} ${r.accountMasked}` },
            { title: t('invoices.col.reference'), dataIndex: 'bankReference' },
          ]}
        />
      </QueryState>
    </Space>
  );
}

/** Invoicing & payments: bills to countersign, invoicing notices and payments, with filters and export. */
export function InvoicingPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { pathname } = useLocation();
  const tab = params.get('tab') ?? (pathname.startsWith('/invoicing/bills') ? 'bills' : 'notices');
  return (
    <>
      <PageHeader title={t('invoices.nav')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          items={[
            { key: 'bills', label: t('invoices.tabs.bills'), children: <BillsTab /> },
            { key: 'notices', label: t('invoices.tabs.notices'), children: <NoticesTab /> },
            { key: 'payments', label: t('invoices.tabs.payments'), children: <PaymentsTab /> },
          ]}
        />
      </Card>
    </>
  );
}
