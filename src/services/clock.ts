// The local demo's test clock (POST /api/dev/clock moves the server's time forward): after a demo
// sign-in the app asks the gateway for its time, so "今天", countdowns and overdue times agree with it.
// Only the H5 platform calls syncClock (src/platform/index.h5.ts): WeChat has no gateway and no test clock.
import Taro from '@tarojs/taro'
import { setClockOffset } from '@/utils/time'
import { http } from './transport'

const KEY = 'redgrid.demoClock'
const EVERY_MS = 5000

let last = 0
let pending: Promise<void> | null = null

/** Called by the demo sign-in: this session runs against the demo gateway and its clock. */
export function setDemoClock(on: boolean) {
  try {
    if (on) Taro.setStorageSync(KEY, true)
    else Taro.removeStorageSync(KEY)
  } catch {
    // storage unavailable: times count from the device clock
  }
  if (!on) setClockOffset(0)
}

function demo(): boolean {
  try {
    return Taro.getStorageSync(KEY) === true
  } catch {
    return false
  }
}

/** Refresh the offset at most every few seconds; never fails (times fall back to the device clock). */
export function syncClock(): Promise<void> {
  if (!demo()) return Promise.resolve()
  if (pending) return pending
  if (Date.now() - last < EVERY_MS) return Promise.resolve()
  const sent = Date.now()
  pending = http<{ now: string }>('GET', '/api/dev/clock', undefined, { quiet: true, loading: false })
    .then((d) => {
      const server = Date.parse(d.now)
      // the answer left the server about halfway through the round trip
      if (Number.isFinite(server)) setClockOffset(server - (sent + Date.now()) / 2)
      last = Date.now()
    })
    .catch(() => {
      last = Date.now()
    })
    .finally(() => {
      pending = null
    })
  return pending
}
