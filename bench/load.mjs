// The load generator in its own process: `measure` (bench/lib.ts) forks this file, sends autocannon's
// options over IPC and gets the result back, so autocannon never shares the event loop (or the CPU
// time slice) of the server it measures. Plain JavaScript: no TypeScript loader in the child.
import autocannon from 'autocannon';

process.once('message', async (opts) => {
  try {
    const before = process.cpuUsage();
    const r = await autocannon(opts);
    const used = process.cpuUsage(before);
    process.send?.({
      total: r.requests.total,
      loadgenCpu: used.user + used.system,
      ok: true,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
    });
  } catch (error) {
    process.send?.({ ok: false, error: String(error) });
  }
  process.disconnect?.();
});
