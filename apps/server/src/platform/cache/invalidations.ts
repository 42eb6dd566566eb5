import type { Database, DbOrTx } from '@pc/db';
import { sql } from 'drizzle-orm';
import pg from 'pg';

// Cross-process cache invalidation for the in-memory caches of the hot paths (partner API keys,
// sessions). A change announces `topic:id` with pg_notify inside its transaction, so every server
// process on the database hears it when the change commits (LISTEN/NOTIFY); this process forgets at
// once as well. While a process's listening connection is down it may have missed announcements:
// `live` is false then, caches must read through, and on reconnect every cache is cleared.

export const INVALIDATION_CHANNEL = 'pc_invalidate';
const RECONNECT_MS = 250;

type Handler = (id: string) => void;

export interface Invalidations {
  /** True while this process hears every announcement: only then may a cache answer from memory. */
  readonly live: boolean;
  /** `fn(id)` for each announcement of `topic`; `fn('*')` when announcements may have been missed. */
  on(topic: string, fn: Handler): void;
  close(): Promise<void>;
}

const instances = new Set<{ dispatch(payload: string): void }>();

/**
 * Announces that what `topic:id` names changed: forgotten at once by every app in this process,
 * and by every other process when `db`'s transaction commits (at once when `db` is no transaction).
 */
export async function announce(db: DbOrTx, topic: string, id: string): Promise<void> {
  const payload = `${topic}:${id}`;
  for (const i of instances) i.dispatch(payload);
  await db.execute(sql`select pg_notify(${INVALIDATION_CHANNEL}, ${payload})`);
}

export async function createInvalidations(
  database: Database,
  onError: (err: unknown) => void = () => {},
): Promise<Invalidations> {
  const handlers = new Map<string, Handler[]>();
  let live = database.kind === 'pglite'; // one process: every change goes through `announce` here
  let closed = false;
  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;

  const all = (id: string) => {
    for (const list of handlers.values()) for (const fn of list) fn(id);
  };
  const self = {
    dispatch(payload: string) {
      const colon = payload.indexOf(':');
      if (colon < 0) return;
      for (const fn of handlers.get(payload.slice(0, colon)) ?? []) fn(payload.slice(colon + 1));
    },
  };
  instances.add(self);

  const connect = async () => {
    if (closed || !database.pool) return;
    const c = new pg.Client(database.pool.options);
    const lost = (err?: unknown) => {
      if (client !== c) return;
      client = undefined;
      live = false;
      if (err) onError(err);
      c.end().catch(() => {});
      if (!closed) timer = setTimeout(connect, RECONNECT_MS);
    };
    c.on('notification', (msg) => {
      if (msg.channel === INVALIDATION_CHANNEL && msg.payload) self.dispatch(msg.payload);
    });
    c.on('error', lost);
    c.on('end', () => lost());
    client = c;
    try {
      await c.connect();
      await c.query(`listen ${INVALIDATION_CHANNEL}`);
      if (client !== c) return;
      all('*'); // whatever was cached before this connection listened may be stale
      live = true;
    } catch (err) {
      lost(err);
    }
  };
  if (database.kind === 'postgres') await connect();

  return {
    get live() {
      return live;
    },
    on(topic, fn) {
      const list = handlers.get(topic) ?? [];
      list.push(fn);
      handlers.set(topic, list);
    },
    async close() {
      closed = true;
      live = false;
      instances.delete(self);
      if (timer) clearTimeout(timer);
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}
