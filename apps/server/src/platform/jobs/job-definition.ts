import type { z } from 'zod';
import type { AppContext } from '../context.ts';

export interface JobRun {
  /** The queue's job id. */
  id: string;
  /** 0 on the first run, then 1, 2, … on retries. */
  retryCount: number;
}

/**
 * A job as data: its name, the shape of its payload, how to run it and how to retry it. Handlers
 * must be idempotent: a job may run again after a crash or a lost acknowledgement.
 */
export interface JobDefinition<P extends object = object> {
  name: string;
  payload: z.ZodType<P>;
  handler(ctx: AppContext, payload: P, run: JobRun): Promise<void>;
  /** Retries after the first failure. */
  retryLimit: number;
  /** Doubles the delay on each retry (with jitter) when true. */
  retryBackoff: boolean;
  /** Seconds before the first retry; defaults to 10. */
  retryDelaySeconds?: number;
  /** A run taking longer is treated as crashed and retried; defaults to 15 minutes. */
  expireInSeconds?: number;
  /**
   * Five-field cron, evaluated in Asia/Shanghai. Each slot runs once across all processes; the
   * payload of a scheduled run is `{ slot }` (ISO instant of the slot).
   */
  cron?: string;
  /** How late a missed slot may still be started (after a restart); defaults to 60 minutes. */
  catchUpMinutes?: number;
}

/** Keeps the payload type of the handler tied to its schema. */
export function defineJob<P extends object>(def: JobDefinition<P>): JobDefinition<P> {
  return def;
}

/** The payload every scheduled run receives. */
export interface SlotPayload {
  slot: string;
}
