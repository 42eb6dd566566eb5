// PLACEHOLDER until identity lands: demo partners, users and operators.
import type { AppContext } from '../context.ts';

export async function seedDemo(_ctx: AppContext): Promise<void> {}
