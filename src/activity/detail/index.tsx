// 活动详情: what, when (Beijing time), where (with a map), places; 报名 / 退出, my place and waitlist
// position, 签到 on the day (scan in WeChat, paste the code in H5); share to a chat. Staff: the roster,
// the check-in code and cancelling.
import { useLoad, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ActivityDetail, ActivitySummary, PublicActivity } from '@shared/activities'
import { myPlace, placesLine } from '@/components/activity-card'
import Btn from '@/components/btn'
import Card, { InfoRow } from '@/components/card'
import { InputField } from '@/components/field'
import ReasonForm from '@/components/reason-form'
import Screen from '@/components/screen'
import { DetailPending, isGone } from '@/components/state'
import { CategoryTag } from '@/components/tags'
import { ACTIVITY_STATUS_LABEL } from '@/constants/labels'
import { ROUTES, withQuery } from '@/constants/routes'
import { useAction } from '@/hooks/useAction'
import { useShared } from '@/hooks/useShared'
import GuestCard from '@/components/guest-card'
import { useSession } from '@/store/session'
import { platform } from '@/platform'
import { activitiesApi } from '@/services/activities'
import { toast } from '@/services/feedback'
import { photoSrc } from '@/services/transport'
import { go } from '@/utils/nav'
import { formatDateTime, formatSpan, formatTime } from '@/utils/time'
import './index.scss'
import { ACTIVITY_LIMITS } from '@shared/limits'

function openMap(a: Pick<ActivitySummary, 'place'>) {
  const { lat, lng, name, address } = a.place
  if (lat !== null && lng !== null) platform.openMap({ lat, lng, name, address })
}

/** What my sign-up means now, in a sentence or two. */
function MyBanner({ a }: { a: ActivityDetail }) {
  const place = myPlace(a)
  const m = a.mine
  if (!m || !place) return null
  let title = place.text
  let note = ''
  if (m.awardedPoints) note = `感谢参加，${m.awardedPoints} 积分已到账。`
  else if (m.checkedIn) note = m.checkedInAt ? `${formatTime(m.checkedInAt)} 签到。活动结束后发积分。` : '活动结束后发积分。'
  else if (m.attendance === 'absent') {
    title = '未到场'
    note = '这次没有签到记录，没有积分。'
  } else if (m.status === 'waitlisted' && a.status !== 'published') {
    title = a.status === 'cancelled' ? '活动已取消' : '活动已结束'
    note = '你在候补名单上，这次没有轮到。'
  } else if (m.status === 'waitlisted') note = '有人退出时会按顺序自动递补，递补成功会发消息告诉你。'
  else if (a.actions.includes('checkin')) {
    title = '签到开始了'
    note = platform.canScan
      ? '到了现场，点下面的「扫码签到」，扫社区工作者屏幕上的二维码。'
      : '到了现场，把社区工作者屏幕下方的签到码粘贴到下面，点「签到」。'
  } else if (a.status === 'published') {
    title = '你已报名'
    note = `开始前 30 分钟可以签到（${formatDateTime(a.checkinOpensAt)} 起），到现场扫签到码。`
  }
  return (
    <View className={`activity-detail__banner activity-detail__banner--${place.kind} my-signup`}>
      <View className="activity-detail__banner-title">{title}</View>
      {note && <View>{note}</View>}
    </View>
  )
}

/** The cover, and 活动已取消 with its reason: above the facts, for a member and for a card alike. */
function Top({ a }: { a: Pick<ActivityDetail, 'cover' | 'status' | 'cancelReason'> }) {
  return (
    <>
      {a.cover && <Image className="activity-detail__cover" src={photoSrc(a.cover.url)} mode="aspectFill" />}
      {a.status === 'cancelled' && (
        <View className="activity-detail__banner activity-cancelled">
          <View className="activity-detail__banner-title">活动已取消</View>
          {a.cancelReason && <View>原因：{a.cancelReason}</View>}
        </View>
      )}
    </>
  )
}

