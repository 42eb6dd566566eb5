// PLACEHOLDER until the job runtime lands.
import type { JobQueue } from '../context.ts';

export function createJobQueue(): JobQueue {
  return {
    async send() {
      return null;
    },
  };
}
