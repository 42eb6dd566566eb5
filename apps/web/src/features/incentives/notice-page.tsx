import { Alert, Button, Card, Descriptions, Flex, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../platform/api/session.ts';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { formatDateTime, formatYuanCentiFen } from '../../platform/lib/format.ts';
import {
  type LineRecord,
  type NoticeDetail,
  type NoticeLine,
  useLineRecords,
  useNotice,
  useNoticeActions,
  yuan,
} from './incentives-api.ts';

/** Portal > Benefits > one incentive notice (R14): both amounts with the formula, lines, confirm or dispute. */
export function NoticePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const notice = useNotice(id);
  return (
    <>
      <PageHeader
        title={t('incentives.notice.title', { period: notice.data?.periodKey ?? '' })}
        subtitle={<Link to="/benefits">← {t('incentives.notice.back')}</Link>}
      />
      <QueryState isLoading={notice.isLoading} error={notice.error} onRetry={() => notice.refetch()}>
        {notice.data ? <NoticeBody n={notice.data} /> : null}
      </QueryState>
    </>
  );
}

export function AmountsCard({ n }: { n: NoticeDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en-US';
  return (
    <Card>
      <Descriptions column={{ xs: 1, md: 3 }} bordered size="small">
        <Descriptions.Item label={t('incentives.notice.preTax')}>
          <span data-testid="notice-pre-tax">{yuan(n.amountFen)}</span>
          {n.adjustmentFen !== 0
            ? ` (${yuan(n.preTaxFen)} ${n.adjustmentFen > 0 ? '+' : '−'} ${yuan(Math.abs(n.adjustmentFen))})`
            : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('incentives.notice.invoice')}>
          <span data-testid="notice-invoice">{n.invoice ? `${yuan(n.invoice.totalFen)}` : '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('incentives.notice.taxpayer')}>
          {n.invoice ? t(`incentives.notice.${n.invoice.taxpayerStatus}`) : '—'}
        </Descriptions.Item>
      </Descriptions>
      {n.invoice ? (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          message={t('incentives.notice.formula')}
          description={
            <>
              <div data-testid="notice-formula">{n.invoice.formula[lang]}</div>
              {n.invoice.rule === 'legacy' ? <div>{t('incentives.notice.legacy')}</div> : null}
            </>
          }
        />
      ) : (
        <Alert style={{ marginTop: 12 }} type="warning" showIcon message={t('incentives.notice.noStatus')} />
      )}
      {n.adjustments.length > 0 ? (
        <Descriptions
          title={t('incentives.notice.adjustments')}
          column={1}
          size="small"
          style={{ marginTop: 12 }}
        >
          {n.adjustments.map((a) => (
            <Descriptions.Item key={a.id} label={formatDateTime(a.createdAt, i18n.language)}>
              {yuan(a.amountFen)} — {a.reason}
            </Descriptions.Item>
          ))}
        </Descriptions>
      ) : null}
    </Card>
  );
}

function NoticeBody({ n }: { n: NoticeDetail }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const me = useMe().data;
  const isAdmin = me?.roles.includes('admin') ?? false;
  const actions = useNoticeActions(n.id);
  const [disputing, setDisputing] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <AmountsCard n={n} />
      <Card>
        <Flex gap={8} align="center" wrap>
          <Tag data-testid="notice-status">{t(`incentives.status.${n.status}`)}</Tag>
          {n.status === 'issued' && isAdmin ? (
            <>
              <Button
                type="primary"
                data-testid="notice-confirm"
                loading={actions.confirm.isPending}
                onClick={() =>
                  actions.confirm.mutate(undefined, {
                    onSuccess: () => message.success(t('incentives.notice.confirmed')),
                    onError: (e) => message.error(e.message),
                  })
                }
              >
                {t('incentives.notice.confirm')}
              </Button>
              <Button danger data-testid="notice-dispute" onClick={() => setDisputing(true)}>
                {t('incentives.notice.dispute')}
              </Button>
            </>
          ) : null}
          {n.status === 'issued' && !isAdmin ? (
            <Typography.Text type="secondary">{t('incentives.notice.adminOnly')}</Typography.Text>
          ) : null}
          {n.status === 'disputed' && n.ticketId ? (
            <Link to={`/support/tickets/${n.ticketId}`}>
              {t('incentives.notice.disputed', { ticket: n.ticketId })}
            </Link>
          ) : null}
          <div style={{ flex: 1 }} />
          <a href={`/api/incentives/notices/${n.id}/export?format=csv`} data-testid="notice-export-csv">
            {t('incentives.notice.exportCsv')}
          </a>
          <a href={`/api/incentives/notices/${n.id}/export?format=xlsx`}>
            {t('incentives.notice.exportXlsx')}
          </a>
        </Flex>
      </Card>
      <LinesCard lines={n.lines} />
      <Modal
        open={disputing}
        title={t('incentives.notice.dispute')}
        okText={t('incentives.notice.disputeSubmit')}
        okButtonProps={{ disabled: reason.trim().length < 5, loading: actions.dispute.isPending }}
        onCancel={() => setDisputing(false)}
        onOk={() =>
          actions.dispute.mutate(reason.trim(), {
            onSuccess: () => setDisputing(false),
            onError: (e) => message.error(e.message),
          })
        }
      >
        <Input.TextArea
          rows={4}
          placeholder={t('incentives.notice.disputeReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Space>
  );
}

export function LinesCard({ lines, consoleSide = false }: { lines: NoticeLine[]; consoleSide?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en-US';
  return (
    <Card title={t('incentives.notice.lines')}>
      <Table<NoticeLine>
        rowKey="id"
        data-testid="notice-lines"
        dataSource={lines}
        pagination={false}
        expandable={{ expandedRowRender: (l) => <LineRecords lineId={l.id} consoleSide={consoleSide} /> }}
        columns={[
          { title: t('incentives.col.policy'), render: (_, l) => `${l.policyCode} v${l.policyVersion}` },
          { title: t('incentives.col.service'), render: (_, l) => l.serviceName[lang] },
          {
            title: t('incentives.col.origin'),
            render: (_, l) =>
              l.late ? (
                <Tag color="orange">{`${l.originPeriodKey} · ${t('incentives.notice.late')}`}</Tag>
              ) : (
                l.originPeriodKey
              ),
          },
          { title: t('incentives.col.records'), dataIndex: 'recordCount', align: 'right' },
          { title: t('incentives.col.base'), render: (_, l) => `${yuan(l.baseFen)}`, align: 'right' },
          { title: t('incentives.col.rate'), render: (_, l) => `${l.basisPoints / 100}%`, align: 'right' },
          { title: t('incentives.col.amount'), render: (_, l) => `${yuan(l.amountFen)}`, align: 'right' },
        ]}
      />
    </Card>
  );
}

function LineRecords({ lineId, consoleSide }: { lineId: string; consoleSide: boolean }) {
  const { t, i18n } = useTranslation();
  const recs = useLineRecords(lineId, consoleSide);
  return (
    <QueryState isLoading={recs.isLoading} error={recs.error}>
      <Table<LineRecord>
        rowKey="recordId"
        size="small"
        pagination={{ pageSize: 20 }}
        dataSource={recs.data?.items ?? []}
        columns={[
          { title: t('incentives.col.record'), dataIndex: 'recordId' },
          { title: t('incentives.col.customer'), dataIndex: 'customerId' },
          { title: t('incentives.col.spentAt'), render: (_, r) => formatDateTime(r.spentAt, i18n.language) },
          { title: t('incentives.col.payment'), dataIndex: 'paymentKind' },
          { title: t('incentives.col.amount'), render: (_, r) => `${yuan(r.amountFen)}`, align: 'right' },
          {
            title: t('incentives.col.share'),
            render: (_, r) => formatYuanCentiFen(r.shareCentiFen),
            align: 'right',
          },
        ]}
      />
    </QueryState>
  );
}
