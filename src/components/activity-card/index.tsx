// One activity in a list: cover or category tile, title, when (Beijing time), where, places taken and
// left, and my own place (已报名 / 候补第 3 位 / 已签到).
import { Text, View } from '@tarojs/components'
import type { ActivitySummary } from '@shared/activities'
import { photoSrc } from '@/services/transport'
import { cls } from '@/utils/cls'
import { formatSpan } from '@/utils/time'
import ListCard from '../list-card'
import './index.scss'

/** "已报 12/20 · 还剩 8 个名额" · "已报 20/20 · 已满，3 人候补" */
export function placesLine(a: Pick<ActivitySummary, 'signedCount' | 'quota' | 'placesLeft' | 'waitingCount'>): string {
  const taken = `已报 ${a.signedCount}/${a.quota}`
  if (a.placesLeft > 0) return `${taken} · 还剩 ${a.placesLeft} 个名额`
  return `${taken} · 已满${a.waitingCount > 0 ? `，${a.waitingCount} 人候补` : '，可以候补'}`
}

/** My place in words, or null when I have not signed up. */
export function myPlace(a: Pick<ActivitySummary, 'mine'>): { text: string; kind: 'signed' | 'waiting' | 'done' } | null {
  const m = a.mine
  if (!m) return null
  if (m.awardedPoints) return { text: `已获 ${m.awardedPoints} 积分`, kind: 'done' }
  if (m.checkedIn) return { text: '已签到', kind: 'done' }
  if (m.status === 'waitlisted') return { text: `候补第 ${m.position ?? '?'} 位`, kind: 'waiting' }
  return { text: '已报名', kind: 'signed' }
}

/** The state of the activity itself when it is not simply open for sign-up. */
function stateLine(a: ActivitySummary): string | null {
  if (a.status === 'cancelled') return '已取消'
  if (a.status === 'finished') return '已结束'
  if (!a.signupOpen) return '报名已截止'
  return null
}

export default function ActivityCard({
  activity: a,
  onClick,
  weekendTag = true,
}: {
  activity: ActivitySummary
  onClick: () => void
  weekendTag?: boolean
}) {
  const place = myPlace(a)
  const state = stateLine(a)
  return (
    <ListCard
      className={cls('activity-card', `activity-card--${a.status}`)}
      category={a.category}
      title={a.title}
      cover={a.cover ? photoSrc(a.cover.url) : null}
      tags={weekendTag && a.thisWeekend && a.status === 'published' && <Text className="activity-card__weekend">本周末</Text>}
      badge={
        place ? (
          <Text className={cls('activity-card__mine', `activity-card__mine--${place.kind}`)}>{place.text}</Text>
        ) : (
          state && <Text className="activity-card__state">{state}</Text>
        )
      }
      onClick={onClick}
    >
      <View className="activity-card__line activity-card__when">{formatSpan(a.startAt, a.endAt)}</View>
      <View className="activity-card__line">地点：{a.place.name}</View>
      <View className="activity-card__foot">
        <Text className={cls('activity-card__places', a.placesLeft === 0 && 'activity-card__places--full')}>{placesLine(a)}</Text>
        {a.points > 0 && <Text className="list-card__points">+{a.points} 分</Text>}
      </View>
    </ListCard>
  )
}
