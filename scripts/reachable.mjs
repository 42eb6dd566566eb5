import net from 'node:net';

/** Whether a TCP connection to the host and port of a PostgreSQL URL opens within 1.5 s. */
export function reachable(url) {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect({ host: u.hostname, port: Number(u.port || 5432) });
    s.setTimeout(1500);
    const done = (ok) => {
      s.destroy();
      resolve(ok);
    };
    s.on('connect', () => done(true));
    s.on('error', () => done(false));
    s.on('timeout', () => done(false));
  });
}
