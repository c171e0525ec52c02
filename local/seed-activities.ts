// The demo weekend activities of 红星社区: the coming Saturday and Sunday in Beijing time, computed from
// the clock at seed time, so a fresh demo always has something to sign up for.
import { randomBytes } from 'node:crypto'
import type { PostType } from '@shared/enums'
import { nextOccurrence, publishedActivity } from '../cloudfunctions/core/domain/activity'
import type { Activity } from '../cloudfunctions/core/domain/model'
import { inZone } from '../cloudfunctions/core/domain/time'

const HOUR = 3600_000

interface DemoActivity {
  id: string
  title: string
  description: string
  category: PostType
  /** Hours after the coming Saturday 09:00 (Beijing). */
  offsetHours: number
  hours: number
  place: { name: string; address: string; lat: number; lng: number }
  quota: number
  points: number
}

const DEMO_ACTIVITIES: DemoActivity[] = [
  {
    id: 'a_demo_clean',
    title: '周末环境清洁日',
    description: '清理小区公共区域的杂物和小广告，带上手套，工具由社区提供。',
    category: 'environment',
    offsetHours: 0,
    hours: 2,
    place: { name: '红星社区广场', address: '红星路 88 号社区服务中心门前', lat: 30.5728, lng: 104.0668 },
    quota: 20,
    points: 10,
  },
  {
    id: 'a_demo_elderly',
    title: '陪独居老人读报聊天',
    description: '两人一组上门看望独居老人，读读报、聊聊天，顺便看看家里水电是否安全。',
    category: 'elderly_child',
    offsetHours: 5.5,
    hours: 2,
    place: { name: '社区日间照料中心', address: '红星社区 3 号楼一层', lat: 30.5733, lng: 104.0675 },
    quota: 8,
    points: 15,
  },
  {
    id: 'a_demo_fraud',
    title: '防诈骗宣传进楼栋',
    description: '到各楼栋发放防诈骗宣传单，教老人识别常见骗局和可疑电话。',
    category: 'targeted',
    offsetHours: 24,
    hours: 2.5,
    place: { name: '社区服务中心', address: '红星路 88 号', lat: 30.5728, lng: 104.0668 },
    quota: 12,
    points: 10,
  },
]

/** The demo activities, published by `createdBy`. Sign-up closes at 20:00 the evening before. */
export function demoActivities(now: number, createdBy: string): Activity[] {
  const saturday = nextOccurrence(now, 6, 9)
  return DEMO_ACTIVITIES.map((a) => {
    const start = saturday + a.offsetHours * HOUR
    const evening = inZone(start).startOf('day').subtract(1, 'day').add(20, 'hour').valueOf()
    return publishedActivity(
      {
        id: a.id,
        communityId: 'c_hongxing',
        seriesId: null,
        title: a.title,
        description: a.description,
        category: a.category,
        startAt: start,
        endAt: start + a.hours * HOUR,
        signupDeadline: evening > now ? evening : start - HOUR,
        place: a.place,
        quota: a.quota,
        points: a.points,
        cover: null,
        checkinSecret: randomBytes(32).toString('base64url'),
        createdBy,
      },
      now,
    )
  })
}
