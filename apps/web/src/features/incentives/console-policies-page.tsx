import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  type GetProps,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { useFormError } from '../../platform/lib/form-errors.ts';
import { type Policy, useConsolePolicies, usePolicyMutations } from './incentives-api.ts';

const PROGRAMS = [
  'solution_provider',
  'distributor',
  'cloud_reseller',
  'service_partner',
  'authorized_sales_support_center',
] as const;
type Program = (typeof PROGRAMS)[number];
type Rules = Policy['versions'][number]['rules'];

/** What the form edits: percentages and yuan as typed; converted to basis points and fen on save. */
interface PolicyFormValues {
  code: string;
  nameZh: string;
  nameEn: string;
  program: Program;
  periodKind: 'monthly' | 'quarterly';
  validFrom: string;
  validTo?: string;
  serviceTypes: string[];
  paymentKinds: ('cash' | 'voucher')[];
  associationTypes: ('resale' | 'referral')[];
  rates: { category: string; percent: number }[];
  tiers: { minYuan: number; bonusPercent: number }[];
  allowDiscount: boolean;
  note?: string;
}

const toRules = (v: PolicyFormValues) => ({
  serviceTypes: v.serviceTypes.length ? v.serviceTypes : null,
  paymentKinds: v.paymentKinds,
  associationTypes: v.associationTypes,
  rates: v.rates.map((r) => ({ category: r.category.trim(), basisPoints: Math.round(r.percent * 100) })),
  tiers: (v.tiers ?? []).map((t) => ({
    minFen: Math.round(t.minYuan * 100),
    bonusBasisPoints: Math.round(t.bonusPercent * 100),
  })),
  allowDiscount: v.allowDiscount,
});

const fromRules = (r: Rules): Partial<PolicyFormValues> => ({
  serviceTypes: r.serviceTypes ?? [],
  paymentKinds: r.paymentKinds as PolicyFormValues['paymentKinds'],
  associationTypes: r.associationTypes as PolicyFormValues['associationTypes'],
  rates: r.rates.map((x) => ({ category: x.category, percent: x.basisPoints / 100 })),
  tiers: r.tiers.map((x) => ({ minYuan: x.minFen / 100, bonusPercent: x.bonusBasisPoints / 100 })),
  allowDiscount: r.allowDiscount,
});

