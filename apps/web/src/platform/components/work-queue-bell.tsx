import { InboxOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWorkQueues, WORK_QUEUES } from '../api/work-queues.ts';
import { useLabel } from '../feature.ts';
import { formatRelative } from '../lib/format.ts';
import { BellButton } from './bell-button.tsx';
import { LazyPopover } from './lazy-overlay.tsx';

const SEEN_KEY = 'pc.console.queuesSeenAt';
const POLL_MS = 30_000;

const TEXT = {
  'zh-CN': {
    bell: '新工作项',
    title: '新到的工作项',
    none: '没有新的工作项。',
    seen: '全部标为已看',
    home: '查看工作台',
  },
  'en-US': {
    bell: 'New work',
    title: 'New work items',
    none: 'Nothing new.',
    seen: 'Mark all seen',
    home: 'Open the dashboard',
  },
};

function readSeen(): string {
  try {
    const v = localStorage.getItem(SEEN_KEY);
    if (v && !Number.isNaN(Date.parse(v))) return v;
  } catch {
    // Storage can be disabled: then everything waiting counts as new once per page load.
  }
  return new Date(0).toISOString();
}

/**
 * The console's second bell: new items in the work queues this operator may open since they last
 * looked (kept in this browser). Polls every 30 s while the tab is visible.
 */
export function WorkQueueBell() {
  const { i18n } = useTranslation();
  const label = useLabel();
  const text = i18n.language.startsWith('en') ? TEXT['en-US'] : TEXT['zh-CN'];
  const [seen, setSeen] = useState(readSeen);
  const [open, setOpen] = useState(false);
  const q = useWorkQueues(seen, POLL_MS);
  const fresh = (q.data?.queues ?? []).filter((x) => x.newSince > 0 && WORK_QUEUES[x.key]);
  const count = fresh.reduce((n, x) => n + x.newSince, 0);
  const markSeen = () => {
    const at = q.data?.at ?? new Date().toISOString();
    try {
      localStorage.setItem(SEEN_KEY, at);
    } catch {
      // See readSeen.
    }
    setSeen(at);
  };

  const content = (
    <div style={{ width: 320 }} data-testid="work-bell-panel">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{text.title}</Typography.Text>
        <Button size="small" type="link" disabled={!count} onClick={markSeen} data-testid="work-bell-seen">
          {text.seen}
        </Button>
      </Flex>
      {fresh.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.none} />
      ) : (
        <Flex vertical gap={2}>
          {fresh.map((x) => {
            const meta = WORK_QUEUES[x.key];
            if (!meta) return null;
            return (
              <Link key={x.key} to={meta.to} onClick={() => setOpen(false)} className="pc-bell-item">
                <Flex justify="space-between" gap={8}>
                  <Typography.Text strong>{label(meta)}</Typography.Text>
                  <Badge count={x.newSince} color="#1677ff" />
                </Flex>
                {x.newestAt ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatRelative(x.newestAt, i18n.language)}
                  </Typography.Text>
                ) : null}
              </Link>
            );
          })}
        </Flex>
      )}
      <div
        style={{ borderTop: '1px solid rgba(5,5,5,0.06)', marginTop: 8, paddingTop: 8, textAlign: 'center' }}
      >
        <Link to="/console" onClick={() => setOpen(false)}>
          {text.home}
        </Link>
      </div>
    </div>
  );

  return (
    <LazyPopover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}>
      <BellButton
        label={text.bell}
        count={count}
        testId="work-bell"
        icon={<InboxOutlined style={{ fontSize: 18 }} />}
      />
    </LazyPopover>
  );
}