/** What, when, where and how many: the same for a member and for anyone a card was shared with. */
function Facts({ a, by }: { a: Omit<ActivitySummary, 'mine'>; by?: string }) {
  return (
    <Card>
      <View className="activity-detail__tags">
        <CategoryTag category={a.category} />
        <Text className="tag tag-status">{a.status === 'published' && !a.signupOpen ? '报名已截止' : ACTIVITY_STATUS_LABEL[a.status]}</Text>
      </View>
      <View className="activity-detail__title">{a.title}</View>
      <InfoRow label="时间" value={formatSpan(a.startAt, a.endAt)} />
      <InfoRow label="地点">
        <View>{a.place.name}</View>
        {a.place.address && <View>{a.place.address}</View>}
        {a.place.lat !== null && a.place.lng !== null && (
          <Btn size="small" className="activity-detail__map btn-map" onClick={() => openMap(a)}>
            查看地图
          </Btn>
        )}
      </InfoRow>
      <InfoRow label="名额" value={placesLine(a)} />
      <InfoRow label="报名截止" value={formatDateTime(a.signupDeadline)} />
      {a.points > 0 && <InfoRow label="积分" value={`${a.points} 分，到场签到、活动结束后发放`} />}
      {by && <InfoRow label="发布人" value={by} />}
    </Card>
  )
}

function Detail({ a, onChanged }: { a: ActivityDetail; onChanged: () => void }) {
  const [token, setToken] = useState('')
  const [cancelling, setCancelling] = useState(false)
  const can = (x: ActivityDetail['actions'][number]) => a.actions.includes(x)
  const signup = useAction((rid: string) => activitiesApi.signup(a.id, rid))
  const withdraw = useAction((rid: string) => activitiesApi.withdraw(a.id, rid))
  const checkin = useAction((rid: string, t: string) => activitiesApi.checkin(a.id, t, rid))
  const cancel = useAction((rid: string, reason: string) => activitiesApi.cancel(a.id, reason, rid))
  const isStaff = a.roster !== null
  const full = a.placesLeft === 0
  const { user } = useSession()
  // a resident of the community (or someone waiting for 审核) opened a shared card: how to take part
  const notYet = !!user && !user.roles.includes('member') && a.signupOpen && !isStaff

  const doSignup = () =>
    void signup
      .exec({
        ask: full
          ? `名额已满，报名后排在候补第 ${a.waitingCount + 1} 位左右，有人退出会自动递补。要候补吗？`
          : `报名「${a.title}」？${formatSpan(a.startAt, a.endAt)}，${a.place.name}。`,
        confirmText: full ? '候补' : '报名',
        subscribe: ['activity_reminder'],
      })
      .then((r) => {
        if (!r) return
        toast(r.status === 'signed' ? '报名成功' : `已候补，第 ${r.position ?? '?'} 位`, 'success')
        onChanged()
      })

  const doWithdraw = () =>
    void withdraw
      .exec({
        ask: a.mine?.status === 'waitlisted' ? '取消候补？' : '退出这个活动？你的名额会让给候补的人。',
        confirmText: a.mine?.status === 'waitlisted' ? '取消候补' : '退出',
        done: a.mine?.status === 'waitlisted' ? '已取消候补' : '已退出',
      })
      .then((r) => {
        if (r) onChanged()
      })

  const doCheckin = (t: string) => {
    const clean = t.trim()
    if (!clean) return toast('请先粘贴签到码')
    void checkin.exec({ done: '签到成功' }, clean).then((r) => {
      if (r) {
        setToken('')
        onChanged()
      }
    })
  }

  const scan = async () => {
    const text = await platform.scanQr()
    if (text !== null) doCheckin(text)
  }

  return (
    <Screen className="activity-detail">
      <Top a={a} />
      {a.status === 'finished' && !a.mine && <View className="activity-detail__banner">活动已结束，积分已发放。</View>}
      <MyBanner a={a} />
      {can('checkin') && (
        <Card title="签到" className="activity-detail__checkin">
          {platform.canScan ? (
            <Btn block type="primary" size="large" className="btn-checkin" loading={checkin.busy} onClick={() => void scan()}>
              扫码签到
            </Btn>
          ) : (
            <>
              <InputField
                label="签到码"
                hint="在现场屏幕下方复制签到码，粘贴到这里"
                className="input-checkin-token"
                value={token}
                onChange={setToken}
                placeholder="粘贴签到码"
                maxLength={40 /* a check-in token is 35 characters */}
              />
              <Btn block type="primary" size="large" className="btn-checkin" loading={checkin.busy} onClick={() => doCheckin(token)}>
                签到
              </Btn>
            </>
          )}
        </Card>
      )}

      <Facts a={a} by={a.createdBy.name} />

      {can('signup') && (
        <Btn block type="primary" size="large" className="btn-signup" loading={signup.busy} onClick={doSignup}>
          {full ? '名额已满，我要候补' : '我要报名'}
        </Btn>
      )}
      {notYet && user && <GuestCard act="报名" communityId={user.communityId} communityName={user.communityName} />}
      {can('withdraw') && (
        <Btn block type="danger" className="btn-withdraw" loading={withdraw.busy} onClick={doWithdraw}>
          {a.mine?.status === 'waitlisted' ? '取消候补' : '退出报名'}
        </Btn>
      )}
      {!can('signup') && !a.mine && a.status === 'published' && !a.signupOpen && !isStaff && (
        <View className="activity-detail__banner">报名已于 {formatDateTime(a.signupDeadline)} 截止。</View>
      )}

      {a.description && (
        <Card title="活动介绍">
          <View className="activity-detail__desc">{a.description}</View>
        </Card>
      )}

      {isStaff && (
        <Card title="管理" className="activity-detail__staff">
          <Btn block className="link-roster" onClick={() => go(withQuery(ROUTES.roster, { id: a.id }))}>
            报名名单和签到（{a.signedCount} 人{a.waitingCount > 0 ? `，候补 ${a.waitingCount}` : ''}）
          </Btn>
          {can('checkinCode') && (
            <Btn block type="primary" className="link-checkin-code" onClick={() => go(withQuery(ROUTES.checkinCode, { id: a.id }))}>
              打开签到码
            </Btn>
          )}
          {can('finish') && (
            <Btn block type="primary" className="link-finish" onClick={() => go(withQuery(ROUTES.roster, { id: a.id }))}>
              结束活动、发积分
            </Btn>
          )}
          {can('cancel') && !cancelling && (
            <Btn block type="danger" className="btn-cancel-activity" onClick={() => setCancelling(true)}>
              取消活动
            </Btn>
          )}
          {cancelling && (
            <ReasonForm
              title="取消的原因（报名的人都会收到）"
              span={ACTIVITY_LIMITS.reason}
              templates={['天气原因，改期再办', '场地临时不能用', '报名人数太少']}
              submitText="确认取消活动"
              submitClassName="btn-cancel-activity-submit"
              busy={cancel.busy}
              onCancel={() => setCancelling(false)}
              onSubmit={(reason) =>
                void cancel
                  .exec({ ask: '确定取消这个活动吗？报名和候补的人都会收到通知。', confirmText: '取消活动', done: '活动已取消' }, reason)
                  .then((r) => {
                    if (r) {
                      setCancelling(false)
                      onChanged()
                    }
                  })
              }
            />
          )}
        </Card>
      )}
    </Screen>
  )
}

