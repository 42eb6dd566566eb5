import { Button, type ButtonProps, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../platform/api/session.ts';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { useChangeStanding } from './partners-api.ts';

/** Mirrors the server: operator admins and ecosystem managers suspend and resume partners. */
export function useCanChangeStanding(): boolean {
  const { data: me } = useMe();
  return !!me && ['admin', 'ecosystem_manager'].some((r) => me.roles.includes(r));
}

/** Suspend or resume a partner: asks for a reason and a confirmation first. */
export function StandingAction({
  partner,
  size,
}: {
  partner: { id: string; name: string; status: string };
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const can = useCanChangeStanding();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const change = useChangeStanding();
  if (!can) return null;
  const action = partner.status === 'suspended' ? 'resume' : 'suspend';
  const submit = async ({ reason }: { reason: string }) => {
    try {
      await change.mutateAsync({ partnerId: partner.id, action, reason });
      message.success(t(action === 'suspend' ? 'partners.standing.suspended' : 'partners.standing.resumed'));
      setOpen(false);
      form.resetFields();
    } catch (err) {
      message.error(err instanceof Error ? err.message : t('common.networkError'));
    }
  };
  return (
    <>
      <Button
        size={size}
        danger={action === 'suspend'}
        onClick={() => setOpen(true)}
        data-testid={`partner-${action}`}
      >
        {t(`partners.standing.${action}`)}
      </Button>
      <Modal
        open={open}
        title={t(action === 'suspend' ? 'partners.standing.suspendTitle' : 'partners.standing.resumeTitle', {
          name: partner.name,
        })}
        okText={t(
          action === 'suspend' ? 'partners.standing.confirmSuspend' : 'partners.standing.confirmResume',
        )}
        okButtonProps={
          {
            danger: action === 'suspend',
            loading: change.isPending,
            'data-testid': 'standing-confirm',
          } as ButtonProps
        }
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t(action === 'suspend' ? 'partners.standing.suspendHelp' : 'partners.standing.resumeHelp')}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="reason"
            label={t('partners.standing.reason')}
            rules={[{ required: true, whitespace: true, message: t('partners.standing.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="standing-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** The partner's status as a tag. */
export function StatusTagOf({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={status === 'suspended' ? 'error' : 'success'}
      data-testid="partner-status"
      data-status={status}
    >
      {t(status === 'suspended' ? 'partners.status.suspended' : 'partners.status.active')}
    </Tag>
  );
}
