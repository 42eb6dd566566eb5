import type { DbOrTx } from '@pc/db';

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

/** One reaction to an event; runs in the publisher's transaction, so both commit or neither. */
export interface EventListener<P, C> {
  event: DomainEvent<P>;
  handle(ctx: C, tx: DbOrTx, payload: P): Promise<void>;
}

export interface DomainEvents {
  /** Runs every listener of the event, in MODULES order, in the caller's transaction. */
  publish<P>(tx: DbOrTx, event: DomainEvent<P>, payload: P): Promise<void>;
}

/** The dispatcher, built once from the modules' listeners; `ctx` is read when an event is published. */
export function createDomainEvents<C>(
  // biome-ignore lint/suspicious/noExplicitAny: listeners of different payloads share one list
  listeners: readonly EventListener<any, C>[],
  ctx: () => C,
): DomainEvents {
  // biome-ignore lint/suspicious/noExplicitAny: as above
  const byName = new Map<string, EventListener<any, C>[]>();
  for (const l of listeners) byName.set(l.event.name, [...(byName.get(l.event.name) ?? []), l]);
  return {
    async publish(tx, event, payload) {
      for (const l of byName.get(event.name) ?? []) await l.handle(ctx(), tx, payload);
    },
  };
}
