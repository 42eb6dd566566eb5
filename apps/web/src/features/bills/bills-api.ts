import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../platform/api/client.ts';
import type { ResponseOf } from '../../platform/api/types.ts';

export type BillList = ResponseOf<'/api/bills', 'get'>;
export type BillListItem = BillList['items'][number];
export type CustomerBill = ResponseOf<'/api/bills/customers/{customerId}', 'get'>;
export type FeeRecordPage = ResponseOf<'/api/bills/customers/{customerId}/fee-records', 'get'>;
export type FeeRecord = FeeRecordPage['items'][number];

/** Fen → "1,234.56" (the shared formatter). */
/** Money for display: `¥1,234.56` (the shared formatter); `yuanAmount` for editable amounts. */
export { formatYuan as yuan, yuanAmount } from '../../platform/lib/format.ts';

/** The current bill cycle and the 23 before it, `YYYY-MM` in Asia/Shanghai (UTC+8, no DST). */
export function recentCycles(now = Date.now()): string[] {
  const d = new Date(now + 8 * 3600_000);
  const out: string[] = [];
  for (let i = 0; i < 24; i++) {
    const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 1));
    out.push(m.toISOString().slice(0, 7));
  }
  return out;
}

export function useBills(cycle: string, page: { offset: number; limit: number }) {
  return useQuery({
    queryKey: ['bills', cycle, page],
    queryFn: () => unwrap(api.GET('/api/bills', { params: { query: { cycle, ...page } } })),
    placeholderData: keepPreviousData,
  });
}

export function useCustomerBill(customerId: string, cycle: string) {
  return useQuery({
    queryKey: ['bills', 'customer', customerId, cycle],
    queryFn: () =>
      unwrap(
        api.GET('/api/bills/customers/{customerId}', { params: { path: { customerId }, query: { cycle } } }),
      ),
  });
}

export interface FeeFilter {
  serviceType?: string;
  chargingMode?: number;
}

export function useFeeRecords(
  customerId: string,
  cycle: string,
  filter: FeeFilter,
  page: { offset: number; limit: number },
) {
  return useQuery({
    queryKey: ['bills', 'fees', customerId, cycle, filter, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/bills/customers/{customerId}/fee-records', {
          params: { path: { customerId }, query: { cycle, ...filter, ...page } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function exportUrl(cycle: string, format: 'csv' | 'xlsx'): string {
  return `/api/bills/export?${new URLSearchParams({ cycle, format }).toString()}`;
}

/** A bill-cycle picker over the last 24 months, kept in the address (`?cycle=`). */
export function useCycle(): [string, (cycle: string) => void, string[]] {
  const [params, setParams] = useSearchParams();
  const cycles = recentCycles();
  const cycle = params.get('cycle') ?? cycles[0] ?? '';
  return [cycle, (c) => setParams({ cycle: c }), cycles];
}
