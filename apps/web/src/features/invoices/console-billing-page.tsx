import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tabs,
  Tag,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { toShownError } from '../../platform/lib/form-errors.ts';
import {
  type NoticeSummary,
  toFen,
  useConsoleAction,
  useConsoleBills,
  useInvoiceQueue,
  usePayee,
  useReveal,
  useToPay,
  useUploadBills,
  yuan,
  yuanAmount,
} from './invoices-api.ts';

function useRun() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const act = useConsoleAction();
  return (v: Parameters<typeof act.mutate>[0]) =>
    act.mutate(v, {
      onSuccess: (r) => {
        const failed = r && 'results' in r ? r.results.filter((x) => !x.ok) : [];
        if (failed.length) message.warning(failed.map((f) => f.message).join('; '));
        else message.success(t('invoices.done'));
      },
      onError: (e) => message.error(toShownError(e, t('common.loadFailed')).message),
    });
}

function ReturnButton({ onReturn }: { onReturn: (reason: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Popconfirm
      title={
        <Input
          data-testid="return-reason"
          placeholder={t('invoices.returnReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      }
      onConfirm={() => onReturn(reason)}
    >
      <Button size="small" danger data-testid="return-button">
        {t('invoices.return')}
      </Button>
    </Popconfirm>
  );
}

function CountersignTab() {
  const { t, i18n } = useTranslation();
  const q = useConsoleBills();
  const run = useRun();
  const [selected, setSelected] = useState<string[]>([]);
  const lang = i18n.language as 'zh-CN' | 'en-US';
  const { message } = App.useApp();
  const upload = useUploadBills();
  const onUpload = (file: File) => {
    upload.mutate(file, {
      onSuccess: (r) => {
        const bad = r.results.filter((x) => x.outcome === 'error');
        if (bad.length) message.warning(bad.map((b) => `${b.externalId}: ${b.message}`).join('; '));
        else message.success(t('invoices.done'));
      },
      onError: (e) => message.error(toShownError(e, t('common.loadFailed')).message),
    });
    return false;
  };
  return (
    <QueryState isLoading={q.isLoading} error={q.error}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space>
          <Button disabled={!selected.length} onClick={() => run({ kind: 'bills', ids: selected })}>
            {t('invoices.console.approveSelected')}
          </Button>
          <Upload accept=".json" showUploadList={false} beforeUpload={onUpload}>
            <Button loading={upload.isPending}>{t('invoices.console.uploadBills')}</Button>
          </Upload>
        </Space>
        <Table
          rowKey="id"
          size="small"
          rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) }}
          dataSource={q.data?.items ?? []}
          columns={[
            { title: t('invoices.col.partner'), dataIndex: 'partnerName' },
            { title: t('invoices.col.title'), render: (_, r) => `${r.title} (${r.externalId})` },
            { title: t('invoices.col.amount'), align: 'right', render: (_, r) => yuan(r.totalFen) },
            {
              title: t('invoices.col.step'),
              render: (_, r) => (
                <Space>
                  {r.currentStep?.label[lang]}
                  {r.currentStep?.overdue && <Tag color="red">!</Tag>}
                </Space>
              ),
            },
            {
              title: t('invoices.col.actions'),
              render: (_, r) => (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    data-testid={`bill-approve-${r.externalId}`}
                    onClick={() => run({ kind: 'bill', action: 'approve', id: r.id })}
                  >
                    {t('invoices.console.approve')}
                  </Button>
                  <ReturnButton
                    onReturn={(reason) => run({ kind: 'bill', action: 'return', id: r.id, reason })}
                  />
                </Space>
              ),
            },
          ]}
        />
      </Space>
    </QueryState>
  );
}

function CheckTab() {
  const { t } = useTranslation();
  const q = useInvoiceQueue();
  const run = useRun();
  const [selected, setSelected] = useState<string[]>([]);
  return (
    <QueryState isLoading={q.isLoading} error={q.error}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button disabled={!selected.length} onClick={() => run({ kind: 'invoices', ids: selected })}>
          {t('invoices.console.acceptSelected')}
        </Button>
        <Table
          rowKey="id"
          size="small"
          rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) }}
          dataSource={q.data?.items ?? []}
          columns={[
            { title: t('invoices.col.partner'), dataIndex: 'partnerName' },
            { title: t('invoices.col.documentNo'), dataIndex: 'documentNo' },
            {
              title: t('invoices.col.number'),
              render: (_, r) => `${r.invoiceCode} ${r.invoiceNumber}`.trim(),
            },
            { title: t('invoices.col.type'), render: (_, r) => t(`invoices.invoiceType.${r.type}`) },
            {
              title: t('invoices.col.total'),
              align: 'right',
              render: (_, r) => `${yuan(r.totalFen)} / ${yuan(r.noticeTotalFen)}`,
            },
            {
              title: t('invoices.col.status'),
              render: (_, r) => <Tag>{t(`invoices.invoiceStatus.${r.status}`)}</Tag>,
            },
            {
              title: t('invoices.console.file'),
              render: (_, r) =>
                r.file ? <a href={`/api/console/invoice-files/${r.file.id}`}>{r.file.fileName}</a> : null,
            },
            {
              title: t('invoices.col.actions'),
              render: (_, r) => (
                <Space>
                  {r.status === 'received' ? (
                    <Button
                      size="small"
                      type="primary"
                      data-testid={`invoice-accept-${r.invoiceNumber}`}
                      onClick={() => run({ kind: 'invoice', action: 'accept', id: r.id })}
                    >
                      {t('invoices.console.accept')}
                    </Button>
                  ) : (
                    <Button
                      size="small"
                      onClick={() => run({ kind: 'invoice', action: 'receive', id: r.id })}
                    >
                      {t('invoices.console.receive')}
                    </Button>
                  )}
                  <ReturnButton
                    onReturn={(reason) => run({ kind: 'invoice', action: 'return', id: r.id, reason })}
                  />
                </Space>
              ),
            },
          ]}
        />
      </Space>
    </QueryState>
  );
}

