import { Button, Card, Flex, Input, InputNumber, Modal, Progress, Select, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { formatDateTime } from '../../platform/lib/format.ts';
import { PoliciesTable } from './console-policies-page.tsx';
import { type Notice, type Run, useConsoleNotices, useRunActions, useRuns, yuan } from './incentives-api.ts';

/** Console > Incentives: settlement runs with progress, notices and disputes as work queues, policies. */
export function ConsoleIncentivesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('incentives.console.title')} subtitle={t('incentives.console.subtitle')} />
      <Card>
        <Tabs
          items={[
            { key: 'runs', label: t('incentives.console.runs'), children: <RunsTab /> },
            { key: 'notices', label: t('incentives.console.notices'), children: <NoticesQueue /> },
            {
              key: 'disputes',
              label: t('incentives.console.disputes'),
              children: <NoticesQueue fixed="disputed" />,
            },
            { key: 'policies', label: t('incentives.console.policies'), children: <PoliciesTable /> },
          ]}
        />
      </Card>
    </>
  );
}

function RunsTab() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const runs = useRuns();
  const actions = useRunActions();
  const [period, setPeriod] = useState('');
  const counts = runs.data?.counts ?? {};
  return (
    <QueryState isLoading={runs.isLoading} error={runs.error} onRetry={() => runs.refetch()}>
      <Flex gap={8} style={{ marginBottom: 12 }} wrap>
        <Input
          style={{ width: 260 }}
          placeholder={t('incentives.console.periodKey')}
          value={period}
          onChange={(e) => setPeriod(e.target.value.trim())}
          data-testid="run-period"
        />
        <Button
          type="primary"
          disabled={!period}
          loading={actions.start.isPending}
          data-testid="run-start"
          onClick={() => actions.start.mutate(period, { onError: (e) => message.error(e.message) })}
        >
          {t('incentives.console.settle')}
        </Button>
        {Object.entries(counts).map(([s, n]) => (
          <Tag key={s}>{`${t(`incentives.console.runStatus.${s as Run['status']}`)}: ${n}`}</Tag>
        ))}
      </Flex>
      <Table<Run>
        rowKey="id"
        data-testid="runs-table"
        dataSource={runs.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('incentives.col.period'), dataIndex: 'periodKey' },
          {
            title: t('incentives.col.status'),
            render: (_, r) => (
              <>
                <Tag>{t(`incentives.console.runStatus.${r.status}`)}</Tag>
                {r.verification ? (
                  <Tag color={r.matches === false ? 'red' : 'blue'}>
                    {r.matches === null
                      ? t('incentives.console.verification')
                      : r.matches
                        ? t('incentives.console.matches')
                        : t('incentives.console.differs')}
                  </Tag>
                ) : null}
              </>
            ),
          },
          {
            title: t('incentives.col.progress'),
            render: (_, r) => (
              <Progress
                aria-label={t('incentives.col.progress')}
                percent={Math.round(r.progress * 100)}
                size="small"
                style={{ width: 140 }}
              />
            ),
          },
          { title: t('incentives.col.total'), render: (_, r) => `${yuan(r.totalFen)}`, align: 'right' },
          { title: t('incentives.col.excluded'), dataIndex: 'excludedCount', align: 'right' },
          {
            title: t('incentives.col.trigger'),
            render: (_, r) => t(`incentives.console.trigger.${r.trigger}`),
          },
          {
            title: t('incentives.col.started'),
            render: (_, r) => formatDateTime(r.startedAt, i18n.language),
          },
          {
            title: '',
            render: (_, r) =>
              r.status === 'running' ? (
                <Button
                  size="small"
                  danger
                  onClick={() => actions.cancel.mutate(r.id, { onError: (e) => message.error(e.message) })}
                >
                  {t('incentives.console.cancel')}
                </Button>
              ) : null,
          },
        ]}
      />
    </QueryState>
  );
}

