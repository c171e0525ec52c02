// The platform's clock, for both modes: the one place that reads the wall clock.
import type { Clock } from '../core/ports'

export const systemClock: Clock = { now: () => Date.now() }
