import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A local HTTP receiver for delivery tests: records every request and answers with the status the
 * test chose for that path (200 unless told otherwise).
 */
export class Receiver {
  readonly received: Received[] = [];
  private readonly statusByPath = new Map<string, (r: Received) => number>();
  private server: Server | null = null;
  private readonly hanging = new Set<string>();
  base = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const r: Received = {
          path: req.url ?? '/',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        this.received.push(r);
        if (this.hanging.has(r.path)) return; // never answers: the sender's timeout must fire
        const status = this.statusByPath.get(r.path)?.(r) ?? 200;
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(status < 300 ? 'ok' : `failure ${status} ${'x'.repeat(3000)}`);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Answers requests to `path` with what `fn` returns. */
  answer(path: string, fn: (r: Received) => number): void {
    this.statusByPath.set(path, fn);
  }

  /** Requests to `path` are read but never answered. */
  hang(path: string): void {
    this.hanging.add(path);
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
