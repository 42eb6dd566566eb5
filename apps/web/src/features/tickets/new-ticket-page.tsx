import { Alert, Button, Card, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { useFormError } from '../../platform/lib/form-errors.ts';
import { formatDateTime } from '../../platform/lib/format.ts';
import {
  CATEGORIES,
  SUBJECT_TYPES,
  type SubjectType,
  type TicketCategory,
  useOpenTicket,
} from './tickets-api.ts';

interface Values {
  category: TicketCategory;
  subject: string;
  description: string;
}

/** Which category a linked subject suggests. */
const CATEGORY_OF: Record<SubjectType, TicketCategory> = {
  certification_submission: 'certification',
  certificate: 'certificate',
  membership_application: 'membership',
};

/**
 * Portal > Support > New ticket. `?subjectType=&subjectId=` links the ticket to what it is about,
 * e.g. from a rejected certification ("open a ticket about this rejection").
 */
export function NewTicketPage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const { error, onError, clear } = useFormError(form);
  const open = useOpenTicket();

  const rawType = params.get('subjectType');
  const subjectId = params.get('subjectId')?.slice(0, 64) || undefined;
  const subjectType = SUBJECT_TYPES.find((s) => s === rawType);
  const linked = subjectType && subjectId ? { subjectType, subjectId } : undefined;

  const submit = (v: Values) => {
    clear();
    open.mutate(
      { ...v, ...linked },
      {
        onSuccess: (tk) => {
          message.success(t('tickets.form.created', { due: formatDateTime(tk.dueAt, i18n.language) }));
          navigate(`/support/tickets/${tk.id}`);
        },
        onError: (err) => onError(err, t('common.loadFailed')),
      },
    );
  };

  return (
    <>
      <PageHeader title={t('tickets.form.title')} subtitle={t('tickets.sla')} />
      <Card style={{ maxWidth: 760 }}>
        {linked ? (
          <Alert
            type="info"
            showIcon
            data-testid="ticket-linked-subject"
            style={{ marginBottom: 16 }}
            title={t('tickets.form.linked', {
              type: t(`tickets.subjectType.${linked.subjectType}`),
              id: linked.subjectId,
            })}
          />
        ) : null}
        <ErrorAlert error={error} testId="ticket-form-error" />
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ category: linked ? CATEGORY_OF[linked.subjectType] : undefined }}
        >
          <Form.Item
            name="category"
            label={t('tickets.field.category')}
            rules={[{ required: true, message: t('tickets.field.category') }]}
          >
            <Select
              data-testid="ticket-category"
              options={CATEGORIES.map((c) => ({ value: c, label: t(`tickets.category.${c}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="subject"
            label={t('tickets.field.subject')}
            rules={[
              { required: true, whitespace: true, max: 200, message: t('tickets.form.subjectPlaceholder') },
            ]}
          >
            <Input
              data-testid="ticket-subject"
              maxLength={200}
              placeholder={t('tickets.form.subjectPlaceholder')}
            />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('tickets.field.description')}
            rules={[
              {
                required: true,
                whitespace: true,
                max: 10000,
                message: t('tickets.form.descriptionPlaceholder'),
              },
            ]}
          >
            <Input.TextArea
              data-testid="ticket-description"
              rows={8}
              maxLength={10000}
              showCount
              placeholder={t('tickets.form.descriptionPlaceholder')}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={open.isPending} data-testid="ticket-submit">
            {t('tickets.form.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
