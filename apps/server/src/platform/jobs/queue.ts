import type { Database } from '@pc/db';
import PgBoss from 'pg-boss';
import type { JobQueue, SendJobOptions } from '../context.ts';
import { assertCron } from './cron.ts';
import type { JobDefinition } from './job-definition.ts';
import { pgliteExecutor, transactionExecutor } from './sql-executor.ts';

export interface FetchedJob {
  id: string;
  name: string;
  data: unknown;
  retryCount: number;
}

/** deadlock_detected, unique_violation (catalog rows), duplicate_table. */
const RACE_CODES = new Set(['40P01', '23505', '42P07']);

export class UnknownJobError extends Error {
  constructor(readonly jobName: string) {
    super(`no job named ${jobName} is registered`);
    this.name = 'UnknownJobError';
  }
}

function bossOptions(database: Database, extra: PgBoss.ConstructorOptions): PgBoss.ConstructorOptions {
  if (database.kind === 'pglite') return { db: pgliteExecutor(database), ...extra };
  // On PostgreSQL the queue has a small pool of its own, so polling never starves requests.
  const connectionString = database.pool?.options.connectionString;
  if (!connectionString) throw new Error('the PostgreSQL pool has no connection string');
  return { connectionString, max: 3, application_name: 'partner-center-jobs', ...extra };
}

/**
 * The job queue: pg-boss 10 (its tables in the `pgboss` schema) on PostgreSQL, or on PGlite
 * through its `db` adapter. Jobs stay in the database, so they survive restarts; a job sent with
 * `{ tx }` commits or rolls back with the caller's change.
 */
export class BossJobQueue implements JobQueue {
  readonly defs: ReadonlyMap<string, JobDefinition>;
  private readonly boss: PgBoss;
  private supervisor: PgBoss | null = null;
  private sentSinceWake = false;
  private readonly wakeListeners = new Set<() => void>();

  constructor(
    private readonly database: Database,
    defs: readonly JobDefinition[],
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {
    const byName = new Map<string, JobDefinition>();
    for (const d of defs) {
      if (byName.has(d.name)) throw new Error(`job ${d.name} is defined twice`);
      if (d.cron) assertCron(d.name, d.cron);
      byName.set(d.name, d);
    }
    this.defs = byName;
    this.boss = new PgBoss(bossOptions(database, { supervise: false, schedule: false, migrate: true }));
    this.boss.on('error', onError);
  }

  /** Installs or upgrades the queue's tables and creates one queue per registered job. */
  async start(): Promise<void> {
    await this.boss.start();
    const existing = new Set((await this.boss.getQueues()).map((q) => q.name));
    for (const def of this.defs.values()) {
      if (!existing.has(def.name)) await this.createQueue(def.name);
    }
  }

  /**
   * Two processes starting together both create the missing queues; PostgreSQL may pick one of
   * them as a deadlock victim (seen in scheduler.processes.test.ts). The other one's queue is then
   * there, and the retry finds it.
   */
  private async createQueue(name: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.boss.createQueue(name);
        return;
      } catch (err) {
        const code = (err as { code?: string }).code ?? '';
        if (attempt >= 5 || !RACE_CODES.has(code)) throw err;
        await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 50));
      }
    }
  }

  /**
   * Starts pg-boss's maintenance in this process: it expires jobs whose worker died mid-run (so
   * they are retried) and archives finished ones. Safe to run in several processes.
   */
  async startSupervisor(): Promise<void> {
    if (this.supervisor) return;
    this.supervisor = new PgBoss(
      bossOptions(this.database, { supervise: true, schedule: false, migrate: false }),
    );
    this.supervisor.on('error', this.onError);
    await this.supervisor.start();
  }

  definition(name: string): JobDefinition {
    const def = this.defs.get(name);
    if (!def) throw new UnknownJobError(name);
    return def;
  }

  async send(name: string, payload: object, opts: SendJobOptions = {}): Promise<string | null> {
    const def = this.definition(name);
    const data = def.payload.parse(payload);
    if (!opts.startAfter) this.sentSinceWake = true;
    return this.boss.send(name, data, {
      db: opts.tx ? transactionExecutor(opts.tx) : undefined,
      startAfter: opts.startAfter,
      singletonKey: opts.singletonKey,
      retryLimit: opts.retryLimit ?? def.retryLimit,
      retryBackoff: def.retryBackoff,
      retryDelay: def.retryDelaySeconds ?? 10,
      expireInSeconds: def.expireInSeconds ?? 15 * 60,
    });
  }

  async sendMany(name: string, payloads: readonly object[], opts: SendJobOptions = {}): Promise<void> {
    if (payloads.length === 0) return;
    const def = this.definition(name);
    if (!opts.startAfter) this.sentSinceWake = true;
    await this.boss.insert(
      payloads.map((p) => ({
        name,
        data: def.payload.parse(p),
        startAfter: opts.startAfter,
        singletonKey: opts.singletonKey,
        retryLimit: opts.retryLimit ?? def.retryLimit,
        retryBackoff: def.retryBackoff,
        retryDelay: def.retryDelaySeconds ?? 10,
        expireInSeconds: def.expireInSeconds ?? 15 * 60,
      })),
      { db: opts.tx ? transactionExecutor(opts.tx) : undefined },
    );
  }

  /**
   * Wakes this process's worker when jobs were sent since the last call. The app calls it after each
   * response — by then the request's transaction has committed, so the worker finds the jobs at once
   * (an alert's SMS and email leave within milliseconds, not at the next poll).
   */
  wakeIfSent(): void {
    if (!this.sentSinceWake) return;
    this.sentSinceWake = false;
    for (const fn of this.wakeListeners) fn();
  }

  onWake(fn: () => void): () => void {
    this.wakeListeners.add(fn);
    return () => this.wakeListeners.delete(fn);
  }

  /** Takes up to `batchSize` due jobs of one queue and marks them active. */
  async fetch(name: string, batchSize: number): Promise<FetchedJob[]> {
    const jobs = await this.boss.fetch<unknown>(name, { batchSize, includeMetadata: true });
    return jobs.map((j) => ({ id: j.id, name: j.name, data: j.data, retryCount: j.retryCount }));
  }

  complete(name: string, id: string): Promise<void> {
    return this.boss.complete(name, id);
  }

  /** Records the failure; pg-boss schedules the retry (with backoff) or marks the job failed. */
  fail(name: string, id: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    return this.boss.fail(name, id, { message: message.slice(0, 2000) });
  }

  /** The state pg-boss keeps for a job (tests and operators). */
  async job(name: string, id: string) {
    return this.boss.getJobById<unknown>(name, id);
  }

  async stop(): Promise<void> {
    const s = this.supervisor;
    this.supervisor = null;
    if (s) await s.stop({ graceful: false, wait: true, close: true });
    await this.boss.stop({ graceful: false, wait: true, close: true });
  }
}

/** Creates the queue and installs its tables; called once by buildApp. */
export async function createJobQueue(
  database: Database,
  opts: { defs: readonly JobDefinition[]; onError?: (err: unknown) => void },
): Promise<BossJobQueue> {
  const queue = new BossJobQueue(database, opts.defs, opts.onError);
  await queue.start();
  return queue;
}
