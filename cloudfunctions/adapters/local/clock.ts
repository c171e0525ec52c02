// Clocks for local mode: the system clock, and a test clock that only moves forward (demo mode).
import type { Clock } from '../../core/ports'

export const systemClock: Clock = { now: () => Date.now() }

export class TestClock implements Clock {
  private offset = 0
  constructor(private base: Clock = systemClock) {}

  now() {
    return this.base.now() + this.offset
  }

  /** Moves time forward by `ms` (never back). */
  advance(ms: number) {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the test clock only moves forward')
    this.offset += ms
  }
}
