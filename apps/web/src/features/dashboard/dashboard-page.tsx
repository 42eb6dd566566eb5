import { Card, Col, Empty, Flex, Row, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMessages } from '../../platform/api/messages.ts';
import { useMe } from '../../platform/api/session.ts';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { RoleTags } from '../../platform/components/role-tags.tsx';
import { lazyComponent } from '../../platform/feature.ts';
import { formatRelative } from '../../platform/lib/format.ts';
import { CertificateSummaryCard } from '../certificates/index.ts';
import { CertificationCard } from '../certification/index.ts';

// The data widgets (chart, tasks, alerts, manager) load in their own chunk: the dashboard's first
// load is held under 300 kB (e2e/bundle-size.e2e.ts).
const DashboardWidgets = lazyComponent<typeof import('./dashboard-widgets.tsx'), object>(
  () => import('./dashboard-widgets.tsx'),
  'DashboardWidgets',
);
const ManagerCard = lazyComponent<typeof import('./dashboard-widgets.tsx'), object>(
  () => import('./dashboard-widgets.tsx'),
  'ManagerCard',
);

/** The partner's landing page after sign-in. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const latest = useMessages(false, 5);
  if (!me) return null;
  const messages = latest.data?.pages[0]?.items ?? [];

  return (
    <>
      <PageHeader
        title={<span data-testid="dashboard-welcome">{t('dashboard.welcome', { name: me.name })}</span>}
        subtitle={t('dashboard.subtitle')}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('dashboard.partnerName')} style={{ height: '100%' }}>
            <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="dashboard-partner-name">
              {me.partner?.name ?? t('common.none')}
            </Typography.Title>
            {/* A plain label/value grid: antd Descriptions would add ~3 kB to the first load. */}
            <div
              style={{
                display: 'grid',
                gridTemplateColumns: 'auto 1fr',
                gap: '8px 8px',
                alignItems: 'center',
              }}
            >
              <Typography.Text type="secondary">{t('dashboard.domainId')}:</Typography.Text>
              <Typography.Text copyable={Boolean(me.partner)} data-testid="dashboard-domain-id">
                {me.partner?.domainId ?? t('common.none')}
              </Typography.Text>
              <Typography.Text type="secondary">{t('dashboard.role')}:</Typography.Text>
              <span>
                <RoleTags roles={me.roles} />
              </span>
            </div>
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <CertificationCard />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Suspense fallback={<Card loading style={{ height: '100%' }} />}>
            <ManagerCard />
          </Suspense>
        </Col>
        <Col xs={24}>
          <CertificateSummaryCard />
        </Col>
        <Col xs={24}>
          <Suspense fallback={<Card loading />}>
            <DashboardWidgets />
          </Suspense>
        </Col>
        <Col xs={24}>
          <Card
            title={t('dashboard.messagesTitle')}
            extra={<Link to="/messages">{t('dashboard.viewAll')}</Link>}
          >
            {messages.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.messagesEmpty')} />
            ) : (
              <Flex vertical>
                {messages.map((m) => (
                  <Flex
                    key={m.id}
                    justify="space-between"
                    gap={16}
                    style={{ padding: '10px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}
                  >
                    <Typography.Text strong={!m.readAt} ellipsis>
                      {m.title}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                      {formatRelative(m.createdAt, i18n.language)}
                    </Typography.Text>
                  </Flex>
                ))}
              </Flex>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
