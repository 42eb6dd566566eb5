import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { toShownError, useFormError } from '../../platform/lib/form-errors.ts';
import { formatDateTime } from '../../platform/lib/format.ts';
import {
  type Employment,
  KINDS,
  type Qualification,
  type QualificationKind,
  useDeleteQualification,
  useMyQualifications,
  useSaveEmployment,
  useSaveQualification,
} from './organization-api.ts';
import { QualificationTable } from './organization-parts.tsx';

interface RecordForm {
  kind: QualificationKind;
  name: string;
  organization?: string;
  reference?: string;
  startsOn?: string;
  endsOn?: string;
  description?: string;
}

const orNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

function RecordModal({ record, onClose }: { record: Qualification | 'new'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<RecordForm>();
  const save = useSaveQualification();
  const kind = Form.useWatch('kind', form) ?? (record === 'new' ? 'certificate' : record.kind);
  const { error, onError, clear } = useFormError(form, {
    'organization.expiry_required': 'endsOn',
    'organization.dates_out_of_order': 'endsOn',
  });
  const existing = record === 'new' ? null : record;
  const submit = (v: RecordForm) => {
    clear();
    save.mutate(
      {
        id: existing?.id,
        body: {
          kind: v.kind,
          name: v.name,
          organization: orNull(v.organization),
          reference: orNull(v.reference),
          startsOn: orNull(v.startsOn),
          endsOn: orNull(v.endsOn),
          description: orNull(v.description),
        },
      },
      {
        onSuccess: () => {
          message.success(t('organization.members.saved'));
          onClose();
        },
        onError: (e) => onError(e, t('common.networkError')),
      },
    );
  };
  const label = (f: 'name' | 'organization' | 'reference' | 'startsOn' | 'endsOn') =>
    t(`organization.record.${kind}.${f}`);
  return (
    <Modal
      open
      title={existing ? t('organization.mine.formEdit') : t('organization.mine.formAdd')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={save.isPending}
          data-testid="record-submit"
          onClick={() => form.submit()}
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      <ErrorAlert error={error} testId="record-error" />
      <Form<RecordForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          existing
            ? {
                kind: existing.kind,
                name: existing.name,
                organization: existing.organization ?? undefined,
                reference: existing.reference ?? undefined,
                startsOn: existing.startsOn ?? undefined,
                endsOn: existing.endsOn ?? undefined,
                description: existing.description ?? undefined,
              }
            : { kind: 'certificate' }
        }
      >
        <Form.Item name="kind" label={t('organization.field.kind')}>
          <Select
            data-testid="record-kind"
            options={KINDS.map((k) => ({ value: k, label: t(`organization.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="name" label={label('name')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input data-testid="record-name" />
        </Form.Item>
        <Form.Item name="organization" label={label('organization')} rules={[{ max: 200 }]}>
          <Input data-testid="record-organization" />
        </Form.Item>
        <Form.Item name="reference" label={label('reference')} rules={[{ max: 200 }]}>
          <Input data-testid="record-reference" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="startsOn" label={label('startsOn')}>
              <Input type="date" data-testid="record-starts-on" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="endsOn"
              label={label('endsOn')}
              rules={
                kind === 'certificate'
                  ? [{ required: true, message: t('organization.record.certificate.endsOn') }]
                  : []
              }
            >
              <Input type="date" data-testid="record-ends-on" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('organization.record.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} data-testid="record-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EmploymentCard({ employment }: { employment: Employment }) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const [form] =
    Form.useForm<Record<'jobTitle' | 'department' | 'employeeNo' | 'employedSince', string | undefined>>();
  const save = useSaveEmployment();
  const { error, onError, clear } = useFormError(form);
  return (
    <Card
      title={t('organization.mine.employment')}
      style={{ marginBottom: 16 }}
      extra={
        <Typography.Text type="secondary">
          {employment.qualificationsUpdatedAt
            ? t('organization.mine.lastUpdated', {
                at: formatDateTime(employment.qualificationsUpdatedAt, i18n.language),
              })
            : t('organization.mine.never')}
        </Typography.Text>
      }
    >
      <ErrorAlert error={error} testId="employment-error" />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          jobTitle: employment.jobTitle ?? undefined,
          department: employment.department ?? undefined,
          employeeNo: employment.employeeNo ?? undefined,
          employedSince: employment.employedSince ?? undefined,
        }}
        onFinish={(v) => {
          clear();
          save.mutate(
            {
              jobTitle: orNull(v.jobTitle),
              department: orNull(v.department),
              employeeNo: orNull(v.employeeNo),
              employedSince: orNull(v.employedSince),
            },
            {
              onSuccess: () => message.success(t('organization.members.saved')),
              onError: (e) => onError(e, t('common.networkError')),
            },
          );
        }}
      >
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item name="jobTitle" label={t('organization.field.jobTitle')} rules={[{ max: 100 }]}>
              <Input data-testid="employment-job-title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="department" label={t('organization.field.department')} rules={[{ max: 100 }]}>
              <Input data-testid="employment-department" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="employeeNo" label={t('organization.field.employeeNo')} rules={[{ max: 50 }]}>
              <Input data-testid="employment-employee-no" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="employedSince" label={t('organization.field.employedSince')}>
              <Input type="date" data-testid="employment-since" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="employment-save">
          {t('organization.mine.saveEmployment')}
        </Button>
      </Form>
    </Card>
  );
}

/** Organization > My qualifications: every user keeps their own employment and records. */
export function MyQualificationsTab() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const mine = useMyQualifications();
  const remove = useDeleteQualification();
  const [editing, setEditing] = useState<Qualification | 'new' | null>(null);
  return (
    <QueryState isLoading={mine.isLoading} error={mine.error} onRetry={() => mine.refetch()}>
      <Alert type="info" showIcon title={t('organization.mine.reminder')} style={{ marginBottom: 16 }} />
      {mine.data ? (
        <EmploymentCard
          key={mine.data.employment.qualificationsUpdatedAt ?? 'new'}
          employment={mine.data.employment}
        />
      ) : null}
      <Card
        title={t('organization.mine.records')}
        extra={
          <Button type="primary" data-testid="record-add" onClick={() => setEditing('new')}>
            {t('organization.mine.add')}
          </Button>
        }
      >
        <QualificationTable
          rows={mine.data?.items ?? []}
          actions={(q) => (
            <Space size={4}>
              <Button size="small" data-testid="record-edit" onClick={() => setEditing(q)}>
                {t('organization.mine.edit')}
              </Button>
              <Popconfirm
                title={t('organization.mine.deleteConfirm')}
                onConfirm={() =>
                  remove.mutateAsync(q.id).catch((e: unknown) => {
                    message.error(toShownError(e, t('common.networkError')).message);
                  })
                }
              >
                <Button size="small" danger data-testid="record-delete">
                  {t('organization.mine.delete')}
                </Button>
              </Popconfirm>
            </Space>
          )}
        />
      </Card>
      {editing ? <RecordModal record={editing} onClose={() => setEditing(null)} /> : null}
    </QueryState>
  );
}
