// Local failure counting: one gateway process holds the counts in memory (a restart forgives).
import { AppError } from '../../core/domain/errors'
import type { Clock, RateLimiter } from '../../core/ports'

export function memoryRateLimiter(clock: Clock, options: { maxFailures: number; windowMs: number }): RateLimiter {
  const failures = new Map<string, number[]>()
  const recent = (key: string) => {
    const since = clock.now() - options.windowMs
    const kept = (failures.get(key) ?? []).filter((t) => t > since)
    if (kept.length) failures.set(key, kept)
    else failures.delete(key)
    return kept
  }
  return {
    async assertAllowed(key) {
      if (recent(key).length >= options.maxFailures) {
        const minutes = Math.ceil(options.windowMs / 60_000)
        throw new AppError('RATE_LIMITED', `尝试次数太多，请 ${minutes} 分钟后再试`)
      }
    },
    async recordFailure(key) {
      failures.set(key, [...recent(key), clock.now()])
    },
  }
}
