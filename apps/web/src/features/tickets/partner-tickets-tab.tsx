import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../platform/components/query-state.tsx';
import type { PartnerTabProps } from '../../platform/feature.ts';
import { TicketTable } from './ticket-table.tsx';
import { useTicketQueue } from './tickets-api.ts';

/** Partner detail > Tickets: every ticket of this partner, newest first. */
export function PartnerTicketsTab({ partnerId }: PartnerTabProps) {
  const { t } = useTranslation();
  const list = useTicketQueue({ partnerId });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <QueryState isLoading={false} error={list.error} onRetry={() => list.refetch()}>
      <TicketTable rows={rows} loading={list.isLoading} showPartner={false} />
      {list.hasNextPage ? (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </QueryState>
  );
}
