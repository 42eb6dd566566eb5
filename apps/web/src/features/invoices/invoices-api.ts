import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiPaths, api, send, unwrap } from '../../platform/api/client.ts';
import type { ResponseOf } from '../../platform/api/types.ts';

export type InvoiceList = ResponseOf<'/api/invoice-lists/{token}', 'get'>;
export type NoticeDetail = ResponseOf<'/api/invoicing-notices/{id}', 'get'>;
export type NoticeSummary = ResponseOf<'/api/invoicing-notices', 'get'>['items'][number];
export type Invoice = NoticeDetail['invoices'][number];
export type Payment = ResponseOf<'/api/payments', 'get'>['items'][number];
export type Bill = ResponseOf<'/api/countersign-bills', 'get'>['items'][number];
export type QueueInvoice = ResponseOf<'/api/console/invoices', 'get'>['items'][number];
export type Payee = ResponseOf<'/api/console/invoicing-notices/{id}/payee', 'get'>;
type SubmitBody = ApiPaths['/api/invoicing-notices/{id}/invoices']['post']['requestBody'];
export type InvoiceInput = NonNullable<SubmitBody>['content']['application/json']['invoices'][number];

/** Fen → "1,234.56" (the shared formatter). */
/** Money for display: `¥1,234.56` (the shared formatter); `yuanAmount` for editable amounts. */
export { formatYuan as yuan, yuanAmount } from '../../platform/lib/format.ts';

/** "1234.56" → 123456, exact; NaN when not a yuan amount with at most two decimals. */
export function toFen(text: string): number {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim().replaceAll(',', ''));
  if (!m) return Number.NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export const useInvoiceList = (token: string) =>
  useQuery({
    queryKey: ['invoice-list', token],
    queryFn: () => unwrap(api.GET('/api/invoice-lists/{token}', { params: { path: { token } } })),
    retry: false,
  });

export const useNotices = (query: {
  status?: NoticeSummary['status'];
  sourceKind?: NoticeSummary['sourceKind'];
}) =>
  useQuery({
    queryKey: ['notices', query],
    queryFn: () => unwrap(api.GET('/api/invoicing-notices', { params: { query: { ...query, limit: 100 } } })),
  });

export const useNotice = (id: string) =>
  useQuery({
    queryKey: ['notice', id],
    queryFn: () => unwrap(api.GET('/api/invoicing-notices/{id}', { params: { path: { id } } })),
  });

export const usePayments = () =>
  useQuery({
    queryKey: ['payments'],
    queryFn: () => unwrap(api.GET('/api/payments', { params: { query: { limit: 100 } } })),
  });

export const useBills = (status?: Bill['status']) =>
  useQuery({
    queryKey: ['bills', status],
    queryFn: () => unwrap(api.GET('/api/countersign-bills', { params: { query: { status, limit: 100 } } })),
  });

export function useUploadFile() {
  return useMutation({
    mutationFn: (file: File) =>
      send(() =>
        api.POST('/api/invoice-files', {
          params: { query: { fileName: file.name } },
          body: file as never,
          bodySerializer: (b: unknown) => b as BodyInit,
          headers: {
            'content-type': file.name.toLowerCase().endsWith('.ofd') ? 'application/ofd' : 'application/pdf',
          },
        }),
      ),
  });
}

export function useSubmitInvoices(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (invoices: InvoiceInput[]) =>
      send(() =>
        api.POST('/api/invoicing-notices/{id}/invoices', { params: { path: { id } }, body: { invoices } }),
      ),
    onSuccess: (data) => qc.setQueryData(['notice', id], data),
  });
}

export function usePosting(noticeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; expressCompany: string; trackingNumber: string }) =>
      send(() =>
        api.POST('/api/invoices/{id}/posting', {
          params: { path: { id: v.id } },
          body: { expressCompany: v.expressCompany, trackingNumber: v.trackingNumber },
        }),
      ),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['notice', noticeId] }),
  });
}

