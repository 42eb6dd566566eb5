import { type Database, openDatabase } from '@pc/db';
import { describe, expect, it } from 'vitest';
import { messageIdOf } from '../../src/platform/notifications/email.ts';
import { DELIVER_JOB } from '../../src/platform/notifications/notifier.ts';
import { Browser, type ServerProcess, startServerProcess } from '../processes.ts';
import { startSmtp } from '../smtp.ts';
import { type BudgetWriter, budgetStep, budgetWriters, setUpBudgetWriter } from './alerts.ts';
import { ingest, serverEnv } from './load.ts';
import { record, setting } from './record.ts';

const WRITERS = 4;
const BATCH = 5;
const MAIL_FROM = 'Partner Center <no-reply@crash.test>';
/** The notifier takes a `sending` record again once its claim is older than 10 minutes. */
const CLOCK_AHEAD_MS = 11 * 60_000;
/** pg-boss's maintenance (it expires jobs a dead process held) runs every 2 minutes per process. */
const MAINTENANCE_MS = 120_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const bare = (id: string) => id.replace(/^<|>$/g, '');

/**
 * Work a killed process may have left: due jobs not finished, deliveries it held, notifications not
 * sent. Other jobs it held (expiry 10 min to 1 h) are not waited for: they are reported.
 */
async function leftovers(db: Database) {
  const jobs = await db.query<{ state: string; n: number; until: number | null }>(
    `select state::text, count(*)::int as n,
            (extract(epoch from max(case when state = 'active' then started_on + expire_in else start_after end)) * 1000)::float8 as until
       from pgboss.job
      where (state = 'active' and name = $1) or (state in ('created', 'retry') and start_after <= now() + interval '2 minutes')
      group by 1`,
    [DELIVER_JOB],
  );
  const unsent = await db.query<{ n: number }>(
    "select count(*)::int as n from notifications where status in ('pending', 'sending', 'retrying')",
  );
  const n = jobs.rows.reduce((s, r) => s + r.n, 0) + (unsent.rows[0]?.n ?? 0);
  const active = jobs.rows.filter((r) => r.state === 'active').reduce((s, r) => s + r.n, 0);
  const until = Math.max(0, ...jobs.rows.map((r) => Number(r.until ?? 0)));
  return { n, active, jobs: jobs.rows, unsent: unsent.rows[0]?.n ?? 0, until };
}

const open = (env: Record<string, string>) =>
  openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL, poolSize: 1 } : { dataDir: env.DATA_DIR });

/**
 * kill -9 under a mixed write load (spend batches, and budget crossings that send alert email
 * through a real SMTP server), again and again; then every acknowledged write must be there, every
 * alert email received, no notification doubled.
 */
