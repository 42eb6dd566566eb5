import { Button, Card, Flex, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { formatDateTime } from '../../platform/lib/format.ts';
import { type Application, useConsoleApplications, useReview, yuan } from './incentives-api.ts';

/** Console > Payment applications (R19): finance's queue with counts, filters and bulk review. */
export function ConsolePaymentsPage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const [status, setStatus] = useState<Application['status'] | undefined>('submitted');
  const [q, setQ] = useState<string | undefined>();
  const list = useConsoleApplications({ status, q });
  const review = useReview();
  const [selected, setSelected] = useState<string[]>([]);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const counts = list.data?.counts ?? {};
  const run = (decision: 'approve' | 'return') =>
    review.mutate(
      { ids: selected, decision, reason: decision === 'return' ? reason.trim() : undefined },
      {
        onSuccess: (r) => {
          (r.failed.length ? message.warning : message.success)(
            [
              t('incentives.console.reviewed', { ok: r.done.length, failed: r.failed.length }),
              r.failed[0]?.message,
            ]
              .filter(Boolean)
              .join(' — '),
          );
          setSelected([]);
          setReturning(false);
        },
        onError: (e) => message.error(e.message),
      },
    );
  return (
    <>
      <PageHeader
        title={t('incentives.console.paymentsTitle')}
        subtitle={t('incentives.console.paymentsSubtitle')}
      />
      <Card>
        <Flex gap={8} style={{ marginBottom: 12 }} wrap>
          <Select
            aria-label={t('incentives.col.status')}
            style={{ width: 220 }}
            value={status ?? ''}
            data-testid="payments-filter-status"
            onChange={(v) => setStatus((v || undefined) as Application['status'] | undefined)}
            options={[
              { value: '', label: t('incentives.console.all') },
              ...(['submitted', 'approved', 'returned'] as const).map((s) => ({
                value: s,
                label: `${t(`incentives.payments.status.${s}`)} (${counts[s] ?? 0})`,
              })),
            ]}
          />
          <Input.Search
            allowClear
            style={{ width: 240 }}
            placeholder={t('incentives.console.search')}
            onSearch={(v) => setQ(v.trim() || undefined)}
          />
          <div style={{ flex: 1 }} />
          <Button
            type="primary"
            disabled={!selected.length}
            loading={review.isPending}
            onClick={() => run('approve')}
            data-testid="payments-approve"
          >
            {t('incentives.console.approve', { count: selected.length })}
          </Button>
          <Button danger disabled={!selected.length} onClick={() => setReturning(true)}>
            {t('incentives.console.return', { count: selected.length })}
          </Button>
        </Flex>
        <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => list.refetch()}>
          <Table<Application>
            rowKey="id"
            data-testid="payments-table"
            dataSource={list.data?.items ?? []}
            pagination={false}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (k) => setSelected(k as string[]),
              getCheckboxProps: (a) => ({ disabled: a.status !== 'submitted' }),
            }}
            columns={[
              { title: t('incentives.col.partner'), dataIndex: 'partnerName' },
              { title: t('incentives.col.quarter'), dataIndex: 'quarter' },
              {
                title: t('incentives.col.amount'),
                render: (_, a) => `${yuan(a.amountFen)}`,
                align: 'right',
              },
              { title: t('incentives.col.notices'), dataIndex: 'noticeCount' },
              {
                title: t('incentives.col.status'),
                render: (_, a) => (
                  <>
                    <Tag>{t(`incentives.payments.status.${a.status}`)}</Tag>
                    {a.invoicingNoticeId ? (
                      <Tag color="green">{t('incentives.payments.invoicing')}</Tag>
                    ) : null}
                  </>
                ),
              },
              {
                title: t('incentives.col.submitted'),
                render: (_, a) => formatDateTime(a.submittedAt, i18n.language),
              },
            ]}
          />
        </QueryState>
      </Card>
      <Modal
        open={returning}
        title={t('incentives.console.return', { count: selected.length })}
        okButtonProps={{ disabled: reason.trim().length < 2, loading: review.isPending }}
        onCancel={() => setReturning(false)}
        onOk={() => run('return')}
      >
        <Input.TextArea
          rows={3}
          placeholder={t('incentives.console.returnReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}
