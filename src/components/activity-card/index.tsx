// One activity in a list: cover or category tile, title, when (Beijing time), where, places taken and
// left, and my own place (已报名 / 候补第 3 位 / 已签到).
import { Image, Text, View } from '@tarojs/components'
import type { ActivitySummary } from '@shared/activities'
import { POST_TYPE_COLOR, POST_TYPE_GLYPH, POST_TYPE_LABEL } from '@/constants/labels'
import { photoSrc } from '@/services/transport'
import { cls } from '@/utils/cls'
import { formatSpan } from '@/utils/time'
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
    <View className={cls('activity-card', `activity-card--${a.status}`)} hoverClass="activity-card--pressed" onClick={onClick}>
      {a.cover ? (
        <Image className="activity-card__cover" src={photoSrc(a.cover.url)} mode="aspectFill" lazyLoad />
      ) : (
        <View className="activity-card__tile" style={{ background: POST_TYPE_COLOR[a.category] }}>
          <Text className="activity-card__glyph">{POST_TYPE_GLYPH[a.category]}</Text>
        </View>
      )}
      <View className="activity-card__body">
        <View className="activity-card__top">
          <Text className="activity-card__category">{POST_TYPE_LABEL[a.category]}</Text>
          {weekendTag && a.thisWeekend && a.status === 'published' && <Text className="activity-card__weekend">本周末</Text>}
          <View className="activity-card__spacer" />
          {place && <Text className={cls('activity-card__mine', `activity-card__mine--${place.kind}`)}>{place.text}</Text>}
          {!place && state && <Text className="activity-card__state">{state}</Text>}
        </View>
        <View className="activity-card__title">{a.title}</View>
        <View className="activity-card__line activity-card__when">{formatSpan(a.startAt, a.endAt)}</View>
        <View className="activity-card__line">地点：{a.place.name}</View>
        <View className="activity-card__foot">
          <Text className={cls('activity-card__places', a.placesLeft === 0 && 'activity-card__places--full')}>{placesLine(a)}</Text>
          {a.points > 0 && <Text className="activity-card__points">+{a.points} 分</Text>}
        </View>
      </View>
    </View>
  )
}
