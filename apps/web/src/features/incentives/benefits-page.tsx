import { Alert, Button, Card, Col, Flex, Input, Progress, Row, Statistic, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { formatDateTime } from '../../platform/lib/format.ts';
import {
  type Application,
  type Notice,
  previousQuarter,
  useApply,
  useNotices,
  usePayments,
  usePerformance,
  usePolicies,
  yuan,
} from './incentives-api.ts';

const STATUS_COLOR = { issued: 'gold', confirmed: 'green', disputed: 'red' } as const;

/** Portal > Benefits: performance against the threshold, notices, payment applications, policies. */
export function BenefitsPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const tab = location.pathname.endsWith('/payment-applications')
    ? 'payments'
    : location.pathname.endsWith('/policies')
      ? 'policies'
      : 'notices';
  return (
    <>
      <PageHeader title={t('incentives.title')} subtitle={t('incentives.subtitle')} />
      <PerformanceCard />
      <Card style={{ marginTop: 16 }}>
        <Tabs
          activeKey={tab}
          onChange={(k) =>
            navigate(
              k === 'notices'
                ? '/benefits'
                : `/benefits/${k === 'payments' ? 'payment-applications' : 'policies'}`,
            )
          }
          items={[
            {
              key: 'notices',
              label: <span data-testid="benefits-tab-notices">{t('incentives.tabs.notices')}</span>,
              children: <NoticesTab />,
            },
            {
              key: 'payments',
              label: <span data-testid="benefits-tab-payments">{t('incentives.tabs.payments')}</span>,
              children: <PaymentsTab />,
            },
            { key: 'policies', label: t('incentives.tabs.policies'), children: <PoliciesTab /> },
          ]}
        />
      </Card>
    </>
  );
}

function PerformanceCard() {
  const { t } = useTranslation();
  const perf = usePerformance();
  const p = perf.data;
  return (
    <Card title={t('incentives.performance.title', { year: p?.year ?? '' })} data-testid="performance-card">
      <QueryState isLoading={perf.isLoading} error={perf.error}>
        {p ? (
          <Row gutter={24} align="middle">
            <Col xs={24} md={6}>
              <Statistic title={t('incentives.performance.amount')} value={yuan(p.amountFen)} />
            </Col>
            <Col xs={24} md={6}>
              <Statistic title={t('incentives.performance.threshold')} value={yuan(p.thresholdFen)} />
            </Col>
            <Col xs={24} md={12}>
              <Progress
                aria-label={t('incentives.performance.threshold')}
                percent={Math.min(100, Math.floor((p.amountFen * 100) / Math.max(1, p.thresholdFen)))}
                status={p.reached ? 'success' : 'active'}
              />
              <div>
                {t('incentives.performance.own')}: {yuan(p.ownFen)} · {t('incentives.performance.resellers')}:{' '}
                {yuan(p.resellersFen)}
              </div>
              <div data-testid="performance-status">
                {p.reached
                  ? t('incentives.performance.reached')
                  : t('incentives.performance.remaining', { amount: yuan(p.remainingFen) })}
              </div>
            </Col>
          </Row>
        ) : null}
      </QueryState>
    </Card>
  );
}

