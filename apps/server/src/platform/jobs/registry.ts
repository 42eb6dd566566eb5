import type { ModuleManifest } from '../module.ts';
import { notificationJobs } from '../notifications/notifications.jobs.ts';
import type { JobDefinition } from './job-definition.ts';
import { schedulerJobs } from './scheduler.jobs.ts';

/** Every job: the platform's own (notification delivery, slot pruning) and each module's `jobs`. */
export function jobsOf(modules: readonly ModuleManifest[]): JobDefinition[] {
  return [...notificationJobs, ...schedulerJobs, ...modules.flatMap((m) => m.jobs)];
}
