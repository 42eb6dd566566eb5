import { Button, Flex, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAudit } from '../../platform/api/console.ts';
import type { AuditEntry } from '../../platform/api/types.ts';
import { QueryState } from '../../platform/components/query-state.tsx';
import type { PartnerTabProps } from '../../platform/feature.ts';
import { AuditChange, useAuditColumns } from './audit-columns.tsx';

/** The partner's full history: every audited change recorded against this partner, newest first. */
export function HistoryTab({ partnerId }: PartnerTabProps) {
  const { t } = useTranslation();
  const auditColumns = useAuditColumns();
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
          expandable={{ expandedRowRender: (r) => <AuditChange entry={r} /> }}
          columns={auditColumns}
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
