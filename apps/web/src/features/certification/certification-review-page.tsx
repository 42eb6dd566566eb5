import {
  Alert,
  Button,
  type ButtonProps,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../platform/api/session.ts';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { toShownError } from '../../platform/lib/form-errors.ts';
import { formatDateTime } from '../../platform/lib/format.ts';
import {
  type ReviewDetail,
  STATUS_COLORS,
  useRevealBankAccount,
  useReviewAction,
  useReviewDetail,
} from './certification-api.ts';
import { RejectModal } from './reject-modal.tsx';
import { BUSINESS_FIELDS, QUALIFICATION_FIELDS } from './stage-fields.tsx';

/** Console > Certifications > one submission: the data, its history, and the reviewer's actions. */
export function CertificationReviewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const detail = useReviewDetail(id);
  return (
    <QueryState isLoading={detail.isLoading} error={detail.error} onRetry={() => detail.refetch()} rows={10}>
      {detail.data ? <Detail d={detail.data} /> : null}
      <Link to="/console/certifications">{t('certification.console.backToQueue')}</Link>
    </QueryState>
  );
}

function Detail({ d }: { d: ReviewDetail }) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const me = useMe().data;
  const act = useReviewAction();
  const [rejecting, setRejecting] = useState(false);
  const [revealing, setRevealing] = useState(false);
  const [revealed, setRevealed] = useState<string | null>(null);
  const reveal = useRevealBankAccount();
  const [revealForm] = Form.useForm<{ reason: string }>();
  const isReviewer = Boolean(me?.roles.some((r) => r === 'reviewer' || r === 'admin'));
  const isFinance = Boolean(me?.roles.includes('finance'));
  const fields = d.stage === 'qualification' ? QUALIFICATION_FIELDS : BUSINESS_FIELDS;

  const run = (a: Parameters<typeof act.mutate>[0]) =>
    act.mutate(a, {
      onSuccess: () => {
        message.success(t('certification.console.done'));
        setRejecting(false);
      },
      onError: (err) => message.error(toShownError(err, t('common.loadFailed')).message),
    });

  const value = (f: (typeof fields)[number]) => {
    const v = d.data[f];
    if (v == null || v === '') return '—';
    if (f === 'taxpayerStatus') return t(`certification.taxpayer.${v as 'general' | 'small_scale'}`);
    if (f === 'settlementCurrency') return t(`certification.currency.${v as 'CNY' | 'USD'}`);
    if (f === 'bankAccountNumber')
      return (
        <Flex gap={8} align="center" wrap>
          <Typography.Text code data-testid="cert-bank-account">
            {revealed ?? v}
          </Typography.Text>
          {isFinance && !revealed ? (
            <Button size="small" onClick={() => setRevealing(true)} data-testid="cert-reveal">
              {t('certification.console.reveal')}
            </Button>
          ) : null}
        </Flex>
      );
    return v;
  };

  return (
    <>
      <PageHeader
        title={t('certification.console.detailTitle', {
          stage: t(`certification.stage.${d.stage}`),
          company: d.partnerName ?? d.companyName ?? d.partnerId,
        })}
        subtitle={
          <Link to={`/console/partners/${encodeURIComponent(d.partnerId)}`}>
            {t('certification.console.viewPartner')}
          </Link>
        }
        extra={
          <Tag color={STATUS_COLORS[d.status]} data-testid="cert-detail-status" data-status={d.status}>
            {t(`certification.status.${d.status}`)}
          </Tag>
        }
      />
      {isReviewer ? (
        <Flex gap={8} style={{ marginBottom: 16 }}>
          {d.status === 'submitted' ? (
            <Button
              type="primary"
              loading={act.isPending}
              onClick={() => run({ action: 'claim', id: d.id })}
              data-testid="cert-claim"
            >
              {t('certification.console.claim')}
            </Button>
          ) : null}
          {d.status === 'under_review' ? (
            <>
              <Button
                type="primary"
                loading={act.isPending}
                onClick={() => run({ action: 'approve', id: d.id })}
                data-testid="cert-approve"
              >
                {t('certification.console.approve')}
              </Button>
              <Button danger onClick={() => setRejecting(true)} data-testid="cert-reject">
                {t('certification.console.reject')}
              </Button>
            </>
          ) : null}
        </Flex>
      ) : null}
      {d.status === 'rejected' && d.rejectionReason ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={d.rejectionReason} />
      ) : null}
      <Card title={t('certification.console.data')} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          {fields.map((f) => (
            <Descriptions.Item key={f} label={t(`certification.field.${f}`)}>
              {value(f)}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('certification.console.submittedAt')}>
            {formatDateTime(d.submittedAt, i18n.language)}
          </Descriptions.Item>
          <Descriptions.Item label={t('certification.console.claimedBy')}>
            {d.claimedBy === me?.id ? t('certification.console.claimedByMe') : (d.claimedBy ?? '—')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('certification.page.history')} style={{ marginBottom: 16 }}>
        {d.history.length === 0 ? (
          <Typography.Text type="secondary">{t('certification.page.historyEmpty')}</Typography.Text>
        ) : (
          <Timeline
            items={[...d.history].reverse().map((h) => ({
              color: h.decision === 'approved' ? 'green' : 'red',
              children: (
                <>
                  <Typography.Text strong>{t(`certification.page.decision.${h.decision}`)}</Typography.Text>{' '}
                  <Typography.Text type="secondary">{formatDateTime(h.at, i18n.language)}</Typography.Text>
                  {h.reason ? <div>{h.reason}</div> : null}
                </>
              ),
            }))}
          />
        )}
      </Card>
      <RejectModal
        open={rejecting}
        loading={act.isPending}
        onCancel={() => setRejecting(false)}
        onConfirm={(reason) => run({ action: 'reject', id: d.id, reason })}
      />
      <Modal
        open={revealing}
        title={t('certification.console.revealTitle')}
        confirmLoading={reveal.isPending}
        okButtonProps={{ 'data-testid': 'cert-reveal-confirm' } as ButtonProps}
        onCancel={() => setRevealing(false)}
        destroyOnHidden
        onOk={() =>
          revealForm.validateFields().then((v) =>
            reveal.mutate(
              { id: d.id, reason: v.reason.trim() },
              {
                onSuccess: (r) => {
                  setRevealed(r.bankAccountNumber);
                  setRevealing(false);
                },
                onError: (err) => message.error(toShownError(err, t('common.loadFailed')).message),
              },
            ),
          )
        }
      >
        <Form form={revealForm} layout="vertical" requiredMark={false}>
          <Form.Item
            name="reason"
            label={t('certification.console.revealReason')}
            rules={[
              {
                required: true,
                whitespace: true,
                min: 2,
                message: t('certification.console.rejectReasonRequired'),
              },
            ]}
          >
            <Input data-testid="cert-reveal-reason" maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
