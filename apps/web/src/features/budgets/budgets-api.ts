import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send, unwrap } from '../../platform/api/client.ts';
import type { ResponseOf } from '../../platform/api/types.ts';

export type BudgetPageData = ResponseOf<'/api/budgets/{customerId}', 'get'>;
export type BudgetRecipient = BudgetPageData['recipients'][number];
export type BudgetAlert = BudgetPageData['alerts'][number];

export interface BudgetForm {
  amount: string;
  budgetType: 'MONTHLY' | 'PACKAGE';
  frozenOperateType: 0 | 1;
  freezeResources: boolean;
  liftRestriction: boolean;
}

export interface RecipientForm {
  name: string;
  phone?: string | null;
  email?: string | null;
  locale: 'zh-CN' | 'en-US';
}

/** Fen → "1,234.56" (the shared formatter). */
/** Money for display: `¥1,234.56` (the shared formatter); `yuanAmount` for editable amounts. */
export { formatYuan as yuan, yuanAmount } from '../../platform/lib/format.ts';

export function useBudgetPage(customerId: string) {
  return useQuery({
    queryKey: ['budgets', customerId],
    queryFn: () => unwrap(api.GET('/api/budgets/{customerId}', { params: { path: { customerId } } })),
  });
}

/** Every change answers the whole page; it replaces the cached one. */
export function useBudgetActions(customerId: string) {
  const qc = useQueryClient();
  const path = { params: { path: { customerId } } };
  const done = (data: BudgetPageData) => {
    qc.setQueryData(['budgets', customerId], data);
    void qc.invalidateQueries({ queryKey: ['customers'] });
  };
  return {
    set: useMutation({
      mutationFn: (body: BudgetForm) => send(() => api.PUT('/api/budgets/{customerId}', { ...path, body })),
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: () => send(() => api.DELETE('/api/budgets/{customerId}', path)),
      onSuccess: done,
    }),
    lift: useMutation({
      mutationFn: () => send(() => api.POST('/api/budgets/{customerId}/lift-restriction', path)),
      onSuccess: done,
    }),
    addRecipients: useMutation({
      mutationFn: (recipients: RecipientForm[]) =>
        send(() => api.POST('/api/budgets/{customerId}/recipients', { ...path, body: { recipients } })),
      onSuccess: done,
    }),
    removeRecipient: useMutation({
      mutationFn: (recipientId: string) =>
        send(() =>
          api.DELETE('/api/budgets/{customerId}/recipients/{recipientId}', {
            params: { path: { customerId, recipientId } },
          }),
        ),
      onSuccess: done,
    }),
  };
}
