import { Button, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { useFormError } from '../../platform/lib/form-errors.ts';
import { type CertificateReview, type Materials, useSubmitMaterials } from './certificates-api.ts';

interface Values {
  summary: string;
  certifiedStaff: number;
  customerCases: number;
  contactName: string;
  contactPhone: string;
  documentUrls?: string;
}

const toLines = (v: string | undefined) =>
  (v ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/** The annual review materials; prefilled with the last submission after a rejection. */
export function MaterialsForm({ review, onDone }: { review: CertificateReview; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const submit = useSubmitMaterials(review.id);
  const { error, onError, clear } = useFormError(form);
  const last = review.materials;

  const onFinish = (v: Values) => {
    clear();
    const body: Materials = {
      summary: v.summary,
      certifiedStaff: v.certifiedStaff,
      customerCases: v.customerCases,
      contactName: v.contactName,
      contactPhone: v.contactPhone,
      documentUrls: toLines(v.documentUrls),
    };
    submit.mutate(body, {
      onSuccess: onDone,
      onError: (e) => onError(e, t('certificates.review.submitFailed')),
    });
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      data-testid="review-materials-form"
      initialValues={
        last
          ? { ...last, documentUrls: (last.documentUrls ?? []).join('\n') }
          : { certifiedStaff: 0, customerCases: 0 }
      }
      style={{ maxWidth: 720 }}
    >
      <ErrorAlert error={error} testId="review-submit-error" />
      <Form.Item
        name="summary"
        label={t('certificates.materials.summary')}
        extra={t('certificates.materials.summaryHelp')}
        rules={[{ required: true, min: 10, max: 4000, whitespace: true }]}
      >
        <Input.TextArea rows={5} maxLength={4000} showCount data-testid="materials-summary" />
      </Form.Item>
      <Form.Item
        name="certifiedStaff"
        label={t('certificates.materials.certifiedStaff')}
        rules={[{ required: true, type: 'integer', min: 0, max: 100000 }]}
      >
        <InputNumber min={0} max={100000} precision={0} data-testid="materials-certified-staff" />
      </Form.Item>
      <Form.Item
        name="customerCases"
        label={t('certificates.materials.customerCases')}
        rules={[{ required: true, type: 'integer', min: 0, max: 100000 }]}
      >
        <InputNumber min={0} max={100000} precision={0} data-testid="materials-customer-cases" />
      </Form.Item>
      <Form.Item
        name="contactName"
        label={t('certificates.materials.contactName')}
        rules={[{ required: true, max: 100, whitespace: true }]}
      >
        <Input maxLength={100} data-testid="materials-contact-name" />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={t('certificates.materials.contactPhone')}
        rules={[
          { required: true },
          { pattern: /^\+?[0-9][0-9 -]{4,29}$/, message: t('certificates.materials.invalidPhone') },
        ]}
      >
        <Input maxLength={30} data-testid="materials-contact-phone" />
      </Form.Item>
      <Form.Item
        name="documentUrls"
        label={t('certificates.materials.documentUrls')}
        extra={t('certificates.materials.documentUrlsHelp')}
        rules={[
          {
            validator: async (_, v: string | undefined) => {
              const lines = toLines(v);
              if (lines.length > 10 || lines.some((l) => !/^https?:\/\/\S+$/.test(l))) {
                throw new Error(t('certificates.materials.invalidUrl'));
              }
            },
          },
        ]}
      >
        <Input.TextArea rows={3} data-testid="materials-document-urls" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="review-submit">
        {review.status === 'rejected' ? t('certificates.review.resubmit') : t('certificates.review.submit')}
      </Button>
    </Form>
  );
}
