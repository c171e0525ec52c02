// 报名名单 (staff): who signed up in 接龙 order with their check-in state, 补签 for those who could not
// scan, the waitlist, and 结束活动 with a summary of the points it will award.
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ActivityDetail, RosterEntry } from '@shared/activities'
import Btn from '@/components/btn'
import Screen from '@/components/screen'
import { DetailPending, EmptyState } from '@/components/state'
import { ROUTES, withQuery } from '@/constants/routes'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { activitiesApi } from '@/services/activities'
import { cls } from '@/utils/cls'
import { back, go } from '@/utils/nav'
import { formatDateTime, formatSpan, formatTime } from '@/utils/time'
import './index.scss'

function stateOf(r: RosterEntry): { text: string; kind: 'in' | 'absent' | 'none' } {
  if (r.checkedIn) {
    const how = r.checkinMethod === 'staff' ? '补签' : '扫码签到'
    const points = r.awardedPoints ? `，已发 ${r.awardedPoints} 分` : ''
    return { text: `${r.checkedInAt ? formatTime(r.checkedInAt) : ''} ${how}${points}`.trim(), kind: 'in' }
  }
  if (r.attendance === 'absent') return { text: '未到场', kind: 'absent' }
  return { text: '还没签到', kind: 'none' }
}

function Row({ r, a, index, onChanged }: { r: RosterEntry; a: ActivityDetail; index: number; onChanged: (d: ActivityDetail) => void }) {
  const mark = useAction((rid: string, attended: boolean) => activitiesApi.markAttendance(a.id, [r.member.id], attended, rid))
  const canMark = a.actions.includes('markAttendance')
  const st = stateOf(r)
  const set = (attended: boolean) =>
    void mark
      .exec(
        attended
          ? { ask: `给 ${r.member.name} 补签？确认 TA 到了现场。`, confirmText: '补签', done: '已补签' }
          : { ask: `把 ${r.member.name} 改为未签到？`, confirmText: '改为未到', done: '已修改' },
        attended,
      )
      .then((d) => {
        if (d) onChanged(d)
      })
  return (
    <View className="roster-row roster-entry">
      <Text className="roster-row__no">{index + 1}</Text>
      <View className="roster-row__main">
        <View className="roster-row__name">{r.member.name}</View>
        <View className={cls('roster-row__state', `roster-row__state--${st.kind}`)}>{st.text}</View>
      </View>
      {canMark && !r.checkedIn && (
        <Btn size="small" type="primary" className="roster-row__button btn-mark-attended" loading={mark.busy} onClick={() => set(true)}>
          补签
        </Btn>
      )}
      {canMark && r.checkedIn && r.checkinMethod === 'staff' && (
        <Btn size="small" className="roster-row__button btn-mark-absent" loading={mark.busy} onClick={() => set(false)}>
          撤销
        </Btn>
      )}
    </View>
  )
}

function Roster({ a, onChanged }: { a: ActivityDetail; onChanged: (d: ActivityDetail) => void }) {
  const roster = a.roster ?? []
  const signed = roster.filter((r) => r.status === 'signed')
  const waiting = roster.filter((r) => r.status === 'waitlisted')
  const attended = signed.filter((r) => r.checkedIn)
  const finish = useAction((rid: string) => activitiesApi.finish(a.id, rid))
  const total = attended.length * a.points

  const doFinish = () =>
    void finish
      .exec({
        ask: `结束活动并发积分？\n${attended.length} 位到场的党员每人 ${a.points} 积分，共 ${total} 分；${signed.length - attended.length} 位没签到的记为未到场。结束后不能再补签。`,
        confirmText: '结束活动',
        done: '活动已结束',
      })
      .then((d) => {
        if (d) onChanged(d)
      })

  return (
    <Screen className="roster">
      <View className="roster__head">
        <View className="roster__title">{a.title}</View>
        <View className="roster__when">
          {formatSpan(a.startAt, a.endAt)} · {a.place.name}
        </View>
      </View>
      <View className="roster__counts">
        <View className="roster__count">
          <View className="roster__num">
            {a.signedCount}/{a.quota}
          </View>
          <View className="roster__label">已报名</View>
        </View>
        <View className="roster__count">
          <View className="roster__num roster-checked-count">{attended.length}</View>
          <View className="roster__label">已签到</View>
        </View>
        <View className="roster__count">
          <View className="roster__num">{a.waitingCount}</View>
          <View className="roster__label">候补</View>
        </View>
      </View>

      {a.status === 'finished' && (
        <View className="roster__summary roster-finished">
          活动已结束：{attended.length} 人到场，共发 {roster.reduce((s, r) => s + (r.awardedPoints ?? 0), 0)} 积分。
        </View>
      )}
      {a.status === 'published' && !a.actions.includes('markAttendance') && (
        <View className="roster__summary">{formatDateTime(a.checkinOpensAt)} 起可以签到和补签。</View>
      )}

      <View className="roster__section">报名名单（按报名先后）</View>
      {signed.length === 0 ? (
        <EmptyState title="还没有人报名" hint="把活动分享到党员群里，大家就能报名了。" />
      ) : (
        <View className="roster__list">
          {signed.map((r, i) => (
            <Row key={r.member.id} r={r} a={a} index={i} onChanged={onChanged} />
          ))}
        </View>
      )}

      {waiting.length > 0 && (
        <>
          <View className="roster__section">候补（有人退出时按顺序递补）</View>
          <View className="roster__list">
            {waiting.map((r) => (
              <View key={r.member.id} className="roster-row roster-waiting">
                <Text className="roster-row__no">{r.position}</Text>
                <View className="roster-row__main">
                  <View className="roster-row__name">{r.member.name}</View>
                  <View className="roster-row__state">候补第 {r.position} 位</View>
                </View>
              </View>
            ))}
          </View>
        </>
      )}

      <View className="roster__actions">
        {a.actions.includes('checkinCode') && (
          <Btn
            block
            type="primary"
            size="large"
            className="link-checkin-code"
            onClick={() => go(withQuery(ROUTES.checkinCode, { id: a.id }))}
          >
            打开签到码
          </Btn>
        )}
        {a.actions.includes('finish') && (
          <>
            <View className="roster__summary finish-summary">
              结束后将给 {attended.length} 位到场的党员每人发 {a.points} 积分，共 {total} 分。
            </View>
            <Btn block type="primary" size="large" className="btn-finish" loading={finish.busy} onClick={doFinish}>
              结束活动
            </Btn>
          </>
        )}
        {a.status === 'published' && !a.actions.includes('finish') && (
          <View className="roster__when">活动 {formatDateTime(a.endAt)} 结束后可以「结束活动」并发积分。</View>
        )}
      </View>
    </Screen>
  )
}

export default function RosterPage() {
  const id = useRouter().params.id ?? ''
  const activity = useRemote(() => activitiesApi.get(id), [id], { skip: !id })
  if (!activity.data) return <DetailPending of={activity} gone={!id} title="没有找到这个活动" />
  if (activity.data.roster === null)
    return (
      <Screen>
        <EmptyState title="只有社区工作者能看名单" action={{ text: '返回', onClick: back }} />
      </Screen>
    )
  return <Roster a={activity.data} onChanged={(d) => activity.setData(d)} />
}
