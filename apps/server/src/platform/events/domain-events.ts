import type { DbOrTx } from '@pc/db';
import type { AppContext } from '../context.ts';

/**
 * A domain event: something a module tells others happened, inside the transaction that made it
 * happen. The publisher knows nothing of its listeners, so dependencies run one way (spend
 * publishes, budgets listens). `P` is the payload type; the value only carries the name.
 */
export interface DomainEvent<P> {
  readonly name: string;
  /** Type-only: ties the payload type to the event. Never set. */
  readonly payload?: P;
}

export function defineEvent<P>(name: string): DomainEvent<P> {
  return { name };
}

/** One module's reaction to an event; runs in the publisher's transaction, so both commit or neither. */
export interface Listener<P = never> {
  event: DomainEvent<P>;
  handle(ctx: AppContext, tx: DbOrTx, payload: P): Promise<void>;
}

/** Typed listener for a manifest's `listeners` list. */
export function listen<P>(
  event: DomainEvent<P>,
  handle: (ctx: AppContext, tx: DbOrTx, payload: P) => Promise<void>,
): Listener<P> {
  return { event, handle };
}

export interface DomainEvents {
  /** Runs every listener of the event, in MODULES order, in the caller's transaction. */
  publish<P>(tx: DbOrTx, event: DomainEvent<P>, payload: P): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: listeners of different payloads share one list
type AnyListener = Listener<any>;

/** The dispatcher: built once from the modules' listeners. `ctx` is read when an event is published. */
export function createDomainEvents(listeners: readonly AnyListener[], ctx: () => AppContext): DomainEvents {
  const byName = new Map<string, AnyListener[]>();
  for (const l of listeners) byName.set(l.event.name, [...(byName.get(l.event.name) ?? []), l]);
  return {
    async publish(tx, event, payload) {
      for (const l of byName.get(event.name) ?? []) await l.handle(ctx(), tx, payload);
    },
  };
}