export function useBillAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; action: 'approve' | 'return'; reason?: string }) =>
      v.action === 'approve'
        ? send(() => api.POST('/api/countersign-bills/{id}/approve', { params: { path: { id: v.id } } }))
        : send(() =>
            api.POST('/api/countersign-bills/{id}/return', {
              params: { path: { id: v.id } },
              body: { reason: v.reason ?? '' },
            }),
          ),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['bills'] }),
  });
}

// Console

export const useConsoleBills = () =>
  useQuery({
    queryKey: ['console-bills'],
    queryFn: () =>
      unwrap(
        api.GET('/api/console/countersign-bills', {
          params: { query: { mine: 'true', status: 'countersigning', limit: 100 } },
        }),
      ),
  });

export const useInvoiceQueue = () =>
  useQuery({
    queryKey: ['console-invoices'],
    queryFn: () => unwrap(api.GET('/api/console/invoices', { params: { query: { limit: 100 } } })),
  });

export const useToPay = () =>
  useQuery({
    queryKey: ['console-to-pay'],
    queryFn: () =>
      unwrap(
        api.GET('/api/console/invoicing-notices', { params: { query: { status: 'accepted', limit: 100 } } }),
      ),
  });

export const usePayee = (id: string | undefined) =>
  useQuery({
    queryKey: ['payee', id],
    enabled: !!id,
    queryFn: () =>
      unwrap(api.GET('/api/console/invoicing-notices/{id}/payee', { params: { path: { id: id ?? '' } } })),
  });

export function useConsoleAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (
      v:
        | { kind: 'bill'; action: 'approve' | 'return'; id: string; reason?: string }
        | { kind: 'bills'; ids: string[] }
        | { kind: 'invoice'; action: 'receive' | 'accept' | 'return'; id: string; reason?: string }
        | { kind: 'invoices'; ids: string[] }
        | { kind: 'pay'; id: string; paidOn: string; amountFen: number; bankReference: string },
    ) => {
      const path = { params: { path: { id: 'id' in v ? v.id : '' } } };
      switch (v.kind) {
        case 'bill':
          return v.action === 'approve'
            ? send(() => api.POST('/api/console/countersign-bills/{id}/approve', path))
            : send(() =>
                api.POST('/api/console/countersign-bills/{id}/return', {
                  ...path,
                  body: { reason: v.reason ?? '' },
                }),
              );
        case 'bills':
          return send(() =>
            api.POST('/api/console/countersign-bills/bulk-approve', { body: { ids: v.ids } }),
          );
        case 'invoice':
          if (v.action === 'return')
            return send(() =>
              api.POST('/api/console/invoices/{id}/return', { ...path, body: { reason: v.reason ?? '' } }),
            );
          return v.action === 'accept'
            ? send(() => api.POST('/api/console/invoices/{id}/accept', path))
            : send(() => api.POST('/api/console/invoices/{id}/receive', path));
        case 'invoices':
          return send(() =>
            api.POST('/api/console/invoices/bulk', { body: { action: 'accept', ids: v.ids } }),
          );
        case 'pay':
          return send(() =>
            api.POST('/api/console/invoicing-notices/{id}/payment', {
              ...path,
              body: { paidOn: v.paidOn, amountFen: v.amountFen, bankReference: v.bankReference },
            }),
          );
      }
    },
    onSettled: () => {
      for (const k of ['console-bills', 'console-invoices', 'console-to-pay'])
        void qc.invalidateQueries({ queryKey: [k] });
    },
  });
}

export function useReveal() {
  return useMutation({
    mutationFn: (v: { id: string; reason: string }) =>
      send(() =>
        api.POST('/api/console/invoicing-notices/{id}/payee/reveal', {
          params: { path: { id: v.id } },
          body: { reason: v.reason },
        }),
      ),
  });
}

/** Console upload: a JSON file `{ "bills": [...] }` (the ingestion format) sent with the operator's session. */
export function useUploadBills() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const body = JSON.parse(await file.text()) as { bills: never[] };
      return send(() => api.POST('/api/ingest/countersign-bills', { body }));
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: ['console-bills'] }),
  });
}
