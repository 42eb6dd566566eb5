// `npm start` as an operator meets it: the printed addresses, one process per PGlite directory,
// and a restart after a crash (SIGKILL) that is not blocked by the dead process's lock.
import { afterAll, describe, expect, it } from 'vitest';
import {
  type RunningServer,
  removeDataDir,
  spawnServer,
  startServer,
  tempDataDir,
} from './support/server.ts';

describe('server start on the embedded database', () => {
  const dataDir = tempDataDir();
  const running: RunningServer[] = [];
  afterAll(async () => {
    for (const s of running) await s.kill();
    removeDataDir(dataDir);
  });

  it('prints where the portal, console and API reference are', async () => {
    const server = await startServer({ dataDir });
    running.push(server);
    const out = server.output();
    expect(out).toContain(`Partner portal     ${server.url}/`);
    expect(out).toContain(`Operator console   ${server.url}/console`);
    expect(out).toContain(`API reference      ${server.url}/docs`);
    expect(out).toContain('Demo sign-ins');
    const docs = await fetch(`${server.url}/docs`);
    expect(docs.status).toBe(200);
  });

  it('refuses a second server on the same data directory with a clear message', async () => {
    const first = running[0]!;
    const second = await spawnServer({ dataDir });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`is in use by process ${first.child.pid}`);
    expect((await fetch(`${first.url}/ready`)).status).toBe(200);
  });

  it('starts again after the previous server was killed, keeping its data', async () => {
    const first = running[0]!;
    await first.kill();
    const again = await startServer({ dataDir });
    running.push(again);
    const ready = await (await fetch(`${again.url}/ready`)).json();
    expect(ready).toMatchObject({ status: 'ready', database: 'up' });
  });
});
