import { openDatabase } from '@pc/db';
import { describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../processes.ts';
import { ingest, serverEnv } from './load.ts';
import { record, setting } from './record.ts';

const WRITERS = 4;
const BATCH = 5;

/** kill -9 under a write load, again and again; then every acknowledged write must be there. */
describe('reliability: crash', () => {
  it('keeps every acknowledged write across repeated kill -9', async () => {
    const rounds = setting('RELIABILITY_CRASHES', 20);
    const env = await serverEnv();
    const acked = new Set<string>();
    let attempts = 0;
    let refused = 0;
    const started = Date.now();
    let server: ServerProcess | undefined;
    try {
      for (let round = 0; round < rounds; round++) {
        server = await startServerProcess(env, { args: round === 0 ? ['--demo'] : [] });
        const base = server.url;
        let stop = false;
        const writers = Array.from({ length: WRITERS }, async () => {
          while (!stop) {
            attempts++;
            const r = await ingest(base, BATCH);
            if (r.ids) for (const id of r.ids) acked.add(id);
            else if (r.status !== 0) refused++;
            if (r.status === 0) await new Promise((res) => setTimeout(res, 50));
          }
        });
        // Kill at a random moment of the load: 0.5 to 3 s in.
        await new Promise((r) => setTimeout(r, 500 + Math.floor(Math.random() * 2500)));
        await server.kill();
        stop = true;
        await Promise.all(writers);
      }
      // Start once more (leftovers are recovered at start), let the job workers drain, stop cleanly.
      server = await startServerProcess(env);
      const db = env.DATABASE_URL ? await openDatabase({ url: env.DATABASE_URL, poolSize: 1 }) : undefined;
      const pending =
        "select count(*)::int as n from pgboss.job where state in ('created', 'retry', 'active') and start_after <= now()";
      for (let i = 0; db && i < 120 && ((await db.query<{ n: number }>(pending)).rows[0]?.n ?? 0) > 0; i++)
        await new Promise((r) => setTimeout(r, 500));
      if (!db) await new Promise((r) => setTimeout(r, 15_000));
      await db?.close();
      await server.stop();
      server = undefined;

      const check = await openDatabase(
        env.DATABASE_URL ? { url: env.DATABASE_URL, poolSize: 1 } : { dataDir: env.DATA_DIR },
      );
      try {
        const ids = [...acked];
        const found = new Set<string>();
        for (let i = 0; i < ids.length; i += 1000) {
          const rows = await check.query<{ record_id: string }>(
            'select record_id from spend_records where record_id = any($1)',
            [ids.slice(i, i + 1000)],
          );
          for (const r of rows.rows) found.add(r.record_id);
        }
        const jobs = await check.query<{ state: string; n: number; retried: number }>(
          'select state::text, count(*)::int as n, count(*) filter (where retry_count > 0)::int as retried from pgboss.job group by state',
        );
        const byState = Object.fromEntries(jobs.rows.map((r) => [r.state, r.n]));
        // Due and still waiting after the drain (a job scheduled for later is not due yet). A job a killed
        // process had claimed stays `active` until pg-boss expires it (15 min) and runs it again.
        const due = await check.query<{ name: string; state: string; n: number }>(
          `select name, state::text, count(*)::int as n from pgboss.job
            where state in ('created', 'retry', 'active') and start_after <= now() group by 1, 2`,
        );
        const stuck = due.rows.filter((r) => r.state !== 'active').reduce((s, r) => s + r.n, 0);
        const claimedByKilled = due.rows.filter((r) => r.state === 'active').reduce((s, r) => s + r.n, 0);
        const retried = jobs.rows.reduce((s, r) => s + r.retried, 0);
        const missing = ids.filter((id) => !found.has(id));
        record('crash', {
          rounds,
          writers: WRITERS,
          batch: BATCH,
          attempts,
          acknowledgedRecords: ids.length,
          missingRecords: missing.length,
          refusedBatches: refused,
          jobsByState: byState,
          jobsDueNotDone: stuck,
          jobsClaimedByKilledProcess: claimedByKilled,
          jobsWaiting: due.rows,
          jobsRetriedAfterCrash: retried,
          seconds: Math.round((Date.now() - started) / 1000),
        });
        expect(ids.length).toBeGreaterThan(0);
        expect(missing).toEqual([]);
        expect(byState.failed ?? 0).toBe(0);
        expect(stuck).toBe(0);
      } finally {
        await check.close();
      }
    } finally {
      await server?.kill();
    }
  });
});
