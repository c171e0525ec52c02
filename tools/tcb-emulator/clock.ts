// The platform's clock, for demos and tests that need time to pass: Date.now() of the emulator's
// process — which the functions loaded into it read their time through — runs ahead of the wall
// clock by an offset that only grows, as a deployed function would see the days go by.
export class PlatformClock {
  private offset = 0
  private installed = false

  /** How far ahead of the wall clock this process runs, ms. */
  get offsetMs() {
    return this.offset
  }

  /** Moves time forward by `ms` (never back); returns the new now. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward')
    // Date.now is replaced on first use only: an emulator nobody moves keeps the process untouched
    if (!this.installed) {
      const wall = Date.now
      Date.now = () => wall() + this.offset
      this.installed = true
    }
    this.offset += ms
    return Date.now()
  }
}
