import {
  BellOutlined,
  CheckCircleOutlined,
  CustomerServiceOutlined,
  FileProtectOutlined,
  GiftOutlined,
  MailOutlined,
  PhoneOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Card, Col, Empty, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../platform/components/query-state.tsx';
import { lazyComponent } from '../../platform/feature.ts';
import { formatDateTime, formatYuan } from '../../platform/lib/format.ts';
import { fill, useDashboardTexts } from './dashboard.texts.ts';
import { type DashboardSummary, useDashboard } from './dashboard-api.ts';
import type { PerformanceChartProps } from './performance-chart.tsx';

const PerformanceChart = lazyComponent<typeof import('./performance-chart.tsx'), PerformanceChartProps>(
  () => import('./performance-chart.tsx'),
  'PerformanceChart',
);

/** The dashboard's data widgets: performance, open tasks, budget alerts (one request for all). */
export function DashboardWidgets() {
  const q = useDashboard();
  return (
    <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
      {q.data ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <PerformanceCard p={q.data.performance} />
          </Col>
          <Col xs={24} md={12} xl={6}>
            <TasksCard tasks={q.data.tasks} />
          </Col>
          <Col xs={24} md={12} xl={6}>
            <AlertsCard alerts={q.data.budgetAlerts} />
          </Col>
        </Row>
      ) : null}
    </QueryState>
  );
}

function PerformanceCard({ p }: { p: DashboardSummary['performance'] }) {
  const tx = useDashboardTexts().performance;
  return (
    <Card
      title={fill(tx.title, { year: p.year })}
      extra={<Link to="/benefits">{tx.details}</Link>}
      style={{ height: '100%' }}
      data-testid="dashboard-performance"
    >
      <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 220 }} />}>
        <PerformanceChart
          bars={[
            { label: `${tx.previous} ${p.year - 1}`, fen: p.previousYearFen },
            { label: `${tx.amount} ${p.year}`, fen: p.amountFen },
          ]}
          thresholdFen={p.thresholdFen}
          thresholdLabel={tx.threshold}
        />
      </Suspense>
      <Typography.Text type={p.reached ? 'success' : 'secondary'} data-testid="dashboard-performance-status">
        {p.reached ? tx.reached : fill(tx.remaining, { amount: formatYuan(p.remainingFen).slice(1) })}
      </Typography.Text>
    </Card>
  );
}

function TasksCard({ tasks }: { tasks: DashboardSummary['tasks'] }) {
  const tx = useDashboardTexts().tasks;
  const { i18n } = useTranslation();
  const rows: { key: string; icon: ReactNode; text: string; count?: number; to: string }[] = [];
  if (tasks.reviewDue) {
    rows.push({
      key: 'review',
      icon: <FileProtectOutlined />,
      text: fill(tx.review, {
        deadline: formatDateTime(tasks.reviewDue.deadline, i18n.language, { seconds: false }),
      }),
      to: '/partner-info/certificate',
    });
  }
  const counted = [
    {
      key: 'invitations',
      icon: <MailOutlined />,
      text: tx.invitations,
      count: tasks.invitations,
      to: '/memberships',
    },
    {
      key: 'tickets',
      icon: <CustomerServiceOutlined />,
      text: tx.tickets,
      count: tasks.ticketsAwaitingReply,
      to: '/support',
    },
    {
      key: 'incentives',
      icon: <GiftOutlined />,
      text: tx.incentives,
      count: tasks.unconfirmedIncentives,
      to: '/benefits',
    },
  ];
  rows.push(...counted.filter((c) => c.count > 0));
  return (
    <Card title={tx.title} style={{ height: '100%' }} data-testid="dashboard-tasks">
      {rows.length === 0 ? (
        <Flex gap={8} align="center">
          <CheckCircleOutlined style={{ color: '#389e0d' }} />
          <Typography.Text type="secondary">{tx.none}</Typography.Text>
        </Flex>
      ) : (
        <Flex vertical gap={12}>
          {rows.map((r) => (
            <div key={r.key} data-testid={`dashboard-task-${r.key}`}>
              <Link to={r.to}>
                <Flex gap={8} align="center" justify="space-between">
                  <Flex gap={8} align="center">
                    {r.icon}
                    <span>{r.text}</span>
                  </Flex>
                  {r.count !== undefined ? <Tag color="blue">{r.count}</Tag> : null}
                </Flex>
              </Link>
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}

function AlertsCard({ alerts }: { alerts: DashboardSummary['budgetAlerts'] }) {
  const tx = useDashboardTexts().alerts;
  const { i18n } = useTranslation();
  return (
    <Card title={tx.title} style={{ height: '100%' }} data-testid="dashboard-alerts">
      {alerts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx.none} />
      ) : (
        <Flex vertical gap={12}>
          {alerts.map((a) => (
            <Flex key={a.id} vertical gap={2} data-testid="dashboard-alert">
              <Flex gap={6} align="center" wrap>
                <BellOutlined style={{ color: a.threshold >= 100 ? '#cf1322' : '#fa8c16' }} />
                <Link to={`/customers/${a.customerId}`}>
                  {fill(tx.line, { customer: a.customerName, threshold: a.threshold })}
                </Link>
                {a.restricted ? <Tag color="red">{tx.restricted}</Tag> : null}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {fill(tx.used, {
                  used: formatYuan(a.usedFen).slice(1),
                  budget: formatYuan(a.budgetFen).slice(1),
                })}{' '}
                · {formatDateTime(a.createdAt, i18n.language, { seconds: false })}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}

/** The assigned ecosystem manager (the same one the Programs page names), or "not assigned yet". */
export function ManagerCard() {
  const tx = useDashboardTexts().manager;
  const q = useDashboard();
  const m = q.data?.manager;
  return (
    <Card title={tx.title} style={{ height: '100%' }} data-testid="dashboard-manager" loading={q.isLoading}>
      <Flex gap={12} align="center" style={{ marginBottom: 12 }}>
        <Avatar icon={<UserOutlined />} style={m ? { background: '#1677ff' } : undefined} />
        {m ? (
          <Typography.Text strong data-testid="dashboard-manager-name">
            {m.name}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{tx.none}</Typography.Text>
        )}
      </Flex>
      {m ? (
        <Flex vertical gap={4}>
          <Typography.Text copyable={{ text: m.email }}>
            <MailOutlined /> <a href={`mailto:${m.email}`}>{m.email}</a>
          </Typography.Text>
          {m.phone ? (
            <Typography.Text>
              <PhoneOutlined /> {m.phone}
            </Typography.Text>
          ) : null}
          <Typography.Text type="secondary">{tx.contact}</Typography.Text>
        </Flex>
      ) : (
        <Typography.Text type="secondary">{tx.body}</Typography.Text>
      )}
    </Card>
  );
}