function PayModal({ notice, onClose }: { notice: NoticeSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const payee = usePayee(notice.id);
  const reveal = useReveal();
  const run = useRun();
  const [paidOn, setPaidOn] = useState('');
  const [reference, setReference] = useState('');
  const [amount, setAmount] = useState(yuanAmount(notice.totalFen).replaceAll(',', ''));
  const [reason, setReason] = useState('');
  const p = payee.data;
  return (
    <Modal
      open
      title={t('invoices.console.payTitle', { no: notice.documentNo })}
      onCancel={onClose}
      okButtonProps={{ disabled: !p?.payoutAllowed, 'data-testid': 'pay-confirm' } as never}
      onOk={() => {
        run({ kind: 'pay', id: notice.id, paidOn, amountFen: toFen(amount), bankReference: reference });
        onClose();
      }}
    >
      <QueryState isLoading={payee.isLoading} error={payee.error}>
        {p && !p.payoutAllowed && (
          <Alert
            type="error"
            message={t('invoices.console.blocked', { message: p.payoutBlockedMessage ?? '' })}
          />
        )}
        {p?.account && (
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('invoices.col.partner')}>
              {p.account.companyLegalName}
            </Descriptions.Item>
            <Descriptions.Item label={t('invoices.col.account')}>
              <span data-testid="payee-account">{reveal.data?.accountNumber ?? p.account.accountMasked}</span>
              {` ${p.account.bankName} ${p.account.bankBranch}`}
            </Descriptions.Item>
          </Descriptions>
        )}
        <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              placeholder={t('invoices.console.revealReason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <Button onClick={() => reveal.mutate({ id: notice.id, reason })}>
              {t('invoices.console.reveal')}
            </Button>
          </Space.Compact>
          <Input
            data-testid="pay-date"
            placeholder={t('invoices.console.paidOn')}
            value={paidOn}
            onChange={(e) => setPaidOn(e.target.value)}
          />
          <Input
            data-testid="pay-amount"
            addonAfter="¥"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
          <Input
            data-testid="pay-reference"
            placeholder={t('invoices.console.reference')}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
          />
        </Space>
      </QueryState>
    </Modal>
  );
}

function PayTab() {
  const { t } = useTranslation();
  const q = useToPay();
  const [paying, setPaying] = useState<NoticeSummary>();
  return (
    <QueryState isLoading={q.isLoading} error={q.error}>
      <Table
        rowKey="id"
        size="small"
        dataSource={q.data?.items ?? []}
        columns={[
          { title: t('invoices.col.partner'), dataIndex: 'partnerName' },
          { title: t('invoices.col.documentNo'), dataIndex: 'documentNo' },
          { title: t('invoices.col.total'), align: 'right', render: (_, r) => yuan(r.totalFen) },
          {
            title: t('invoices.col.actions'),
            render: (_, r) => (
              <Button
                size="small"
                type="primary"
                data-testid={`pay-${r.documentNo}`}
                onClick={() => setPaying(r)}
              >
                {t('invoices.console.pay_')}
              </Button>
            ),
          },
        ]}
      />
      {paying && <PayModal notice={paying} onClose={() => setPaying(undefined)} />}
    </QueryState>
  );
}

/** Console > Bills and invoices: the three queues with their counts and bulk actions. */
export function ConsoleBillingPage() {
  const { t } = useTranslation();
  const bills = useConsoleBills();
  const invoices = useInvoiceQueue();
  const toPay = useToPay();
  return (
    <>
      <PageHeader title={t('invoices.console.title')} />
      <Card>
        <Tabs
          items={[
            {
              key: 'countersign',
              label: t('invoices.console.countersign', { count: bills.data?.total ?? 0 }),
              children: <CountersignTab />,
            },
            {
              key: 'check',
              label: t('invoices.console.check', {
                count: (invoices.data?.counts.toCheck ?? 0) + (invoices.data?.counts.toReceive ?? 0),
              }),
              children: <CheckTab />,
            },
            {
              key: 'pay',
              label: t('invoices.console.pay', { count: toPay.data?.total ?? 0 }),
              children: <PayTab />,
            },
          ]}
        />
      </Card>
    </>
  );
}
