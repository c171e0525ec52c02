// Calendar rules run in Beijing time while functions run in UTC: every "day" and "year" goes through here.
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

export const ZONE = 'Asia/Shanghai'

export const inZone = (ms: number) => dayjs(ms).tz(ZONE)

/** The calendar year in Beijing, e.g. 2026. */
export const yearOf = (ms: number) => inZone(ms).year()

/** The calendar day in Beijing, e.g. "2026-11-25". */
export const dayOf = (ms: number) => inZone(ms).format('YYYY-MM-DD')

/** The instant a Beijing calendar year begins. */
export const startOfYear = (year: number) => dayjs.tz(`${year}-01-01 00:00`, ZONE).valueOf()
