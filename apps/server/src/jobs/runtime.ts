// PLACEHOLDER until the job runtime lands.

import type { Role } from '../config.ts';
import type { AppContext } from '../context.ts';

export async function startJobRuntime(_ctx: AppContext, _roles: Role[]): Promise<{ stop(): Promise<void> }> {
  return { stop: async () => {} };
}
