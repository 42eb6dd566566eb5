import { AuditOutlined, SendOutlined, ShopOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRegistrations } from '../../platform/api/console.ts';
import { useMe } from '../../platform/api/session.ts';
import { useWorkQueues, WORK_QUEUES } from '../../platform/api/work-queues.ts';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { RoleTags } from '../../platform/components/role-tags.tsx';
import { useLabel } from '../../platform/feature.ts';
import { formatDateTime } from '../../platform/lib/format.ts';
import { canSeeOutbox } from '../../platform/roles.ts';

export function ConsoleDashboardPage() {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const recent = useRegistrations(5);
  const queues = useWorkQueues(undefined, 60_000);
  const label = useLabel();
  if (!me) return null;
  const shortcuts = [
    {
      to: '/console/registrations',
      icon: <ShopOutlined />,
      title: t('console.nav.registrations'),
      body: t('console.dashboard.registrationsBody'),
    },
    {
      to: '/console/audit',
      icon: <AuditOutlined />,
      title: t('console.nav.audit'),
      body: t('console.dashboard.auditBody'),
    },
    ...(canSeeOutbox(me)
      ? [
          {
            to: '/console/outbox',
            icon: <SendOutlined />,
            title: t('console.nav.outbox'),
            body: t('console.dashboard.outboxBody'),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={<span data-testid="console-welcome">{t('console.dashboard.welcome', { name: me.name })}</span>}
        subtitle={
          <Flex gap={8} align="center" component="span">
            {t('console.dashboard.roles')}: <RoleTags roles={me.roles} />
          </Flex>
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="console-work-queues">
        {(queues.data?.queues ?? []).map((q) => {
          const meta = WORK_QUEUES[q.key];
          if (!meta) return null;
          const urgent = q.key === 'ticketsOverdue' && q.count > 0;
          return (
            <Col key={q.key} xs={12} md={8} xl={6}>
              <Link to={meta.to} data-testid={`work-queue-${q.key}`}>
                <Card hoverable size="small">
                  <Statistic
                    title={label(meta)}
                    value={q.count}
                    styles={urgent ? { content: { color: '#cf1322' } } : undefined}
                  />
                </Card>
              </Link>
            </Col>
          );
        })}
      </Row>
      <Row gutter={[16, 16]}>
        {shortcuts.map((s) => (
          <Col key={s.to} xs={24} md={8}>
            <Link to={s.to}>
              <Card hoverable>
                <Flex gap={16} align="center">
                  <div style={{ fontSize: 28, color: '#1677ff' }}>{s.icon}</div>
                  <div>
                    <Typography.Text strong>{s.title}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">{s.body}</Typography.Text>
                  </div>
                </Flex>
              </Card>
            </Link>
          </Col>
        ))}
        <Col xs={24}>
          <Card
            title={t('console.dashboard.recent')}
            extra={<Link to="/console/registrations">{t('console.dashboard.viewAll')}</Link>}
          >
            <Table
              rowKey="id"
              size="middle"
              pagination={false}
              loading={recent.isLoading}
              dataSource={recent.data?.pages[0]?.items ?? []}
              locale={{ emptyText: t('console.registrations.empty') }}
              columns={[
                { title: t('console.registrations.name'), dataIndex: 'name' },
                { title: t('console.registrations.domainId'), dataIndex: 'domainId' },
                {
                  title: t('console.registrations.adminEmail'),
                  dataIndex: 'adminEmail',
                  render: (v: string | null) => v ?? t('common.none'),
                },
                {
                  title: t('console.registrations.createdAt'),
                  dataIndex: 'createdAt',
                  render: (v: string) => formatDateTime(v, i18n.language),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
