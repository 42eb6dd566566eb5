import { Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../platform/api/session.ts';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { useImportPerformance } from './console-memberships-api.ts';

/** R5: performance for many partners at once (finance); the server takes all lines or none. */
export function PerformanceImport() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [open, setOpen] = useState(false);
  const importCsv = useImportPerformance();
  const [form] = Form.useForm<{ csv: string }>();
  const me = useMe();
  // The import route is for finance (and operator admins); others would only meet a refusal.
  if (!me.data?.roles.some((r) => r === 'finance' || r === 'admin')) return null;
  return (
    <>
      <Button
        type="link"
        style={{ padding: 0 }}
        onClick={() => setOpen(true)}
        data-testid="performance-import-open"
      >
        {t('memberships.detail.import')}
      </Button>
      <Modal
        open={open}
        title={t('memberships.detail.import')}
        okText={t('memberships.detail.importSubmit')}
        okButtonProps={{ loading: importCsv.isPending }}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('memberships.detail.importHint')}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            try {
              const r = await importCsv.mutateAsync(v.csv);
              message.success(t('memberships.detail.imported', { count: r.imported }));
              setOpen(false);
            } catch (e) {
              message.error(e instanceof Error ? e.message : String(e));
            }
          }}
        >
          <Form.Item name="csv" rules={[{ required: true, message: t('memberships.detail.importHint') }]}>
            <Input.TextArea
              rows={8}
              placeholder={'partner,year,amount\nprt_demo_reseller,2025,856000.00'}
              data-testid="performance-import-csv"
              style={{ fontFamily: 'monospace' }}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
