import { Button, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAudit } from '../../api/console.ts';
import type { AuditEntry } from '../../api/types.ts';
import { QueryState } from '../../components/query-state.tsx';
import { formatDateTime, nowrap } from '../../lib/format.ts';
import { JsonView } from '../json-view.tsx';
import type { PartnerTabProps } from './tabs.ts';

/** The partner's full history: every audited change recorded against this partner, newest first. */
export function HistoryTab({ partnerId }: PartnerTabProps) {
  const { t, i18n } = useTranslation();
  const list = useAudit({ partnerId }, 20);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <QueryState isLoading={false} error={list.error} onRetry={() => list.refetch()}>
      <div data-testid="partner-history">
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{ emptyText: t('console.audit.empty') }}
          onRow={(r) =>
            ({
              'data-testid': 'partner-history-row',
              'data-action': r.action,
            }) as React.HTMLAttributes<HTMLElement>
          }
          expandable={{
            expandedRowRender: (r) => (
              <Flex gap={16} wrap>
                <div style={{ flex: 1, minWidth: 280 }}>
                  <Typography.Text type="secondary">{t('console.audit.before')}</Typography.Text>
                  <JsonView value={r.before} />
                </div>
                <div style={{ flex: 1, minWidth: 280 }}>
                  <Typography.Text type="secondary">{t('console.audit.after')}</Typography.Text>
                  <JsonView value={r.after} />
                </div>
              </Flex>
            ),
          }}
          columns={[
            {
              title: t('console.audit.at'),
              dataIndex: 'at',
              width: 180,
              render: (v: string) => <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>,
            },
            {
              title: t('console.audit.actor'),
              key: 'actor',
              render: (_, r) => (
                <Flex vertical>
                  <span>{r.actorType}</span>
                  {r.actorId ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.actorId}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            {
              title: t('console.audit.action'),
              dataIndex: 'action',
              render: (v: string) => <Tag color="blue">{v}</Tag>,
            },
            {
              title: t('console.audit.entity'),
              key: 'entity',
              render: (_, r) => (
                <Flex vertical>
                  <span>{r.entityType}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.entityId}
                  </Typography.Text>
                </Flex>
              ),
            },
          ]}
        />
        {list.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button
              onClick={() => list.fetchNextPage()}
              loading={list.isFetchingNextPage}
              data-testid="partner-history-load-more"
            >
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </div>
    </QueryState>
  );
}
