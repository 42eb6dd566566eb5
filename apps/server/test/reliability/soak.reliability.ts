import { describe, expect, it } from 'vitest';
import { Browser, startServerProcess } from '../processes.ts';
import { ingest, rssMb, serverEnv } from './load.ts';
import { record, setting } from './record.ts';

/** Mixed load for a while (RELIABILITY_SOAK_MINUTES, 30 by default): error rate and memory. */
describe('reliability: soak', () => {
  it('serves a mixed load without errors and with flat memory', async () => {
    const minutes = setting('RELIABILITY_SOAK_MINUTES', 30);
    const env = await serverEnv();
    const server = await startServerProcess(env, { args: ['--demo'] });
    const pid = server.proc.pid as number;
    try {
      const partner = new Browser(server.url);
      await partner.signIn('admin@solution.demo', 'Demo@2026');
      const operator = new Browser(server.url);
      await operator.signIn('finance@operator.demo', 'Demo@2026');
      const counts = { requests: 0, errors: 0, byKind: {} as Record<string, number> };
      const errors: string[] = [];
      const tally = (kind: string, status: number, ok: boolean) => {
        counts.requests++;
        counts.byKind[kind] = (counts.byKind[kind] ?? 0) + 1;
        if (!ok) {
          counts.errors++;
          if (errors.length < 20) errors.push(`${kind} → ${status}`);
        }
      };
      const get = async (who: Browser, kind: string, path: string) => {
        const res = await who.fetch(path).catch(() => null);
        await res?.arrayBuffer();
        tally(kind, res?.status ?? 0, res?.status === 200);
      };
      const mix: (() => Promise<void>)[] = [
        () => get(partner, 'portal GET /api/me', '/api/me'),
        () => get(partner, 'portal GET /api/customers', '/api/customers'),
        () => get(operator, 'console GET /api/console/spend/imports', '/api/console/spend/imports'),
        async () => {
          const r = await ingest(server.url, 20);
          tally('ingest POST /api/ingest/spend', r.status, r.ids !== null);
        },
        () => get(partner, 'GET /health', '/health'),
      ];
      const memory: { minute: number; rssMb: number }[] = [{ minute: 0, rssMb: rssMb(pid) }];
      const end = Date.now() + minutes * 60_000;
      const started = Date.now();
      let stop = false;
      const sampler = setInterval(() => {
        memory.push({ minute: Math.round((Date.now() - started) / 6_000) / 10, rssMb: rssMb(pid) });
      }, 15_000);
      const workers = Array.from({ length: 4 }, async (_, w) => {
        for (let i = w; !stop; i++) {
          await (mix[i % mix.length] as () => Promise<void>)();
          if (Date.now() > end) stop = true;
        }
      });
      await Promise.all(workers);
      clearInterval(sampler);
      memory.push({ minute: Math.round((Date.now() - started) / 6_000) / 10, rssMb: rssMb(pid) });
      // Memory after warm-up (the first quarter) against the end.
      const warm = memory.filter((m) => m.minute >= minutes / 4);
      const first = warm[0]?.rssMb ?? 0;
      const last = memory.at(-1)?.rssMb ?? 0;
      record('soak', {
        minutes,
        ...counts,
        errorRate: counts.requests ? counts.errors / counts.requests : 0,
        perSecond: Math.round(counts.requests / ((Date.now() - started) / 1000)),
        errorSamples: errors,
        rssMb: {
          start: memory[0]?.rssMb,
          afterWarmUp: first,
          end: last,
          max: Math.max(...memory.map((m) => m.rssMb)),
        },
        memory,
      });
      expect(counts.requests).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