/** The first day of next month (Asia/Shanghai), a period start that is never settled yet. */
function nextMonthStart(): string {
  const sh = new Date(Date.now() + 8 * 3600_000);
  const y = sh.getUTCMonth() === 11 ? sh.getUTCFullYear() + 1 : sh.getUTCFullYear();
  const m = (sh.getUTCMonth() + 1) % 12;
  return `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Console > Incentive policies: every policy with its versions; new policies and new versions. */
export function ConsolePoliciesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={t('incentives.policyForm.title')}
        subtitle={t('incentives.policyForm.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="policy-new"
            onClick={() => navigate('/console/incentive-policies/new')}
          >
            {t('incentives.policyForm.newPolicy')}
          </Button>
        }
      />
      <Card>
        <PoliciesTable />
      </Card>
    </>
  );
}

/** The policies with their versions (also the Policies tab of Console > Incentives). */
export function PoliciesTable() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const list = useConsolePolicies();
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en-US';
  return (
    <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => list.refetch()}>
      <Table<Policy>
        rowKey="id"
        data-testid="policies-table"
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('incentives.policyForm.empty') }}
        expandable={{
          expandedRowRender: (p) => (
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={p.versions}
              columns={[
                { title: t('incentives.col.version'), dataIndex: 'version' },
                {
                  title: t('incentives.col.validity'),
                  render: (_, v) => `${v.validFrom} – ${v.validTo ?? '…'}`,
                },
                {
                  title: t('incentives.col.rates'),
                  render: (_, v) =>
                    v.rules.rates.map((r) => `${r.category} ${r.basisPoints / 100}%`).join(', '),
                },
                { title: t('incentives.policyForm.note'), dataIndex: 'note' },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('incentives.col.policy'), render: (_, p) => `${p.code} · ${p.name[lang]}` },
          {
            title: t('incentives.col.program'),
            render: (_, p) => t(`incentives.policyForm.programs.${p.program as Program}`),
          },
          {
            title: t('incentives.policyForm.periodKind'),
            render: (_, p) => t(`incentives.policyForm.${p.periodKind}`),
          },
          { title: t('incentives.col.version'), render: (_, p) => p.current?.version ?? '—' },
          {
            title: '',
            render: (_, p) => (
              <Button
                size="small"
                data-testid={`policy-version-${p.code}`}
                onClick={() => navigate(`/console/incentive-policies/${p.id}/versions/new`)}
              >
                {t('incentives.policyForm.newVersion')}
              </Button>
            ),
          },
        ]}
      />
    </QueryState>
  );
}

/** `/console/incentive-policies/new` and `/console/incentive-policies/:id/versions/new`. */
export function PolicyFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const list = useConsolePolicies();
  const policy = id ? list.data?.items.find((p) => p.id === id) : undefined;
  const title = policy
    ? t('incentives.policyForm.versionTitle', { code: policy.code })
    : t('incentives.policyForm.createTitle');
  return (
    <>
      <PageHeader title={title} subtitle={t('incentives.policyForm.subtitle')} />
      <Card>
        {id ? (
          <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => list.refetch()}>
            {policy ? <PolicyForm policy={policy} /> : null}
          </QueryState>
        ) : (
          <PolicyForm />
        )}
      </Card>
    </>
  );
}

function PolicyForm({ policy }: { policy?: Policy }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const [form] = Form.useForm<PolicyFormValues>();
  const { error, onError, clear } = useFormError(form);
  const m = usePolicyMutations();
  const required = [{ required: true, message: t('incentives.policyForm.required') }];
  const current = policy?.current ?? policy?.versions.at(-1);
  const initial: Partial<PolicyFormValues> = current
    ? { ...fromRules(current.rules), validFrom: nextMonthStart() }
    : {
        periodKind: 'monthly',
        validFrom: nextMonthStart(),
        serviceTypes: [],
        paymentKinds: ['cash'],
        associationTypes: ['resale', 'referral'],
        rates: [{ category: '*', percent: 2 }],
        tiers: [],
        allowDiscount: true,
      };
  const back = () => navigate('/console/incentive-policies');
  const save = (v: PolicyFormValues) => {
    clear();
    const common = {
      validFrom: v.validFrom,
      validTo: v.validTo || null,
      rules: toRules(v),
      note: v.note ?? '',
    };
    if (policy) {
      m.addVersion.mutate(
        { id: policy.id, body: common },
        {
          onSuccess: (p) => {
            message.success(
              t('incentives.policyForm.versioned', { code: p.code, version: p.versions.length }),
            );
            back();
          },
          onError: (e) => onError(e, t('common.networkError')),
        },
      );
    } else {
      const body = { ...common, code: v.code.trim(), nameZh: v.nameZh, nameEn: v.nameEn, program: v.program };
      m.create.mutate(
        { ...body, periodKind: v.periodKind },
        {
          onSuccess: (p) => {
            message.success(t('incentives.policyForm.created', { code: p.code }));
            back();
          },
          onError: (e) => onError(e, t('common.networkError')),
        },
      );
    }
  };
  return (
    <Form<PolicyFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={save}
      style={{ maxWidth: 860 }}
      data-testid="policy-form"
    >
      <ErrorAlert error={error} testId="policy-error" />
      {policy && current ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('incentives.policyForm.versionHint', {
            version: current.version,
            from: current.validFrom,
          })}
        />
      ) : null}
      {policy ? null : (
        <>
          <Flex gap={16} wrap>
            <Form.Item
              name="code"
              label={t('incentives.policyForm.code')}
              extra={t('incentives.policyForm.codeHint')}
              rules={[
                ...required,
                { pattern: /^[A-Z0-9][A-Z0-9-]{1,39}$/, message: t('incentives.policyForm.codeHint') },
              ]}
              style={{ width: 260 }}
            >
              <Input maxLength={40} data-testid="policy-code" />
            </Form.Item>
            <Form.Item
              name="program"
              label={t('incentives.policyForm.program')}
              rules={required}
              style={{ width: 260 }}
            >
              <Select
                data-testid="policy-program"
                options={PROGRAMS.map((p) => ({ value: p, label: t(`incentives.policyForm.programs.${p}`) }))}
              />
            </Form.Item>
            <Form.Item name="periodKind" label={t('incentives.policyForm.periodKind')} style={{ width: 200 }}>
              <Select
                options={(['monthly', 'quarterly'] as const).map((k) => ({
                  value: k,
                  label: t(`incentives.policyForm.${k}`),
                }))}
              />
            </Form.Item>
          </Flex>
          <Flex gap={16} wrap>
            <Form.Item
              name="nameZh"
              label={t('incentives.policyForm.nameZh')}
              rules={required}
              style={{ width: 360 }}
            >
              <Input maxLength={200} data-testid="policy-name-zh" />
            </Form.Item>
            <Form.Item
              name="nameEn"
              label={t('incentives.policyForm.nameEn')}
              rules={required}
              style={{ width: 360 }}
            >
              <Input maxLength={200} data-testid="policy-name-en" />
            </Form.Item>
          </Flex>
        </>
      )}
      <Flex gap={16} wrap>
        <Form.Item
          name="validFrom"
          label={t('incentives.policyForm.validFrom')}
          rules={required}
          style={{ width: 200 }}
        >
          <Input type="date" data-testid="policy-valid-from" />
        </Form.Item>
        <Form.Item name="validTo" label={t('incentives.policyForm.validTo')} style={{ width: 260 }}>
          <Input type="date" data-testid="policy-valid-to" />
        </Form.Item>
      </Flex>
      <Form.Item name="serviceTypes" label={t('incentives.policyForm.serviceTypes')}>
        <Select mode="tags" tokenSeparators={[',', ' ']} open={false} data-testid="policy-service-types" />
      </Form.Item>
      <Flex gap={32} wrap>
        <Form.Item name="paymentKinds" label={t('incentives.policyForm.paymentKinds')} rules={required}>
          <CheckboxGroupField
            label={t('incentives.policyForm.paymentKinds')}
            options={(['cash', 'voucher'] as const).map((k) => ({
              value: k,
              label: t(`incentives.policyForm.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="associationTypes"
          label={t('incentives.policyForm.associationTypes')}
          rules={required}
        >
          <CheckboxGroupField
            label={t('incentives.policyForm.associationTypes')}
            options={(['resale', 'referral'] as const).map((k) => ({
              value: k,
              label: t(`incentives.policyForm.${k}`),
            }))}
          />
        </Form.Item>
      </Flex>
      <Typography.Title level={5}>{t('incentives.policyForm.rates')}</Typography.Title>
      <Form.List name="rates">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline">
                <Form.Item
                  name={[f.name, 'category']}
                  rules={required}
                  label={i === 0 ? t('incentives.policyForm.category') : undefined}
                >
                  <Input
                    aria-label={t('incentives.policyForm.category')}
                    style={{ width: 280 }}
                    data-testid={`policy-rate-category-${i}`}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'percent']}
                  rules={required}
                  label={i === 0 ? t('incentives.policyForm.rate') : undefined}
                >
                  <InputNumber
                    aria-label={t('incentives.policyForm.rate')}
                    min={0}
                    max={100}
                    precision={2}
                    data-testid={`policy-rate-percent-${i}`}
                  />
                </Form.Item>
                {fields.length > 1 ? <DeleteOutlined onClick={() => remove(f.name)} /> : null}
              </Space>
            ))}
            <Form.Item>
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ category: '', percent: 0 })}
                data-testid="policy-rate-add"
              >
                {t('incentives.policyForm.addRate')}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <Typography.Title level={5}>{t('incentives.policyForm.tiers')}</Typography.Title>
      <Form.List name="tiers">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline">
                <Form.Item
                  name={[f.name, 'minYuan']}
                  rules={required}
                  label={i === 0 ? t('incentives.policyForm.tierMin') : undefined}
                >
                  <InputNumber min={0} precision={2} style={{ width: 200 }} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'bonusPercent']}
                  rules={required}
                  label={i === 0 ? t('incentives.policyForm.tierBonus') : undefined}
                >
                  <InputNumber min={0} max={100} precision={2} />
                </Form.Item>
                <DeleteOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Form.Item>
              <Button icon={<PlusOutlined />} onClick={() => add({ minYuan: 0, bonusPercent: 0 })}>
                {t('incentives.policyForm.addTier')}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <Form.Item
        name="allowDiscount"
        label={t('incentives.policyForm.allowDiscount')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <Form.Item name="note" label={t('incentives.policyForm.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Space>
        <Button
          type="primary"
          htmlType="submit"
          loading={m.create.isPending || m.addVersion.isPending}
          data-testid="policy-save"
        >
          {t('incentives.policyForm.save')}
        </Button>
        <Button onClick={back}>{t('incentives.policyForm.cancel')}</Button>
      </Space>
    </Form>
  );
}

/**
 * A checkbox group in a required Form.Item: a named group (the item's label does not name a div), without
 * the aria-required antd passes down, which a group may not carry (axe aria-allowed-attr).
 */
function CheckboxGroupField({
  label,
  'aria-required': _required,
  ...props
}: GetProps<typeof Checkbox.Group> & { label: string; 'aria-required'?: unknown }) {
  return <Checkbox.Group role="group" aria-label={label} {...props} />;
}