describe('reliability: crash', () => {
  it('keeps every acknowledged write and sends every alert email once across repeated kill -9', async () => {
    const rounds = setting('RELIABILITY_CRASHES', 20);
    const smtp = await startSmtp();
    const env: Record<string, string> = { ...(await serverEnv()), SMTP_URL: smtp.url, MAIL_FROM };
    const acked = new Set<string>();
    const budget: BudgetWriter[] = budgetWriters();
    let attempts = 0;
    let refused = 0;
    const started = Date.now();
    let server: ServerProcess | undefined;
    try {
      for (let round = 0; round < rounds; round++) {
        server = await startServerProcess(env, { args: round === 0 ? ['--demo'] : [] });
        const base = server.url;
        if (round === 0) for (const w of budget) await setUpBudgetWriter(w, base);
        let stop = false;
        const spend = Array.from({ length: WRITERS }, async () => {
          while (!stop) {
            attempts++;
            const r = await ingest(base, BATCH);
            if (r.ids) for (const id of r.ids) acked.add(id);
            else if (r.status !== 0) refused++;
            if (r.status === 0) await sleep(50);
          }
        });
        const crossings = budget.map(async (w) => {
          while (!stop) if (!(await budgetStep(w, base))) await sleep(50);
        });
        // Kill at a random moment of the load: 0.5 to 3 s after the round's first answered write (a
        // server just started on a busy machine may take seconds for its first answers).
        const answered = acked.size + budget.reduce((s, w) => s + w.answered, 0);
        for (let i = 0; i < 600 && acked.size + budget.reduce((s, w) => s + w.answered, 0) === answered; i++)
          await sleep(50);
        await sleep(500 + Math.floor(Math.random() * 2500));
        await server.kill();
        stop = true;
        await Promise.all([...spend, ...crossings]);
      }

      // The drain: start again with the clock 11 minutes ahead (a record a killed process left
      // `sending` is stale then, as after a real wait) and let the workers finish. Jobs a killed
      // process held stay `active` until pg-boss's maintenance expires them (5 min for deliveries,
      // checked every 2 min), then they run again: for those the drain really waits.
      let drainStarts = 0;
      let left = { n: 0, active: 0, jobs: [] as unknown[], unsent: 0, until: 0 };
      const drainStarted = Date.now();
      for (let pass = 0; pass < 3; pass++) {
        const before = await open(env);
        left = await leftovers(before);
        await before.close();
        if (pass > 0 && left.n === 0) break;
        console.log(`crash drain ${pass}: ${JSON.stringify(left)}`);
        server = await startServerProcess({ ...env, CLOCK_CONTROL: '1' });
        drainStarts++;
        const up = Date.now();
        const b = new Browser(server.url);
        await b.fetch('/api/auth/csrf');
        const moved = await b.fetch('/api/test/clock', {
          method: 'POST',
          json: { at: new Date(Date.now() + CLOCK_AHEAD_MS).toISOString() },
        });
        if (moved.status !== 200) throw new Error(`clock: ${moved.status} ${await moved.text()}`);
        // Held jobs: until a maintenance after the last one's expiry (the 2-minute interval starts
        // while the server starts, so its phase is unknown: one whole interval after the expiry),
        // plus its retry delay (10–20 s) and the send. Otherwise a short drain.
        const until = left.active > 0 ? Math.max(up, left.until) + MAINTENANCE_MS + 45_000 : up + 20_000;
        if (env.DATABASE_URL) {
          const db = await open(env);
          while (Date.now() < until && (await leftovers(db)).n > 0) await sleep(1000);
          await db.close();
        } else await sleep(Math.max(0, until - Date.now()));
        await server.stop();
        server = undefined;
      }
      const after = await open(env);
      left = await leftovers(after);
      await after.close();
      const drainSeconds = Math.round((Date.now() - drainStarted) / 1000);
      // Mail the SMTP server may still be reading.
      await sleep(1000);

      const check = await open(env);
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
        const due = await check.query<{ name: string; state: string; n: number }>(
          `select name, state::text, count(*)::int as n from pgboss.job
            where state in ('created', 'retry', 'active') and start_after <= now() group by 1, 2`,
        );
        const stuck = due.rows.filter((r) => r.state !== 'active').reduce((s, r) => s + r.n, 0);
        const claimedByKilled = due.rows.filter((r) => r.state === 'active').reduce((s, r) => s + r.n, 0);
        const retried = jobs.rows.reduce((s, r) => s + r.retried, 0);
        const missing = ids.filter((id) => !found.has(id));

        // Budget crossings: every acknowledged one has its three alerts, each its email record.
        const crossingIds = budget.flatMap((w) => w.acked);
        const alerts = await check.query<{ id: string; record_id: string; threshold: number }>(
          'select id, record_id, threshold from budget_alerts where record_id = any($1)',
          [crossingIds],
        );
        const thresholdsOf = new Map<string, number[]>();
        for (const a of alerts.rows)
          thresholdsOf.set(
            a.record_id,
            [...(thresholdsOf.get(a.record_id) ?? []), a.threshold].sort((x, y) => x - y),
          );
        const crossingsWithoutAlerts = crossingIds.filter(
          (id) => (thresholdsOf.get(id) ?? []).join() !== '75,90,100',
        );
        const mails = await check.query<{
          id: string;
          idempotency_key: string;
          status: string;
          attempts: number;
        }>("select id, idempotency_key, status, attempts from notifications where channel = 'email'");
        const messageIdOfRecord = new Map(
          mails.rows.map((m) => [
            m.id,
            bare(messageIdOf({ id: m.id, idempotencyKey: m.idempotency_key }, MAIL_FROM)),
          ]),
        );
        const received = new Map<string, number>();
        for (const m of smtp.mails)
          received.set(bare(m.messageId), (received.get(bare(m.messageId)) ?? 0) + 1);
        const alertIds = new Set(alerts.rows.map((a) => a.id));
        const ackedAlertMails = mails.rows.filter((m) => alertIds.has(m.idempotency_key.split(':')[1] ?? ''));
        const ackedAlertMailsNotReceived = ackedAlertMails.filter(
          (m) => !received.has(messageIdOfRecord.get(m.id) ?? ''),
        );
        const alertsWithoutMail = alerts.rows.filter(
          (a) => !ackedAlertMails.some((m) => m.idempotency_key.startsWith(`budget-alert:${a.id}:`)),
        );
        const expected = new Set(messageIdOfRecord.values());
        const notReceived = [...expected].filter((id) => !received.has(id));
        const unknownReceived = [...received.keys()].filter((id) => !expected.has(id));
        const resends = [...received.values()].reduce((s, n) => s + n - 1, 0);
        const byStatus: Record<string, number> = {};
        for (const m of mails.rows) byStatus[m.status] = (byStatus[m.status] ?? 0) + 1;
        // One notification per logical event: one alert per (customer, period, generation,
        // threshold), one record per idempotency key.
        const doubleAlerts = await check.query<{ n: number }>(
          `select count(*)::int as n from (select 1 from budget_alerts
            group by customer_id, period_key, generation, threshold having count(*) > 1) d`,
        );
        const doubleKeys = await check.query<{ n: number }>(
          'select count(*)::int as n from (select 1 from notifications group by idempotency_key having count(*) > 1) d',
        );
        const allAlerts = await check.query<{ n: number }>('select count(*)::int as n from budget_alerts');

        record('crash', {
          rounds,
          writers: WRITERS,
          batch: BATCH,
          attempts,
          acknowledgedRecords: ids.length,
          missingRecords: missing.length,
          refusedBatches: refused,
          budgetWriters: budget.length,
          budgetRequests: budget.reduce((s, w) => s + w.requests, 0),
          budgetRefused: budget.reduce((s, w) => s + w.refused, 0),
          acknowledgedCrossings: crossingIds.length,
          crossingsWithoutAlerts: crossingsWithoutAlerts.length,
          alertsOfAcknowledgedCrossings: alerts.rows.length,
          alertsWithoutMail: alertsWithoutMail.length,
          alertsAll: allAlerts.rows[0]?.n ?? 0,
          alertEmailsOfAcknowledgedCrossings: ackedAlertMails.length,
          alertEmailsNotReceived: ackedAlertMailsNotReceived.length,
          emailNotifications: mails.rows.length,
          emailNotificationsByStatus: byStatus,
          emailsReceived: smtp.mails.length,
          distinctMessageIds: received.size,
          messageIdsNotReceived: notReceived.length,
          messageIdsUnknown: unknownReceived.length,
          resends,
          doubleAlerts: doubleAlerts.rows[0]?.n ?? 0,
          doubleNotificationKeys: doubleKeys.rows[0]?.n ?? 0,
          drainStarts,
          drainSeconds,
          leftAfterDrain: left,
          jobsByState: byState,
          jobsDueNotDone: stuck,
          jobsClaimedByKilledProcess: claimedByKilled,
          jobsWaiting: due.rows,
          jobsRetriedAfterCrash: retried,
          seconds: Math.round((Date.now() - started) / 1000),
        });
        expect(ids.length).toBeGreaterThan(0);
        expect(missing).toEqual([]);
        expect(crossingIds.length).toBeGreaterThan(0);
        expect(crossingsWithoutAlerts).toEqual([]);
        expect(alertsWithoutMail.map((a) => a.id)).toEqual([]);
        expect(ackedAlertMailsNotReceived.map((m) => m.id)).toEqual([]);
        expect(notReceived).toEqual([]);
        expect(unknownReceived).toEqual([]);
        expect(received.size).toBe(mails.rows.length);
        expect(doubleAlerts.rows[0]?.n).toBe(0);
        expect(doubleKeys.rows[0]?.n).toBe(0);
        expect(byState.failed ?? 0).toBe(0);
        expect(stuck).toBe(0);
        expect(left.n).toBe(0);
      } finally {
        await check.close();
      }
    } finally {
      await server?.kill();
      await smtp.close();
    }
  });
});
