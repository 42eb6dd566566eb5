import { Table, Tag, Typography } from 'antd';
import type { TableRowSelection } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../platform/api/session.ts';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';
import { type QueueItem, STATUS_COLORS } from './certification-api.ts';

/** Certification submissions: the review queue and the partner detail tab share it. */
export function ReviewTable({
  rows,
  loading,
  total,
  page,
  pageSize,
  onPage,
  selection,
}: {
  rows: QueueItem[];
  loading: boolean;
  total?: number;
  page?: number;
  pageSize?: number;
  onPage?: (page: number, pageSize: number) => void;
  selection?: TableRowSelection<QueueItem>;
}) {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  return (
    <div data-testid="cert-review-table">
      <Table<QueueItem>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        rowSelection={selection}
        scroll={{ x: 960 }}
        locale={{ emptyText: t('certification.console.empty') }}
        pagination={
          onPage
            ? { current: page, pageSize, total, onChange: onPage, showSizeChanger: true, size: 'small' }
            : false
        }
        onRow={(r) => ({ 'data-testid': `cert-review-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('certification.console.partner'),
            dataIndex: 'companyName',
            render: (v: string | null, r) => (
              <Link to={`/console/certifications/${r.id}`} data-testid="cert-review-open">
                <Typography.Text strong>{v ?? r.partnerId}</Typography.Text>
              </Link>
            ),
          },
          {
            title: t('certification.console.filterStage'),
            dataIndex: 'stage',
            render: (v: QueueItem['stage']) => (
              <span style={nowrap}>{t(`certification.stageShort.${v}`)}</span>
            ),
          },
          {
            title: t('certification.console.filterStatus'),
            dataIndex: 'status',
            render: (v: QueueItem['status']) => (
              <Tag color={STATUS_COLORS[v]} data-status={v}>
                {t(`certification.status.${v}`)}
              </Tag>
            ),
          },
          {
            title: t('certification.console.submittedAt'),
            dataIndex: 'submittedAt',
            render: (v: string | null) => <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>,
          },
          {
            title: t('certification.console.claimedBy'),
            dataIndex: 'claimedBy',
            render: (v: string | null) =>
              v === null ? (
                '—'
              ) : v === me?.id ? (
                t('certification.console.claimedByMe')
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {v}
                </Typography.Text>
              ),
          },
          {
            title: t('certification.console.decidedAt'),
            dataIndex: 'decidedAt',
            render: (v: string | null) => <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>,
          },
        ]}
      />
    </div>
  );
}
