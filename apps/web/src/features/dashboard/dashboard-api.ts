import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../platform/api/client.ts';
import type { ResponseOf } from '../../platform/api/types.ts';

export type DashboardSummary = ResponseOf<'/api/dashboard', 'get'>;

/** The partner's dashboard in one request (loaded by the dashboard's widgets, not its first paint). */
export function useDashboard() {
  return useQuery({ queryKey: ['dashboard'], queryFn: () => unwrap(api.GET('/api/dashboard')) });
}
