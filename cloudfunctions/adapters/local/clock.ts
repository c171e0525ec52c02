// The test clock of demo mode: the system clock plus an offset that only moves forward.
import type { Clock } from '../../core/ports'
import { systemClock } from '../clock'

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
