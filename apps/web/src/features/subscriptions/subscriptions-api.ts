import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiPaths, api, send, unwrap } from '../../platform/api/client.ts';
import type { ResponseOf } from '../../platform/api/types.ts';

/** Whose renewal page: the partner portal (its customers') or the customer's own area. */
export type Area = 'partner' | 'customer';

export type RenewalPage = ResponseOf<'/api/renewals', 'get'>;
export type ResourceItem = RenewalPage['items'][number];
export type Facets = ResponseOf<'/api/renewals/facets', 'get'>;
export type Quote = ResponseOf<'/api/renewals/quote', 'post'>;
export type RefundPreview = ResponseOf<'/api/renewals/unsubscribe/preview', 'post'>;
export type OrdersResult = ResponseOf<'/api/renewals/renew', 'post'>;
export type Failure = Quote['failures'][number];

export interface RenewalFilter {
  customerDomainId?: string;
  enterpriseProjectId?: string;
  serviceTypeCode?: string;
  regionCode?: string;
  expiresWithinDays?: number;
  status?: ResourceItem['status'];
  autoRenew?: 'true' | 'false';
  tab?: 'resources' | 'domains';
  offset: number;
  limit: number;
}

export interface PeriodChoice {
  periodType: 'month' | 'year';
  periodNum: number;
}

/** Fen → "1,234.56" (the shared formatter). */
/** Money for display: `¥1,234.56` (the shared formatter); `yuanAmount` for editable amounts. */
export { formatYuan as yuan, yuanAmount } from '../../platform/lib/format.ts';

/** A key for a retried request: the same click twice places one order. */
export function requestKey(): string {
  return `web-${crypto.randomUUID()}`;
}

export function useRenewals(area: Area, filter: RenewalFilter) {
  return useQuery({
    queryKey: ['renewals', area, filter],
    queryFn: () =>
      area === 'partner'
        ? unwrap(api.GET('/api/renewals', { params: { query: filter } }))
        : unwrap(api.GET('/api/customer/renewals', { params: { query: filter } })),
  });
}

export function useFacets(area: Area) {
  return useQuery({
    queryKey: ['renewals', area, 'facets'],
    queryFn: () =>
      area === 'partner'
        ? unwrap(api.GET('/api/renewals/facets'))
        : unwrap(api.GET('/api/customer/renewals/facets')),
  });
}

export function useRenewalActions(area: Area) {
  const qc = useQueryClient();
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['renewals', area] });
    void qc.invalidateQueries({ queryKey: ['orders'] });
  };
  const partner = area === 'partner';
  return {
    quote: useMutation({
      mutationFn: (body: PeriodChoice & { resourceIds: string[] }) =>
        send(() =>
          partner
            ? api.POST('/api/renewals/quote', { body })
            : api.POST('/api/customer/renewals/quote', { body }),
        ),
    }),
    renew: useMutation({
      mutationFn: (body: PeriodChoice & { resourceIds: string[]; requestKey: string; payNow: boolean }) =>
        send(() =>
          partner
            ? api.POST('/api/renewals/renew', { body })
            : api.POST('/api/customer/renewals/renew', { body }),
        ),
      onSuccess: refresh,
    }),
    autoRenew: useMutation({
      mutationFn: (body: { resourceId: string; on: boolean; periodType?: 'month' | 'year' }) =>
        send(() =>
          partner
            ? api.POST('/api/renewals/auto-renew', { body })
            : api.POST('/api/customer/renewals/auto-renew', { body }),
        ),
      onSuccess: refresh,
    }),
    toOnDemand: useMutation({
      mutationFn: (body: { resourceIds: string[]; on: boolean }) =>
        send(() =>
          partner
            ? api.POST('/api/renewals/to-on-demand', { body })
            : api.POST('/api/customer/renewals/to-on-demand', { body }),
        ),
      onSuccess: refresh,
    }),
    preview: useMutation({
      mutationFn: (body: { resourceIds: string[]; type: 1 | 2 }) =>
        send(() =>
          partner
            ? api.POST('/api/renewals/unsubscribe/preview', { body })
            : api.POST('/api/customer/renewals/unsubscribe/preview', { body }),
        ),
    }),
    unsubscribe: useMutation({
      mutationFn: (body: { resourceIds: string[]; type: 1 | 2; reason?: string; requestKey: string }) =>
        send(() =>
          partner
            ? api.POST('/api/renewals/unsubscribe', { body })
            : api.POST('/api/customer/renewals/unsubscribe', { body }),
        ),
      onSuccess: refresh,
    }),
    pay: useMutation({
      mutationFn: ({ id, couponIds = [] }: { id: string; couponIds?: string[] }) =>
        send(() =>
          partner
            ? api.POST('/api/orders/{id}/pay', { params: { path: { id } }, body: { couponIds } })
            : api.POST('/api/customer/orders/{id}/pay', { params: { path: { id } }, body: { couponIds } }),
        ),
      onSuccess: refresh,
    }),
    cancel: useMutation({
      mutationFn: (id: string) =>
        send(() =>
          partner
            ? api.POST('/api/orders/{id}/cancel', { params: { path: { id } } })
            : api.POST('/api/customer/orders/{id}/cancel', { params: { path: { id } } }),
        ),
      onSuccess: refresh,
    }),
  };
}

export type Product = ResponseOf<'/api/console/catalogue', 'get'>['items'][number];
export type ProductForm = Omit<Product, 'id' | 'updatedAt'>;
export type Settings = ResponseOf<'/api/console/subscription-settings', 'get'>;

export function useCatalogue() {
  return useQuery({ queryKey: ['catalogue'], queryFn: () => unwrap(api.GET('/api/console/catalogue')) });
}