function NoticesQueue({ fixed }: { fixed?: 'disputed' }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [status, setStatus] = useState<Notice['status'] | undefined>(fixed);
  const [q, setQ] = useState<string | undefined>();
  const list = useConsoleNotices({ status: fixed ?? status, q });
  const actions = useRunActions();
  const [selected, setSelected] = useState<string[]>([]);
  const [adjusting, setAdjusting] = useState<Notice | null>(null);
  const [amount, setAmount] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const counts = list.data?.counts ?? {};
  return (
    <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => list.refetch()}>
      <Flex gap={8} style={{ marginBottom: 12 }} wrap>
        {fixed ? null : (
          <Select
            aria-label={t('incentives.col.status')}
            style={{ width: 220 }}
            value={status ?? ''}
            onChange={(v) => setStatus((v || undefined) as Notice['status'] | undefined)}
            options={[
              { value: '', label: t('incentives.console.all') },
              ...(['issued', 'confirmed', 'disputed'] as const).map((s) => ({
                value: s,
                label: `${t(`incentives.status.${s}`)} (${counts[s] ?? 0})`,
              })),
            ]}
          />
        )}
        <Input.Search
          allowClear
          style={{ width: 240 }}
          placeholder={t('incentives.console.search')}
          onSearch={(v) => setQ(v.trim() || undefined)}
        />
        <Button
          disabled={selected.length === 0}
          onClick={() =>
            actions.remind.mutate(selected, {
              onSuccess: (r) => {
                message.success(t('incentives.console.reminded', { count: r.count }));
                setSelected([]);
              },
              onError: (e) => message.error(e.message),
            })
          }
        >
          {t('incentives.console.remind', { count: selected.length })}
        </Button>
      </Flex>
      <Table<Notice>
        rowKey="id"
        dataSource={list.data?.items ?? []}
        pagination={false}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (k) => setSelected(k as string[]),
          getCheckboxProps: (n) => ({ disabled: n.status !== 'issued' }),
        }}
        columns={[
          { title: t('incentives.col.partner'), dataIndex: 'partnerName' },
          { title: t('incentives.col.period'), dataIndex: 'periodKey' },
          { title: t('incentives.col.preTax'), render: (_, n) => `${yuan(n.amountFen)}`, align: 'right' },
          {
            title: t('incentives.col.invoice'),
            render: (_, n) => (n.invoice ? `${yuan(n.invoice.totalFen)}` : '—'),
            align: 'right',
          },
          {
            title: t('incentives.col.status'),
            render: (_, n) => <Tag>{t(`incentives.status.${n.status}`)}</Tag>,
          },
          { title: t('incentives.col.reason'), render: (_, n) => n.disputeReason ?? '' },
          {
            title: '',
            render: (_, n) =>
              n.paymentApplicationId ? null : (
                <Button size="small" onClick={() => setAdjusting(n)}>
                  {t('incentives.console.adjust')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={adjusting !== null}
        title={t('incentives.console.adjust')}
        okButtonProps={{ disabled: !amount || reason.trim().length < 5, loading: actions.adjust.isPending }}
        onCancel={() => setAdjusting(null)}
        onOk={() => {
          if (!adjusting || !amount) return;
          actions.adjust.mutate(
            { id: adjusting.id, amountFen: Math.round(amount * 100), reason: reason.trim() },
            {
              onSuccess: () => {
                message.success(t('incentives.console.adjusted'));
                setAdjusting(null);
              },
              onError: (e) => message.error(e.message),
            },
          );
        }}
      >
        <Flex vertical gap={8}>
          <InputNumber
            style={{ width: '100%' }}
            precision={2}
            placeholder={t('incentives.console.adjustAmount')}
            value={amount}
            onChange={(v) => setAmount(v)}
          />
          <Input.TextArea
            rows={3}
            placeholder={t('incentives.console.adjustReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Flex>
      </Modal>
    </QueryState>
  );
}
