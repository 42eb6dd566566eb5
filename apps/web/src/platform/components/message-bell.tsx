import { BellOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMarkAllRead, useMessages, useUnreadCount } from '../api/messages.ts';
import { formatRelative } from '../lib/format.ts';
import { BellButton } from './bell-button.tsx';
import { LazyPopover } from './lazy-overlay.tsx';

/** The header bell: unread count, the latest unread messages, and a way to the message centre. */
export function MessageBell({ to, dark }: { to: string; dark?: boolean }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const count = useUnreadCount(true).data?.count ?? 0;
  const latest = useMessages(true, 5);
  const markAll = useMarkAllRead();
  const items = latest.data?.pages[0]?.items ?? [];

  const content = (
    <div style={{ width: 340 }} data-testid="message-bell-panel">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('messages.unreadCount', { count })}</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={!count}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t('messages.markAllRead')}
        </Button>
      </Flex>
      {latest.isLoading ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('messages.emptyUnread')} />
      ) : (
        <Flex vertical gap={2}>
          {items.map((m) => (
            <Link key={m.id} to={to} onClick={() => setOpen(false)} className="pc-bell-item">
              <Typography.Text strong ellipsis style={{ display: 'block' }}>
                {m.title}
              </Typography.Text>
              <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                {m.body}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatRelative(m.createdAt, i18n.language)}
              </Typography.Text>
            </Link>
          ))}
        </Flex>
      )}
      <div
        style={{ borderTop: '1px solid rgba(5,5,5,0.06)', marginTop: 8, paddingTop: 8, textAlign: 'center' }}
      >
        <Link to={to} onClick={() => setOpen(false)} data-testid="message-bell-view-all">
          {t('messages.viewAll')}
        </Link>
      </div>
    </div>
  );

  return (
    <LazyPopover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}>
      <BellButton
        label={t('messages.bell')}
        count={count}
        testId="message-bell"
        dark={dark}
        icon={<BellOutlined style={{ fontSize: 18, color: dark ? 'rgba(255,255,255,0.85)' : undefined }} />}
      />
    </LazyPopover>
  );
}
