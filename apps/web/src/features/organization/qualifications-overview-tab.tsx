import { Card, Checkbox, Collapse, Empty, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../platform/components/query-state.tsx';
import { KINDS, type QualificationKind, useOrganizationQualifications } from './organization-api.ts';
import { PartnerRoleTags, QualificationTable } from './organization-parts.tsx';

/** Organization > Qualifications: the administrator's view of everyone's records. */
export function QualificationsOverviewTab() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<QualificationKind | undefined>();
  const [expiring, setExpiring] = useState(false);
  const q = useOrganizationQualifications({ kind, expiringWithinDays: expiring ? 30 : undefined });
  const items = q.data?.items ?? [];
  return (
    <Card>
      <Flex gap={16} wrap align="center" style={{ marginBottom: 16 }}>
        <Select<QualificationKind | 'all'>
          style={{ width: 180 }}
          data-testid="overview-kind"
          value={kind ?? 'all'}
          onChange={(v) => setKind(v === 'all' ? undefined : v)}
          options={[
            { value: 'all', label: t('organization.overview.anyKind') },
            ...KINDS.map((k) => ({ value: k, label: t(`organization.kind.${k}`) })),
          ]}
        />
        <Checkbox
          checked={expiring}
          onChange={(e) => setExpiring(e.target.checked)}
          data-testid="overview-expiring"
        >
          {t('organization.overview.expiringOnly')}
        </Checkbox>
      </Flex>
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        {items.length === 0 ? (
          <Empty description={t('organization.overview.empty')} />
        ) : (
          <Collapse
            data-testid="overview-members"
            defaultActiveKey={items.filter((m) => m.items.length > 0).map((m) => m.member.id)}
            items={items.map((m) => ({
              key: m.member.id,
              label: (
                <Flex gap={8} wrap align="center" data-testid="overview-member" data-email={m.member.email}>
                  <Typography.Text strong>{m.member.name}</Typography.Text>
                  <Typography.Text type="secondary">{m.member.email}</Typography.Text>
                  <PartnerRoleTags roles={m.member.roles} />
                  {m.employment.jobTitle ? (
                    <Typography.Text type="secondary">· {m.employment.jobTitle}</Typography.Text>
                  ) : null}
                </Flex>
              ),
              children:
                m.items.length === 0 ? (
                  <Typography.Text type="secondary">{t('organization.overview.noRecords')}</Typography.Text>
                ) : (
                  <QualificationTable rows={m.items} />
                ),
            }))}
          />
        )}
      </QueryState>
    </Card>
  );
}
