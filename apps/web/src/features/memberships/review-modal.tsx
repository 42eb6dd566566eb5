import { type ButtonProps, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

/** Asks for the reason (required to reject, optional to approve) before a decision. */
export function ReviewModal({
  decision,
  count,
  onCancel,
  onOk,
  loading,
}: {
  decision: 'approve' | 'reject' | null;
  count: number;
  onCancel: () => void;
  onOk: (reason?: string) => void;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const reject = decision === 'reject';
  return (
    <Modal
      open={decision !== null}
      title={`${reject ? t('memberships.console.reject') : t('memberships.console.approve')}${count > 1 ? ` (${count})` : ''}`}
      okText={reject ? t('memberships.console.reject') : t('memberships.console.approve')}
      okButtonProps={{ danger: reject, loading, 'data-testid': 'membership-review-confirm' } as ButtonProps}
      onCancel={onCancel}
      onOk={() => form.submit()}
      afterClose={() => form.resetFields()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => onOk(v.reason?.trim() || undefined)}>
        <Form.Item
          name="reason"
          label={reject ? t('memberships.console.reason') : t('memberships.console.approveNote')}
          rules={
            reject
              ? [{ required: true, whitespace: true, message: t('memberships.console.reasonRequired') }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="membership-review-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
