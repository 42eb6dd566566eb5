import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, send } from '../../../platform/api/client.ts';
import { ErrorAlert } from '../../../platform/components/error-alert.tsx';
import { useFeedback } from '../../../platform/components/feedback.tsx';
import { useFormError } from '../../../platform/lib/form-errors.ts';
import { rulesFor } from '../../../platform/lib/rules.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** R9: a new password needs the current one. */
export function PasswordModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const { error, onError } = useFormError(form, {
    'identity.wrong_password': 'currentPassword',
    'identity.weak_password': 'newPassword',
    'identity.same_password': 'newPassword',
  });
  const rules = rulesFor(t);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await send(() =>
        api.POST('/api/me/password', {
          body: { currentPassword: v.currentPassword, newPassword: v.newPassword },
        }),
      );
      message.success(t('profile.passwordChanged'));
      onClose();
    } catch (err) {
      onError(err, t('common.networkError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('profile.changePassword')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="currentPassword" label={t('profile.currentPassword')} rules={[rules.required]}>
          <Input.Password autoComplete="current-password" autoFocus data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('profile.newPassword')}
          dependencies={['currentPassword']}
          rules={[
            rules.required,
            rules.password,
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value !== getFieldValue('currentPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('validation.samePassword'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('profile.confirmPassword')}
          dependencies={['newPassword']}
          rules={[rules.required, rules.sameAs('newPassword')]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
