import { type ButtonProps, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

/** Asks for the rejection reason the partner will read under Business info. */
export function RejectModal({
  open,
  loading,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  loading: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={t('certification.console.rejectTitle')}
      okText={t('certification.console.reject')}
      okButtonProps={{ danger: true, loading, 'data-testid': 'cert-reject-confirm' } as ButtonProps}
      onCancel={onCancel}
      onOk={() => form.validateFields().then((v) => onConfirm(v.reason.trim()))}
      afterClose={() => form.resetFields()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="reason"
          label={t('certification.console.rejectReason')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              message: t('certification.console.rejectReasonRequired'),
            },
          ]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="cert-reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
