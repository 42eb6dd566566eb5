import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
} from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { toShownError } from '../../platform/lib/form-errors.ts';
import { formatDateTime } from '../../platform/lib/format.ts';
import { CustomerLinks } from './renewals-page.tsx';
import {
  type Area,
  type PurchaseChoice,
  type PurchaseQuote,
  requestKey,
  useCoupons,
  usePurchaseActions,
  usePurchaseProducts,
  useRenewalActions,
  useResaleCustomers,
  yuan,
} from './subscriptions-api.ts';

const REGIONS = ['cn-north-4', 'cn-east-3', 'cn-south-1'];

/** Portal > Purchase: the partner buys for a resale customer. */
export function PortalPurchasePage() {
  return <PurchaseView area="partner" />;
}

/** Customer area > Purchase. */
export function CustomerPurchasePage() {
  return <PurchaseView area="customer" />;
}

interface FormValues extends PurchaseChoice {
  resourceName?: string;
}

/**
 * R15 purchase (#12): pick a product of the catalogue, a period, region and quantity, see the
 * quote, place the order (one per click: the request key is kept until the choice changes), then
 * pay it with the customer's cash coupons.
 */
function PurchaseView({ area }: { area: Area }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const products = usePurchaseProducts(area);
  const actions = usePurchaseActions(area);
  const renewals = useRenewalActions(area);
  const [quote, setQuote] = useState<PurchaseQuote | null>(null);
  const [order, setOrder] = useState<{ id: string; amountFen: number; status: string } | null>(null);
  const [paid, setPaid] = useState<{ couponFen: number } | null>(null);
  const [couponIds, setCouponIds] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const key = useRef(requestKey());
  const [customerSearch, setCustomerSearch] = useState('');
  const resale = useResaleCustomers(area === 'partner' ? customerSearch : '');
  const customerDomainId = Form.useWatch('customerDomainId', form);
  const productId = Form.useWatch('productId', form);
  const periodType = Form.useWatch('periodType', form) ?? 'year';
  const coupons = useCoupons(area, order ? customerDomainId : undefined);
  const product = products.data?.items.find((p) => p.id === productId);
  const name = (p: { nameZh: string; nameEn: string }) => (i18n.language === 'zh-CN' ? p.nameZh : p.nameEn);

  const changed = () => {
    setQuote(null);
    setOrder(null);
    setPaid(null);
    setCouponIds([]);
    key.current = requestKey();
  };
  const run = async (fn: () => Promise<void>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    }
  };
  const choice = async (): Promise<PurchaseChoice> => {
    const v = await form.validateFields();
    return {
      customerDomainId: area === 'partner' ? v.customerDomainId?.trim() : undefined,
      productId: v.productId,
      regionCode: v.regionCode,
      periodType: v.periodType,
      periodNum: v.periodNum,
      quantity: v.quantity,
    };
  };

  return (
    <>
      <PageHeader
        title={t('subscriptions.purchase.title')}
        subtitle={t(
          area === 'partner' ? 'subscriptions.purchase.subtitle' : 'subscriptions.purchase.customerSubtitle',
        )}
        extra={area === 'customer' ? <CustomerLinks /> : undefined}
      />
      <Card>
        <ErrorAlert error={error ? toShownError(error, t('common.loadFailed')) : null} />
        <Form
          form={form}
          layout="vertical"
          style={{ maxWidth: 560 }}
          initialValues={{ periodType: 'year', periodNum: 1, quantity: 1 }}
          onValuesChange={changed}
        >
          {area === 'partner' && (
            <Form.Item
              name="customerDomainId"
              label={t('subscriptions.purchase.customer')}
              extra={t('subscriptions.purchase.customerHelp')}
              rules={[{ required: true, message: t('subscriptions.purchase.customerRequired') }]}
            >
              <Select
                showSearch
                data-testid="purchase-customer"
                filterOption={false}
                onSearch={setCustomerSearch}
                loading={resale.isFetching}
                notFoundContent={t('subscriptions.purchase.noResaleCustomers')}
                options={(resale.data?.items ?? []).map((c) => ({
                  value: c.domainId,
                  label: `${c.name} · ${c.domainName} · ${c.domainId}`,
                }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="productId"
            label={t('subscriptions.purchase.product')}
            rules={[{ required: true }]}
          >
            <Select
              data-testid="purchase-product"
              loading={products.isLoading}
              options={(products.data?.items ?? []).map((p) => ({
                value: p.id,
                label: `${name(p)} · ${p.resourceSpecCode} · ${yuan(p.monthlyFen)}/${t('subscriptions.purchase.perMonth')} · ${yuan(p.yearlyFen)}/${t('subscriptions.purchase.perYear')}`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t('subscriptions.purchase.region')}
            rules={[{ required: true }]}
          >
            <Select
              data-testid="purchase-region"
              options={(product && product.regionCode !== '*' ? [product.regionCode] : REGIONS).map((r) => ({
                value: r,
                label: r,
              }))}
            />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="periodType" label={t('subscriptions.purchase.periodType')}>
              <Radio.Group>
                <Radio.Button value="month">{t('subscriptions.purchase.monthly')}</Radio.Button>
                <Radio.Button value="year">{t('subscriptions.purchase.yearly')}</Radio.Button>
              </Radio.Group>
            </Form.Item>
            <Form.Item
              name="periodNum"
              label={t('subscriptions.purchase.periodNum')}
              rules={[{ required: true }]}
            >
              <InputNumber min={1} max={periodType === 'year' ? 3 : 11} precision={0} />
            </Form.Item>
            <Form.Item
              name="quantity"
              label={t('subscriptions.purchase.quantity')}
              rules={[{ required: true }]}
            >
              <InputNumber min={1} max={20} precision={0} />
            </Form.Item>
          </Space>
          <Form.Item name="resourceName" label={t('subscriptions.purchase.resourceName')}>
            <Input maxLength={64} />
          </Form.Item>
          <Button
            data-testid="purchase-quote"
            loading={actions.quote.isPending}
            onClick={() => run(async () => setQuote(await actions.quote.mutateAsync(await choice())))}
          >
            {t('subscriptions.purchase.quote')}
          </Button>
        </Form>
        {quote && (
          <Descriptions bordered size="small" column={1} style={{ marginTop: 24, maxWidth: 560 }}>
            <Descriptions.Item label={t('subscriptions.purchase.official')}>
              {yuan(quote.officialFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('subscriptions.purchase.discount')}>
              -{yuan(quote.discountFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('subscriptions.purchase.amount')}>
              <strong data-testid="purchase-amount">{yuan(quote.amountFen)}</strong>
            </Descriptions.Item>
            <Descriptions.Item label={t('subscriptions.purchase.expireAt')}>
              {formatDateTime(quote.expireAt, i18n.language)}
            </Descriptions.Item>
          </Descriptions>
        )}
        {quote && !order && (
          <Button
            type="primary"
            style={{ marginTop: 16 }}
            data-testid="purchase-order"
            loading={actions.order.isPending}
            onClick={() =>
              run(async () => {
                const v = form.getFieldsValue();
                const o = await actions.order.mutateAsync({
                  ...(await choice()),
                  resourceName: v.resourceName?.trim() || undefined,
                  requestKey: key.current,
                });
                setOrder(o);
              })
            }
          >
            {t('subscriptions.purchase.placeOrder')}
          </Button>
        )}
        {order && !paid && (
          <Card
            size="small"
            style={{ marginTop: 16, maxWidth: 560 }}
            title={t('subscriptions.purchase.payTitle', { id: order.id })}
          >
            <p>{t('subscriptions.purchase.coupons')}</p>
            <Checkbox.Group
              value={couponIds}
              onChange={(v) => setCouponIds((v as string[]).slice(0, 3))}
              options={(coupons.data?.items ?? [])
                .filter((c) => c.status === 'available')
                .map((c) => ({
                  value: c.id,
                  label: t('subscriptions.purchase.couponLabel', {
                    face: yuan(c.faceValueFen),
                    min: yuan(c.minOrderFen),
                    until: formatDateTime(c.validUntil, i18n.language),
                  }),
                }))}
            />
            {coupons.data?.items.length === 0 && <p>{t('subscriptions.purchase.noCoupons')}</p>}
            <div style={{ marginTop: 12 }}>
              <Button
                type="primary"
                data-testid="purchase-pay"
                loading={renewals.pay.isPending}
                onClick={() =>
                  run(async () => {
                    const r = await renewals.pay.mutateAsync({ id: order.id, couponIds });
                    setPaid({ couponFen: r.couponFen });
                  })
                }
              >
                {t('subscriptions.purchase.pay', { amount: yuan(order.amountFen) })}
              </Button>
            </div>
          </Card>
        )}
        {order && paid && (
          <Alert
            style={{ marginTop: 16, maxWidth: 560 }}
            type="success"
            data-testid="purchase-done"
            message={t('subscriptions.purchase.paid', {
              id: order.id,
              coupon: yuan(paid.couponFen),
              cash: yuan(order.amountFen - paid.couponFen),
            })}
          />
        )}
      </Card>
    </>
  );
}
