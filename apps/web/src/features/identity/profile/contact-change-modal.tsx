import { Button, Form, Input, Modal, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError, api, send } from '../../../platform/api/client.ts';
import { useSetMe } from '../../../platform/api/session.ts';
import { CodeInput } from '../../../platform/components/code-input.tsx';
import { ErrorAlert } from '../../../platform/components/error-alert.tsx';
import { useFeedback } from '../../../platform/components/feedback.tsx';
import { useFormError } from '../../../platform/lib/form-errors.ts';
import { rulesFor } from '../../../platform/lib/rules.ts';

interface Change {
  changeId: string;
  oldTarget: string;
  newTarget: string;
}

/**
 * R9: a new email or phone takes effect only after two codes are entered, one sent to the current
 * contact (proving it is the owner) and one to the new contact (proving it is reachable).
 */
export function ContactChangeModal({ kind, onClose }: { kind: 'email' | 'phone'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const setMe = useSetMe();
  const rules = rulesFor(t);
  const [change, setChange] = useState<Change | null>(null);
  const [busy, setBusy] = useState(false);
  const [startForm] = Form.useForm<{ newValue: string }>();
  const [codeForm] = Form.useForm<{ oldCode: string; newCode: string }>();
  const start = useFormError(startForm, {
    'identity.email_taken': 'newValue',
    'identity.contact_taken': 'newValue',
    'identity.same_contact': 'newValue',
    'identity.invalid_email': 'newValue',
    'identity.invalid_phone': 'newValue',
  });
  const verify = useFormError(codeForm, {
    'identity.code_invalid': 'newCode',
    'identity.code_expired': 'newCode',
  });

  const requestCodes = async ({ newValue }: { newValue: string }) => {
    setBusy(true);
    try {
      setChange(
        await send(() => api.POST('/api/me/contact-change', { body: { kind, newValue: newValue.trim() } })),
      );
    } catch (err) {
      start.onError(err, t('common.networkError'));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (v: { oldCode: string; newCode: string }) => {
    if (!change) return;
    setBusy(true);
    try {
      const me = await send(() =>
        api.POST('/api/me/contact-change/{changeId}/confirm', {
          params: { path: { changeId: change.changeId } },
          body: { oldCode: v.oldCode, newCode: v.newCode },
        }),
      );
      setMe(me);
      message.success(kind === 'email' ? t('profile.contact.doneEmail') : t('profile.contact.donePhone'));
      onClose();
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'identity.change_closed') {
        // The change expired or was used up: start again from the new contact.
        setChange(null);
        start.onError(err, t('common.networkError'));
        return;
      }
      verify.onError(err, t('common.networkError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={kind === 'email' ? t('profile.contact.titleEmail') : t('profile.contact.titlePhone')}
      okText={change ? t('common.confirm') : t('profile.contact.sendCodes')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => (change ? codeForm.submit() : startForm.submit())}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'contact-change-ok' }}
    >
      <Steps
        size="small"
        current={change ? 1 : 0}
        style={{ margin: '8px 0 24px' }}
        items={[{ title: t('profile.contact.stepNew') }, { title: t('profile.contact.stepVerify') }]}
      />
      {change ? (
        <>
          <ErrorAlert error={verify.error} />
          <Form form={codeForm} layout="vertical" onFinish={confirm}>
            <Form.Item
              name="oldCode"
              label={t('profile.contact.oldCode', { target: change.oldTarget })}
              rules={[rules.required, rules.code]}
            >
              <CodeInput autoFocus data-testid="contact-old-code" />
            </Form.Item>
            <Form.Item
              name="newCode"
              label={t('profile.contact.newCode', { target: change.newTarget })}
              rules={[rules.required, rules.code]}
            >
              <CodeInput data-testid="contact-new-code" />
            </Form.Item>
          </Form>
          <Button type="link" style={{ padding: 0 }} onClick={() => setChange(null)}>
            {t('profile.contact.startOver')}
          </Button>
        </>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('profile.contact.intro')}</Typography.Paragraph>
          <ErrorAlert error={start.error} />
          <Form form={startForm} layout="vertical" onFinish={requestCodes}>
            <Form.Item
              name="newValue"
              label={kind === 'email' ? t('profile.contact.newEmail') : t('profile.contact.newPhone')}
              rules={[rules.required, kind === 'email' ? rules.email : rules.phone]}
            >
              <Input
                autoFocus
                autoComplete={kind === 'email' ? 'email' : 'tel'}
                data-testid="contact-new-value"
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