export function useSettings() {
  return useQuery({
    queryKey: ['subscription-settings'],
    queryFn: () => unwrap(api.GET('/api/console/subscription-settings')),
  });
}

export function useCatalogueActions() {
  const qc = useQueryClient();
  return {
    save: useMutation({
      mutationFn: ({ id, body }: { id: string | null; body: ProductForm }) =>
        send(() =>
          id
            ? api.PUT('/api/console/catalogue/{id}', { params: { path: { id } }, body })
            : api.POST('/api/console/catalogue', { body }),
        ),
      onSuccess: () => qc.invalidateQueries({ queryKey: ['catalogue'] }),
    }),
    settings: useMutation({
      mutationFn: (body: Omit<Settings, 'updatedAt'>) =>
        send(() => api.PUT('/api/console/subscription-settings', { body })),
      onSuccess: (data) => qc.setQueryData(['subscription-settings'], data),
    }),
  };
}

/** Yuan text → fen, exact (no float): "12.3" → 1230. */
export function toFen(v: string | number | undefined): number {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(v ?? '0').trim());
  if (!m) return 0;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export type ConsoleCoupon = ResponseOf<'/api/console/coupons', 'get'>['items'][number];
export type IssueCouponBody =
  ApiPaths['/api/console/coupons']['post']['requestBody']['content']['application/json'];

/** Console: every customer's cash coupons, or one customer's, newest first. */
export function useConsoleCoupons(
  filter: { customerDomainId?: string; status?: 'available' | 'used' | 'revoked' },
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: ['console-coupons', filter, page, pageSize],
    queryFn: () =>
      unwrap(
        api.GET('/api/console/coupons', {
          params: { query: { ...filter, offset: (page - 1) * pageSize, limit: pageSize } },
        }),
      ),
    placeholderData: (prev) => prev,
  });
}

export function useCouponActions() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['console-coupons'] });
  return {
    issue: useMutation({
      mutationFn: (body: IssueCouponBody) => send(() => api.POST('/api/console/coupons', { body })),
      onSuccess: done,
    }),
    revoke: useMutation({
      mutationFn: ({ id, reason }: { id: string; reason: string }) =>
        send(() =>
          api.POST('/api/console/coupons/{id}/revoke', { params: { path: { id } }, body: { reason } }),
        ),
      onSuccess: done,
    }),
  };
}

export type OrderPage = ResponseOf<'/api/orders', 'get'>;
export type OrderItem = OrderPage['items'][number];

export interface OrderFilter {
  orderId?: string;
  customerDomainId?: string;
  type?: OrderItem['type'];
  status?: OrderItem['status'];
  createdFrom?: string;
  createdTo?: string;
}

export function useOrders(area: Area, filter: OrderFilter, page: { offset: number; limit: number }) {
  return useQuery({
    queryKey: ['orders', area, filter, page],
    queryFn: () =>
      area === 'partner'
        ? unwrap(api.GET('/api/orders', { params: { query: { ...filter, ...page } } }))
        : unwrap(
            api.GET('/api/customer/orders', {
              params: { query: { ...filter, customerDomainId: undefined, ...page } },
            }),
          ),
  });
}

export function ordersExportUrl(filter: OrderFilter, format: 'csv' | 'xlsx'): string {
  const q = new URLSearchParams({ format });
  for (const [k, v] of Object.entries(filter)) if (v) q.set(k, String(v));
  return `/api/orders/export?${q.toString()}`;
}

export type Coupon = ResponseOf<'/api/coupons', 'get'>['items'][number];
export type PurchaseQuote = ResponseOf<'/api/purchase/quote', 'post'>;

export interface PurchaseChoice extends PeriodChoice {
  customerDomainId?: string;
  productId: string;
  regionCode: string;
  quantity: number;
}

export function usePurchaseProducts(area: Area) {
  return useQuery({
    queryKey: ['purchase-products', area],
    queryFn: () =>
      area === 'partner'
        ? unwrap(api.GET('/api/purchase/products'))
        : unwrap(api.GET('/api/customer/purchase/products')),
  });
}

/** The partner's resale customers matching what is typed (name, account name or id), for buying. */
export function useResaleCustomers(keyword: string) {
  return useQuery({
    queryKey: ['purchase-customers', keyword],
    queryFn: () =>
      unwrap(
        api.GET('/api/customers', {
          params: { query: { type: 'resale', limit: 20, ...(keyword ? { keyword } : {}) } },
        }),
      ),
    placeholderData: (prev) => prev,
  });
}

/** The customer's coupons still to use (the partner names the customer). */
export function useCoupons(area: Area, customerDomainId: string | undefined) {
  return useQuery({
    queryKey: ['coupons', area, customerDomainId],
    enabled: area === 'customer' || Boolean(customerDomainId),
    queryFn: () =>
      area === 'partner'
        ? unwrap(
            api.GET('/api/coupons', {
              params: { query: { customerDomainId: customerDomainId ?? '', status: 'available' } },
            }),
          )
        : unwrap(api.GET('/api/customer/coupons', { params: { query: { status: 'available' } } })),
  });
}

export function usePurchaseActions(area: Area) {
  const partner = area === 'partner';
  return {
    quote: useMutation({
      mutationFn: (body: PurchaseChoice) =>
        send(() =>
          partner
            ? api.POST('/api/purchase/quote', { body })
            : api.POST('/api/customer/purchase/quote', { body }),
        ),
    }),
    order: useMutation({
      mutationFn: (body: PurchaseChoice & { requestKey: string; resourceName?: string }) =>
        send(() =>
          partner
            ? api.POST('/api/purchase/orders', { body })
            : api.POST('/api/customer/purchase/orders', { body }),
        ),
    }),
  };
}
