import { Alert, Button, Card, Empty, Flex, Form, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiRequestError } from '../../platform/api/client.ts';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { useFormError } from '../../platform/lib/form-errors.ts';
import { formatDateTime } from '../../platform/lib/format.ts';
import {
  type BusinessBody,
  type BusinessView,
  type QualificationBody,
  type QualificationView,
  STATUS_COLORS,
  useSaveBusiness,
  useSaveQualification,
  useSubmitStage,
} from './certification-api.ts';
import { StageFields } from './stage-fields.tsx';

type Values = Record<string, string | undefined>;

/** Empty inputs are left out: a draft keeps what it had, and the server checks completeness on submit. */
function filled(values: Values): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === 'string' && v.trim() !== '') out[k] = v.trim();
  }
  return out;
}

/** One certification stage: status, rejection reason, the form, actions and the review history. */
export function StageCard({
  view,
  canEdit,
  blockedReason,
}: {
  view: QualificationView | BusinessView;
  /** Partner administrators edit; members only read. */
  canEdit: boolean;
  /** Why this stage cannot be submitted yet (business information before qualification). */
  blockedReason?: string;
}) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const { error, onError, clear } = useFormError(form);
  const [missing, setMissing] = useState<string | null>(null);
  const saveQ = useSaveQualification();
  const saveB = useSaveBusiness();
  const submit = useSubmitStage();
  const stage = view.stage;
  const editable = canEdit && ['none', 'draft', 'rejected'].includes(view.status);
  const masked = view.stage === 'business' ? view.data.bankAccountMasked : null;
  const busy = saveQ.isPending || saveB.isPending || submit.isPending;

  useEffect(() => {
    const { bankAccountMasked: _m, ...data } = view.data as Values & { bankAccountMasked?: string | null };
    form.setFieldsValue({ ...data, bankAccountNumber: undefined });
  }, [view, form]);

  const save = async (): Promise<boolean> => {
    clear();
    setMissing(null);
    const values = filled(form.getFieldsValue());
    try {
      if (stage === 'qualification') await saveQ.mutateAsync(values as QualificationBody);
      else await saveB.mutateAsync(values as BusinessBody);
      return true;
    } catch (err) {
      onError(err, t('common.loadFailed'));
      return false;
    }
  };

  const onSave = async () => {
    if (await save()) message.success(t('certification.page.saved'));
  };

  const onSubmit = async () => {
    if (!(await save())) return;
    try {
      await submit.mutateAsync(stage);
      message.success(t('certification.page.submittedToast'));
    } catch (err) {
      showMissing(err);
    }
  };

  /** An incomplete submission: mark each missing field and name them in the user's language. */
  const showMissing = (err: unknown) => {
    const fields =
      err instanceof ApiRequestError && err.code === 'certification.incomplete' ? err.details?.fields : null;
    if (typeof fields !== 'string') return onError(err, t('common.loadFailed'));
    const names = fields.split(', ').filter(Boolean);
    const registered = Object.keys(form.getFieldsValue());
    form.setFields(
      names
        .filter((n) => registered.includes(n))
        .map((n) => ({ name: n, errors: [t('certification.page.missing')] })),
    );
    const labels = names.map((n) =>
      registered.includes(n) ? t(`certification.field.${n as 'companyName'}`) : n,
    );
    setMissing(
      t('certification.page.incomplete', { fields: labels.join(t('certification.page.listSeparator')) }),
    );
  };

  const ticketLink = `/support/new?subjectType=certification_submission&subjectId=${encodeURIComponent(
    view.id ?? '',
  )}`;

  return (
    <Card
      data-testid={`cert-${stage}`}
      title={t(`certification.stage.${stage}`)}
      extra={
        <Tag
          color={STATUS_COLORS[view.status]}
          data-testid={`cert-${stage}-status`}
          data-status={view.status}
        >
          {t(`certification.status.${view.status}`)}
        </Tag>
      }
    >
      {view.status === 'rejected' && view.rejectionReason ? (
        <Alert
          type="error"
          showIcon
          data-testid={`cert-${stage}-rejection`}
          style={{ marginBottom: 16 }}
          title={t('certification.page.rejectedTitle', { reason: view.rejectionReason })}
          description={
            <Flex gap={12} wrap align="center">
              <span>{t('certification.page.rejectedBody')}</span>
              <Link to={ticketLink} data-testid={`cert-${stage}-ticket`}>
                {t('certification.page.openTicket')}
              </Link>
            </Flex>
          }
        />
      ) : null}
      {view.status === 'submitted' || view.status === 'under_review' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('certification.page.submittedBody', {
            date: formatDateTime(view.submittedAt, i18n.language),
          })}
        />
      ) : null}
      {view.status === 'approved' ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('certification.page.approvedBody', {
            date: formatDateTime(view.decidedAt, i18n.language),
          })}
        />
      ) : null}
      {blockedReason && editable ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={blockedReason} />
      ) : null}
      <ErrorAlert error={error} testId={`cert-${stage}-error`} />
      {missing ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid={`cert-${stage}-missing`}
          title={missing}
        />
      ) : null}
      <Form form={form} layout="vertical" requiredMark={false} disabled={!editable}>
        <StageFields stage={stage} disabled={!editable} bankAccountMasked={masked} />
      </Form>
      {editable ? (
        <Flex gap={8} style={{ marginBottom: 16 }}>
          <Button
            onClick={onSave}
            loading={saveQ.isPending || saveB.isPending}
            disabled={busy}
            data-testid={`cert-${stage}-save`}
          >
            {t('certification.page.save')}
          </Button>
          <Button
            type="primary"
            onClick={onSubmit}
            loading={submit.isPending}
            disabled={busy || Boolean(blockedReason)}
            data-testid={`cert-${stage}-submit`}
          >
            {view.status === 'rejected' ? t('certification.page.resubmit') : t('certification.page.submit')}
          </Button>
        </Flex>
      ) : null}
      <Typography.Title level={5}>{t('certification.page.history')}</Typography.Title>
      {view.history.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('certification.page.historyEmpty')} />
      ) : (
        <Timeline
          data-testid={`cert-${stage}-history`}
          items={[...view.history].reverse().map((h) => ({
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
  );
}
