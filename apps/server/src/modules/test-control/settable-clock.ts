import type { Clock } from '../../platform/clock/clock.ts';

/**
 * The clock of a test server that browser journeys move (`POST /api/test/clock`): real time plus
 * an offset, so time keeps running (sessions, countdowns) after a jump.
 */
export class SettableClock implements Clock {
  private offset = 0;
  constructor(private readonly base: () => number = Date.now) {}
  now(): Date {
    return new Date(this.base() + this.offset);
  }
  set(at: Date): void {
    this.offset = at.getTime() - this.base();
  }
  reset(): void {
    this.offset = 0;
  }
}

/** The clock main.ts gives the app: settable only on a test server that asked for clock control. */
export function clockFor(config: { env: string; clockControl: boolean }): Clock | undefined {
  return config.env === 'test' && config.clockControl ? new SettableClock() : undefined;
}
