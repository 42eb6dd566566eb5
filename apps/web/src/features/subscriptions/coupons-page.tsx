import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { toShownError } from '../../platform/lib/form-errors.ts';
import { formatDateTime } from '../../platform/lib/format.ts';
import { type ConsoleCoupon, toFen, useConsoleCoupons, useCouponActions, yuan } from './subscriptions-api.ts';

const PAGE_SIZE = 20;
const STATUS_COLOURS: Record<ConsoleCoupon['status'], string> = {
  available: 'green',
  used: 'blue',
  expired: 'default',
  revoked: 'red',
};
type Filter = { customerDomainId?: string; status?: 'available' | 'used' | 'revoked' };

/** Console > Cash coupons (#12): finance issues coupons to customers, sees their use, revokes unused ones. */
export function CouponsPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const list = useConsoleCoupons(filter, page, PAGE_SIZE);
  const [issuing, setIssuing] = useState(false);
  const [revoking, setRevoking] = useState<ConsoleCoupon | null>(null);
  return (
    <>
      <PageHeader
        title={t('subscriptions.coupons.title')}
        subtitle={t('subscriptions.coupons.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setIssuing(true)}
            data-testid="coupon-issue"
          >
            {t('subscriptions.coupons.issue')}
          </Button>
        }
      />
      <Card>
        <Form<Filter>
          layout="inline"
          style={{ marginBottom: 16, rowGap: 8 }}
          onFinish={(v) => {
            setPage(1);
            setFilter({ customerDomainId: v.customerDomainId?.trim() || undefined, status: v.status });
          }}
        >
          <Form.Item name="customerDomainId" label={t('subscriptions.coupons.customer')}>
            <Input allowClear style={{ width: 240 }} data-testid="coupons-filter-customer" />
          </Form.Item>
          <Form.Item name="status" label={t('subscriptions.coupons.status')}>
            <Select
              allowClear
              style={{ width: 140 }}
              aria-label={t('subscriptions.coupons.status')}
              options={(['available', 'used', 'revoked'] as const).map((s) => ({
                value: s,
                label: t(`subscriptions.coupons.statuses.${s}`),
              }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('subscriptions.coupons.search')}
          </Button>
        </Form>
        <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => void list.refetch()}>
          <Table<ConsoleCoupon>
            rowKey="id"
            size="middle"
            data-testid="coupons-table"
            dataSource={list.data?.items ?? []}
            scroll={{ x: true }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
            }}
            columns={[
              {
                title: t('subscriptions.coupons.customer'),
                render: (_, c) => (
                  <>
                    <div>{c.customerName}</div>
                    <code style={{ fontSize: 12 }}>{c.customerDomainId}</code>
                  </>
                ),
              },
              {
                title: t('subscriptions.coupons.faceValue'),
                align: 'right',
                render: (_, c) => yuan(c.faceValueFen),
              },
              {
                title: t('subscriptions.coupons.minOrder'),
                align: 'right',
                render: (_, c) => yuan(c.minOrderFen),
              },
              {
                title: t('subscriptions.coupons.services'),
                render: (_, c) =>
                  c.serviceTypeCodes.length
                    ? c.serviceTypeCodes.join(', ')
                    : t('subscriptions.coupons.anyService'),
              },
              {
                title: t('subscriptions.coupons.validity'),
                render: (_, c) =>
                  `${formatDateTime(c.validFrom, i18n.language)} – ${formatDateTime(c.validUntil, i18n.language)}`,
              },
              {
                title: t('subscriptions.coupons.status'),
                render: (_, c) => (
                  <Tag color={STATUS_COLOURS[c.status]} data-testid={`coupon-status-${c.id}`}>
                    {t(`subscriptions.coupons.statuses.${c.status}`)}
                  </Tag>
                ),
              },
              {
                title: t('subscriptions.coupons.use'),
                render: (_, c) =>
                  c.status === 'used'
                    ? t('subscriptions.coupons.usedOn', { amount: yuan(c.usedFen), order: c.orderId })
                    : c.status === 'revoked'
                      ? t('subscriptions.coupons.revokedBecause', { reason: c.revokeReason })
                      : c.note,
              },
              {
                title: t('subscriptions.coupons.actions'),
                render: (_, c) =>
                  c.status === 'available' || c.status === 'expired' ? (
                    <Button
                      size="small"
                      danger
                      onClick={() => setRevoking(c)}
                      data-testid={`coupon-revoke-${c.id}`}
                    >
                      {t('subscriptions.coupons.revoke')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </QueryState>
      </Card>
      {issuing && <IssueModal onClose={() => setIssuing(false)} />}
      {revoking && <RevokeModal coupon={revoking} onClose={() => setRevoking(null)} />}
    </>
  );
}

interface IssueForm {
  customerDomainId: string;
  faceValue: string;
  minOrder?: string;
  serviceTypeCodes?: string[];
  validity: [Dayjs, Dayjs];
  note?: string;
}

const MONEY = /^\d+(\.\d{1,2})?$/;

function IssueModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<IssueForm>();
  const { issue } = useCouponActions();
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: IssueForm) => {
    setError(null);
    try {
      await issue.mutateAsync({
        customerDomainId: v.customerDomainId.trim(),
        faceValueFen: toFen(v.faceValue),
        minOrderFen: toFen(v.minOrder),
        serviceTypeCodes: v.serviceTypeCodes ?? [],
        // Whole days in Asia/Shanghai: from the first day's start to the end of the last day.
        validFrom: `${v.validity[0].format('YYYY-MM-DD')}T00:00:00+08:00`,
        validUntil: `${v.validity[1].add(1, 'day').format('YYYY-MM-DD')}T00:00:00+08:00`,
        note: v.note?.trim() || undefined,
      });
      onClose();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Modal
      open
      title={t('subscriptions.coupons.issue')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('subscriptions.coupons.issueOk')}
      okButtonProps={{ 'data-testid': 'coupon-issue-ok' }}
      confirmLoading={issue.isPending}
    >
      <ErrorAlert error={error ? toShownError(error, t('common.loadFailed')) : null} />
      <Form<IssueForm> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="customerDomainId"
          label={t('subscriptions.coupons.customerId')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input data-testid="coupon-customer" />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="faceValue"
            label={t('subscriptions.coupons.faceValueYuan')}
            rules={[{ required: true, pattern: MONEY, message: t('subscriptions.coupons.moneyFormat') }]}
          >
            <Input style={{ width: 160 }} data-testid="coupon-face" />
          </Form.Item>
          <Form.Item
            name="minOrder"
            label={t('subscriptions.coupons.minOrderYuan')}
            rules={[{ pattern: MONEY, message: t('subscriptions.coupons.moneyFormat') }]}
          >
            <Input style={{ width: 160 }} placeholder="0" />
          </Form.Item>
        </Space>
        <Form.Item
          name="serviceTypeCodes"
          label={t('subscriptions.coupons.services')}
          extra={t('subscriptions.coupons.servicesHelp')}
        >
          <Select mode="tags" tokenSeparators={[',', ' ']} aria-label={t('subscriptions.coupons.services')} />
        </Form.Item>
        <Form.Item
          name="validity"
          label={t('subscriptions.coupons.validityDays')}
          rules={[{ required: true }]}
        >
          <DatePicker.RangePicker data-testid="coupon-validity" />
        </Form.Item>
        <Form.Item name="note" label={t('subscriptions.coupons.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RevokeModal({ coupon, onClose }: { coupon: ConsoleCoupon; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const { revoke } = useCouponActions();
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      open
      title={t('subscriptions.coupons.revokeTitle', {
        amount: yuan(coupon.faceValueFen),
        customer: coupon.customerName,
      })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('subscriptions.coupons.revoke')}
      okButtonProps={{ danger: true, 'data-testid': 'coupon-revoke-ok' } as never}
      confirmLoading={revoke.isPending}
    >
      <ErrorAlert error={error ? toShownError(error, t('common.loadFailed')) : null} />
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v: { reason: string }) => {
          setError(null);
          try {
            await revoke.mutateAsync({ id: coupon.id, reason: v.reason.trim() });
            onClose();
          } catch (e) {
            setError(e);
          }
        }}
      >
        <Form.Item
          name="reason"
          label={t('subscriptions.coupons.reason')}
          rules={[{ required: true, whitespace: true, min: 2, max: 200 }]}
        >
          <Input.TextArea rows={3} data-testid="coupon-revoke-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
