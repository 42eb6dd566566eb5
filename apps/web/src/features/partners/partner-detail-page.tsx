import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Spin, Tabs, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../platform/api/client.ts';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { useLabel, usePartnerTabs } from '../../platform/feature.ts';
import { formatDateTime } from '../../platform/lib/format.ts';
import { usePartnerMemberships } from '../memberships/index.ts';
import { usePartnerStanding } from './partners-api.ts';
import { StandingAction, StatusTagOf } from './standing-action.tsx';

/** One partner in the console: who it is, then one tab per module and its full history. */
export function PartnerDetailPage() {
  const { t, i18n } = useTranslation();
  const { partnerId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  // Only the tabs the operator's roles may open (the server's own role checks decide): no tab answers 403.
  const allowed = useQuery({
    queryKey: ['console', 'partner-tabs'],
    queryFn: () => unwrap(api.GET('/api/console/partner-tabs')),
    staleTime: 5 * 60_000,
  });
  const tabs = usePartnerTabs().filter((tab) => allowed.data?.tabs.includes(tab.key));
  const label = useLabel();
  const q = usePartnerMemberships(partnerId);
  const p = q.data?.partner;
  const standing = usePartnerStanding(partnerId).data;
  const active = tabs.some((x) => x.key === params.get('tab')) ? params.get('tab') : tabs[0]?.key;
  return (
    <>
      <PageHeader
        title={p ? p.name : t('memberships.detail.title')}
        subtitle={partnerId}
        extra={
          standing ? (
            <>
              <StatusTagOf status={standing.status} />
              <StandingAction partner={standing} />
            </>
          ) : null
        }
      />
      {standing?.status === 'suspended' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="partner-suspended-alert"
          title={t('partners.standing.since', {
            time: standing.suspendedAt ? formatDateTime(standing.suspendedAt, i18n.language) : '—',
            reason: standing.suspensionReason ?? '—',
          })}
        />
      ) : null}
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        {p ? (
          <Card style={{ marginBottom: 16 }} data-testid="partner-detail-header">
            <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
              <Descriptions.Item label={t('memberships.detail.domainId')}>
                <Typography.Text copyable>{p.domainId}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('memberships.detail.site')}>{p.site}</Descriptions.Item>
              <Descriptions.Item label={t('memberships.detail.registered')}>
                {formatDateTime(p.createdAt, i18n.language)}
              </Descriptions.Item>
              <Descriptions.Item label={t('memberships.detail.manager')}>
                {q.data?.manager?.name ?? '—'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        ) : null}
      </QueryState>
      {p ? (
        <Card>
          <Tabs
            activeKey={active ?? undefined}
            onChange={(key) => setParams({ tab: key }, { replace: true })}
            destroyOnHidden
            items={tabs.map((tab) => ({
              key: tab.key,
              label: <span data-testid={`partner-tab-${tab.key}`}>{label(tab)}</span>,
              children: (
                <Suspense fallback={<Spin />}>
                  <tab.component partnerId={partnerId} />
                </Suspense>
              ),
            }))}
          />
        </Card>
      ) : null}
    </>
  );
}
