import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, send } from '../../../platform/api/client.ts';
import { useSetMe } from '../../../platform/api/session.ts';
import type { Me } from '../../../platform/api/types.ts';
import { ErrorAlert } from '../../../platform/components/error-alert.tsx';
import { useFeedback } from '../../../platform/components/feedback.tsx';
import { useFormError } from '../../../platform/lib/form-errors.ts';
import { rulesFor } from '../../../platform/lib/rules.ts';

export function EditNameModal({ me, onClose }: { me: Me; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ name: string }>();
  const [busy, setBusy] = useState(false);
  const { error, onError } = useFormError(form);
  const setMe = useSetMe();
  const rules = rulesFor(t);

  const submit = async ({ name }: { name: string }) => {
    setBusy(true);
    try {
      setMe(await send(() => api.PATCH('/api/me/profile', { body: { name: name.trim() } })));
      message.success(t('profile.nameSaved'));
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
      title={t('profile.editName')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'profile-name-save' }}
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ name: me.name }} onFinish={submit}>
        <Form.Item name="name" label={t('profile.name')} rules={[rules.required, rules.max(64)]}>
          <Input autoFocus data-testid="profile-name-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
