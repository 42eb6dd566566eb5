import { CheckOutlined, LinkOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMarkAllRead, useMarkRead, useMessages, useUnreadCount } from '../../platform/api/messages.ts';
import type { Message } from '../../platform/api/types.ts';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { toShownError } from '../../platform/lib/form-errors.ts';
import { formatDateTime, formatRelative } from '../../platform/lib/format.ts';

/** Links inside messages may point at our own pages or elsewhere. */
function MessageLink({ link }: { link: string }) {
  const { t } = useTranslation();
  const external = /^https?:\/\//.test(link);
  return (
    <a href={link} {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
      <LinkOutlined /> {t('messages.open')}
    </a>
  );
}

function MessageRow({ m }: { m: Message }) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const markRead = useMarkRead();
  return (
    <Flex
      gap={16}
      justify="space-between"
      align="flex-start"
      data-testid="message-item"
      style={{ padding: '16px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}
    >
      <Flex gap={12} align="flex-start" style={{ minWidth: 0 }}>
        <Badge status={m.readAt ? 'default' : 'processing'} style={{ marginTop: 6 }} />
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong={!m.readAt} style={{ fontSize: 15 }}>
            {m.title}
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>
            {m.body}
          </Typography.Paragraph>
          <Flex gap={16} wrap>
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12 }}
              title={formatDateTime(m.createdAt, i18n.language)}
            >
              {formatRelative(m.createdAt, i18n.language)}
            </Typography.Text>
            {m.link ? <MessageLink link={m.link} /> : null}
          </Flex>
        </div>
      </Flex>
      {m.readAt ? null : (
        <Button
          size="small"
          icon={<CheckOutlined />}
          loading={markRead.isPending}
          data-testid="message-mark-read"
          onClick={() =>
            markRead.mutate(m.id, {
              onError: (err) => message.error(toShownError(err, t('common.networkError')).message),
            })
          }
        >
          {t('messages.markRead')}
        </Button>
      )}
    </Flex>
  );
}

/** The message centre, for partners and operators alike. */
export function MessagesPage() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const list = useMessages(filter === 'unread');
  const unread = useUnreadCount(true).data?.count ?? 0;
  const markAll = useMarkAllRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('messages.title')}
        subtitle={t('messages.unreadCount', { count: unread })}
        extra={
          <Button
            disabled={!unread}
            loading={markAll.isPending}
            data-testid="messages-mark-all-read"
            onClick={() =>
              markAll.mutate(undefined, {
                onSuccess: () => message.success(t('messages.allMarked')),
                onError: (err) => message.error(toShownError(err, t('common.networkError')).message),
              })
            }
          >
            {t('messages.markAllRead')}
          </Button>
        }
      />
      <Card>
        <Segmented
          value={filter}
          onChange={(v) => setFilter(v as 'all' | 'unread')}
          options={[
            { value: 'all', label: t('messages.all') },
            { value: 'unread', label: t('messages.unread') },
          ]}
          data-testid="messages-filter"
        />
        <div data-testid="messages-list" style={{ marginTop: 8 }}>
          <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => list.refetch()}>
            {items.length === 0 ? (
              <Empty
                style={{ padding: 32 }}
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={filter === 'unread' ? t('messages.emptyUnread') : t('messages.empty')}
              />
            ) : (
              items.map((m) => <MessageRow key={m.id} m={m} />)
            )}
          </QueryState>
        </div>
        {list.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </Card>
    </>
  );
}