function NoticesTab() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Notice['status'] | undefined>();
  const list = useNotices({ status });
  const counts = list.data?.counts ?? {};
  return (
    <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => list.refetch()}>
      {(list.data?.exclusions ?? []).map((e) => (
        <Alert
          key={e.periodKey}
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="incentive-exclusion"
          message={t(`incentives.exclusion.${e.reason as 'suspended'}`, {
            period: e.periodKey,
            amount: yuan(e.forgoneFen),
          })}
        />
      ))}
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Button type={status ? 'default' : 'primary'} onClick={() => setStatus(undefined)}>
          {t('incentives.console.all')}
        </Button>
        {(['issued', 'confirmed', 'disputed'] as const).map((s) => (
          <Button key={s} type={status === s ? 'primary' : 'default'} onClick={() => setStatus(s)}>
            {t(`incentives.status.${s}`)} ({counts[s] ?? 0})
          </Button>
        ))}
      </Flex>
      <Table<Notice>
        rowKey="id"
        data-testid="notices-table"
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('incentives.empty') }}
        columns={[
          { title: t('incentives.col.period'), dataIndex: 'periodKey' },
          { title: t('incentives.col.preTax'), render: (_, n) => `${yuan(n.amountFen)}`, align: 'right' },
          {
            title: t('incentives.col.invoice'),
            render: (_, n) => (n.invoice ? `${yuan(n.invoice.totalFen)}` : '—'),
            align: 'right',
          },
          {
            title: t('incentives.col.status'),
            render: (_, n) => <Tag color={STATUS_COLOR[n.status]}>{t(`incentives.status.${n.status}`)}</Tag>,
          },
          {
            title: '',
            render: (_, n) => (
              <Link to={`/benefits/incentives/${n.id}`} data-testid={`notice-open-${n.periodKey}`}>
                {t('incentives.open')}
              </Link>
            ),
          },
        ]}
      />
    </QueryState>
  );
}

function PaymentsTab() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const page = usePayments();
  const apply = useApply();
  const [quarter, setQuarter] = useState(previousQuarter());
  const gate = page.data?.eligibility;
  return (
    <QueryState isLoading={page.isLoading} error={page.error} onRetry={() => page.refetch()}>
      {gate && !gate.allowed ? (
        <Alert
          type="warning"
          showIcon
          data-testid="payout-blocked"
          style={{ marginBottom: 12 }}
          message={t('incentives.payments.blocked')}
          description={gate.message}
          action={gate.link ? <Link to={gate.link}>{t('incentives.payments.goCertify')}</Link> : null}
        />
      ) : null}
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Input
          aria-label={t('incentives.payments.quarter')}
          style={{ width: 160 }}
          value={quarter}
          onChange={(e) => setQuarter(e.target.value.trim())}
          addonBefore={t('incentives.payments.quarter')}
          data-testid="apply-quarter"
        />
        <Button
          type="primary"
          loading={apply.isPending}
          data-testid="apply-submit"
          onClick={() =>
            apply.mutate(quarter, {
              onSuccess: () => message.success(t('incentives.payments.applied')),
              onError: (e) => message.error(e.message),
            })
          }
        >
          {t('incentives.payments.apply')}
        </Button>
      </Flex>
      <Table<Application>
        rowKey="id"
        data-testid="applications-table"
        dataSource={page.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('incentives.payments.empty') }}
        columns={[
          { title: t('incentives.col.quarter'), dataIndex: 'quarter' },
          { title: t('incentives.col.amount'), render: (_, a) => `${yuan(a.amountFen)}`, align: 'right' },
          { title: t('incentives.col.notices'), dataIndex: 'noticeCount' },
          {
            title: t('incentives.col.status'),
            render: (_, a) => (
              <>
                <Tag data-testid={`application-status-${a.quarter}`}>
                  {t(`incentives.payments.status.${a.status}`)}
                </Tag>
                {a.returnReason ? <span>{a.returnReason}</span> : null}
                {a.invoicingNoticeId ? <Tag color="green">{t('incentives.payments.invoicing')}</Tag> : null}
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
  );
}

function PoliciesTab() {
  const { t, i18n } = useTranslation();
  const list = usePolicies();
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en-US';
  return (
    <QueryState isLoading={list.isLoading} error={list.error}>
      <Table
        rowKey="id"
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('incentives.col.policy'), render: (_, p) => `${p.code} · ${p.name[lang]}` },
          { title: t('incentives.col.version'), render: (_, p) => p.current?.version ?? '—' },
          {
            title: t('incentives.col.validity'),
            render: (_, p) => (p.current ? `${p.current.validFrom} – ${p.current.validTo ?? '…'}` : '—'),
          },
          {
            title: t('incentives.col.rates'),
            render: (_, p) =>
              (p.current?.rules.rates ?? []).map((r) => `${r.category} ${r.basisPoints / 100}%`).join(', '),
          },
        ]}
      />
    </QueryState>
  );
}
