import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { toShownError } from '../../platform/lib/form-errors.ts';
import {
  type Product,
  type ProductForm,
  toFen,
  useCatalogue,
  useCatalogueActions,
  useSettings,
  yuan,
  yuanAmount,
} from './subscriptions-api.ts';

type EditForm = Omit<ProductForm, 'monthlyFen' | 'yearlyFen'> & { monthly: string; yearly: string };

/** Console > Product catalogue (R15): period prices and discounts, and the lifecycle settings. */
export function CataloguePage() {
  const { t } = useTranslation();
  const list = useCatalogue();
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  return (
    <>
      <PageHeader
        title={t('subscriptions.catalogue.title')}
        subtitle={t('subscriptions.catalogue.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="catalogue-add"
          >
            {t('subscriptions.catalogue.add')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => void list.refetch()}>
          <Table<Product>
            rowKey="id"
            size="middle"
            dataSource={list.data?.items ?? []}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              { title: t('subscriptions.catalogue.nameZh'), render: (_, p) => `${p.nameZh} / ${p.nameEn}` },
              { title: t('subscriptions.catalogue.service'), dataIndex: 'serviceTypeCode' },
              { title: t('subscriptions.catalogue.spec'), dataIndex: 'resourceSpecCode' },
              { title: t('subscriptions.catalogue.region'), dataIndex: 'regionCode' },
              { title: t('subscriptions.catalogue.monthly'), render: (_, p) => yuan(p.monthlyFen) },
              { title: t('subscriptions.catalogue.yearly'), render: (_, p) => yuan(p.yearlyFen) },
              {
                title: t('subscriptions.catalogue.discounts'),
                render: (_, p) =>
                  p.discounts.map((d) => (
                    <Tag key={`${d.periodType}${d.minPeriods}`}>
                      {t('subscriptions.catalogue.discount', {
                        percent: d.percentOff,
                        min: d.minPeriods,
                        type: t(`subscriptions.renew.${d.periodType}`),
                      })}
                    </Tag>
                  )),
              },
              {
                title: t('subscriptions.catalogue.status'),
                render: (_, p) => (
                  <Tag color={p.status === 'active' ? 'green' : 'default'}>
                    {t(`subscriptions.catalogue.${p.status}`)}
                  </Tag>
                ),
              },
              {
                title: '',
                render: (_, p) => (
                  <Button size="small" type="link" onClick={() => setEditing(p)}>
                    {t('subscriptions.catalogue.edit')}
                  </Button>
                ),
              },
            ]}
          />
        </QueryState>
      </Card>
      <SettingsCard />
      {editing && (
        <ProductModal product={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

function ProductModal({ product, onClose }: { product: Product | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EditForm>();
  const { save } = useCatalogueActions();
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: EditForm) => {
    setError(null);
    const { monthly, yearly, ...rest } = v;
    try {
      await save.mutateAsync({
        id: product?.id ?? null,
        body: {
          ...rest,
          discounts: rest.discounts ?? [],
          monthlyFen: toFen(monthly),
          yearlyFen: toFen(yearly),
        },
      });
      onClose();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Modal
      open
      title={product ? t('subscriptions.catalogue.edit') : t('subscriptions.catalogue.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('subscriptions.catalogue.save')}
      confirmLoading={save.isPending}
      width={640}
    >
      <ErrorAlert error={error ? toShownError(error, t('common.loadFailed')) : null} />
      <Form<EditForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          product
            ? {
                ...product,
                monthly: yuanAmount(product.monthlyFen).replace(/,/g, ''),
                yearly: yuanAmount(product.yearlyFen).replace(/,/g, ''),
              }
            : { regionCode: '*', status: 'active', discounts: [] }
        }
      >
        <Space wrap>
          <Form.Item
            name="serviceTypeCode"
            label={t('subscriptions.catalogue.service')}
            rules={[{ required: true }]}
          >
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item
            name="resourceTypeCode"
            label={t('subscriptions.catalogue.resourceType')}
            rules={[{ required: true }]}
          >
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item
            name="resourceSpecCode"
            label={t('subscriptions.catalogue.spec')}
            rules={[{ required: true }]}
          >
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t('subscriptions.catalogue.region')}
            rules={[{ required: true }]}
          >
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="nameZh" label={t('subscriptions.catalogue.nameZh')} rules={[{ required: true }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('subscriptions.catalogue.nameEn')} rules={[{ required: true }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item
            name="monthly"
            label={t('subscriptions.catalogue.monthly')}
            rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/ }]}
          >
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="yearly"
            label={t('subscriptions.catalogue.yearly')}
            rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/ }]}
          >
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="status" label={t('subscriptions.catalogue.status')}>
            <Select
              style={{ width: 120 }}
              options={[
                { value: 'active', label: t('subscriptions.catalogue.active') },
                { value: 'retired', label: t('subscriptions.catalogue.retired') },
              ]}
            />
          </Form.Item>
        </Space>
        <Form.List name="discounts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'periodType']} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 100 }}
                      options={[
                        { value: 'month', label: t('subscriptions.renew.month') },
                        { value: 'year', label: t('subscriptions.renew.year') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'minPeriods']}
                    label={t('subscriptions.catalogue.minPeriods')}
                    rules={[{ required: true }]}
                  >
                    <InputNumber min={1} max={36} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'percentOff']}
                    label={t('subscriptions.catalogue.percentOff')}
                    rules={[{ required: true }]}
                  >
                    <InputNumber min={0} max={90} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button
                type="dashed"
                onClick={() => add({ periodType: 'year', minPeriods: 2, percentOff: 10 })}
                icon={<PlusOutlined />}
              >
                {t('subscriptions.catalogue.addDiscount')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function SettingsCard() {
  const { t } = useTranslation();
  const settings = useSettings();
  const { settings: save } = useCatalogueActions();
  const feedback = useFeedback();
  const [error, setError] = useState<unknown>(null);
  return (
    <Card title={t('subscriptions.catalogue.settings')}>
      <ErrorAlert error={error ? toShownError(error, t('common.loadFailed')) : null} />
      <QueryState isLoading={settings.isLoading} error={settings.error}>
        {settings.data && (
          <Form
            layout="inline"
            initialValues={{ ...settings.data, reminderDays: settings.data.reminderDays.join(',') }}
            onFinish={async (v: {
              reminderDays: string;
              autoRenewLeadDays: number;
              retentionDays: number;
            }) => {
              setError(null);
              try {
                await save.mutateAsync({
                  reminderDays: v.reminderDays
                    .split(/[,，\s]+/)
                    .filter(Boolean)
                    .map(Number),
                  autoRenewLeadDays: v.autoRenewLeadDays,
                  retentionDays: v.retentionDays,
                });
                void feedback.message.success(t('subscriptions.catalogue.saved'));
              } catch (e) {
                setError(e);
              }
            }}
          >
            <Form.Item name="reminderDays" label={t('subscriptions.catalogue.reminderDays')}>
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="autoRenewLeadDays" label={t('subscriptions.catalogue.leadDays')}>
              <InputNumber min={0} max={30} />
            </Form.Item>
            <Form.Item name="retentionDays" label={t('subscriptions.catalogue.retentionDays')}>
              <InputNumber min={0} max={90} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('subscriptions.catalogue.save')}
            </Button>
          </Form>
        )}
      </QueryState>
    </Card>
  );
}