/** A card shared in a chat, opened by someone who cannot sign up here (yet): the activity, and what to do first. */
function Shared({ a }: { a: PublicActivity }) {
  return (
    <Screen className="activity-detail activity-detail--shared">
      <Top a={a} />
      <Facts a={a} by={a.communityName} />
      {a.signupOpen && <GuestCard act="报名" communityId={a.communityId} communityName={a.communityName} />}
      {a.description && (
        <Card title="活动介绍">
          <View className="activity-detail__desc">{a.description}</View>
        </Card>
      )}
    </Screen>
  )
}

export default function ActivityDetailPage() {
  const id = useRouter().params.id ?? ''
  const view = useShared(
    (opts) => activitiesApi.get(id, opts),
    () => activitiesApi.publicView(id),
    [id],
    { skip: !id },
  )
  const a = view.data?.full ?? view.data?.shared

  useLoad(() => platform.showShareMenu())
  useShareAppMessage(() => ({
    title: a ? `${a.title}｜${formatSpan(a.startAt, a.endAt)}，${a.place.name}` : '社区志愿活动，一起来报名',
    path: withQuery(ROUTES.activityDetail, { id }),
    ...(a?.cover ? { imageUrl: photoSrc(a.cover.url) } : {}),
  }))

  const gone = !id || isGone(view.error)
  if (!view.data || gone) return <DetailPending of={view} gone={gone} title="没有找到这个活动" hint="它可能已被删除，或者链接不完整。" />
  if (view.data.shared) return <Shared a={view.data.shared} />
  return <Detail a={view.data.full} onChanged={() => void view.reload()} />
}
