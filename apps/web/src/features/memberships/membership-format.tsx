import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { formatYuan as sharedFormatYuan } from '../../platform/lib/format.ts';
import type { membershipsEnUS } from './memberships.en-US.ts';

type Status = keyof typeof membershipsEnUS.status;
type Program = keyof typeof membershipsEnUS.program;
type Kind = keyof typeof membershipsEnUS.kind;

const COLORS: Record<string, string> = {
  submitted: 'processing',
  pending: 'processing',
  approved: 'success',
  accepted: 'success',
  active: 'success',
  rejected: 'error',
  declined: 'default',
  withdrawn: 'default',
  revoked: 'default',
  ended: 'default',
  expired: 'warning',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status] ?? 'default'} data-testid="membership-status" data-status={status}>
      {t(`memberships.status.${status as Status}`, { defaultValue: status })}
    </Tag>
  );
}

export function useProgramName(): (code: string) => string {
  const { t } = useTranslation();
  return (code) => t(`memberships.program.${code as Program}`, { defaultValue: code });
}

export function useKindName(): (kind: string) => string {
  const { t } = useTranslation();
  return (kind) => t(`memberships.kind.${kind as Kind}`, { defaultValue: kind });
}

/** 123456 fen → "¥1,234.56" (the shared formatter; the page's language does not change it). */
export function formatYuan(fen: number, _lang?: string): string {
  return sharedFormatYuan(fen);
}

export { formatDate } from '../../platform/lib/format.ts';

/** Shows an action's error as a toast; the server's message is already in the user's language. */
export function useRun() {
  const { message } = useFeedback();
  return async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
      return true;
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
      return false;
    }
  };
}
