// 三亮一晒: a grid's public page. 亮身份、亮职责、亮承诺 — its staff with photo, role, duties and
// promise — and 晒服务, recent services the residents agreed to show (never their names, phones or
// addresses). Anyone may open it, signed in or not, from a link or the grid's QR code.
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ShowcaseService, StaffCardView } from '@shared/workbench'
import Btn from '@/components/btn'
import FilterBar from '@/components/filter-bar'
import Screen from '@/components/screen'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { POST_TYPE_COLOR, POST_TYPE_GLYPH, POST_TYPE_LABEL } from '@/constants/labels'
import { ROUTES, withQuery } from '@/constants/routes'
import { useRemote } from '@/hooks/useRemote'
import { photoSrc } from '@/services/transport'
import { workbenchApi } from '@/services/workbench'
import { useSession } from '@/store/session'
import { go } from '@/utils/nav'
import { formatDate } from '@/utils/time'
import CardEditor from './CardEditor'
import '@/styles/blocks.scss'
import '../shared/shared.scss'
import './index.scss'

function Card({ c }: { c: StaffCardView }) {
  return (
    <View className="staff-card">
      <View className="staff-card__head">
        {c.photo?.url ? (
          <Image className="staff-card__photo" src={photoSrc(c.photo.url)} mode="aspectFill" />
        ) : (
          <View className="staff-card__photo staff-card__photo--none">{c.name.slice(0, 1)}</View>
        )}
        <View className="staff-card__who">
          <View className="staff-card__name">{c.name}</View>
          <View className="staff-card__title">{c.title}</View>
        </View>
      </View>
      <View className="staff-card__part">
        <Text className="staff-card__tag">亮职责</Text>
        <Text className="staff-card__text">{c.duties}</Text>
      </View>
      <View className="staff-card__part">
        <Text className="staff-card__tag staff-card__tag--pledge">亮承诺</Text>
        <Text className="staff-card__text">{c.pledge}</Text>
      </View>
      {c.isMe && (
        <Btn className="btn-edit-card" onClick={() => go(withQuery(ROUTES.showcase, { edit: 1 }))}>
          修改我的名片
        </Btn>
      )}
    </View>
  )
}

function Service({ s }: { s: ShowcaseService }) {
  return (
    <View className="service-item">
      {s.photo ? (
        <Image className="service-item__photo" src={photoSrc(s.photo.url)} mode="aspectFill" lazyLoad />
      ) : (
        <View className="service-item__photo service-item__tile" style={{ background: POST_TYPE_COLOR[s.category] }}>
          <Text>{POST_TYPE_GLYPH[s.category]}</Text>
        </View>
      )}
      <View className="service-item__body">
        <View className="service-item__title">{s.title}</View>
        <View className="service-item__meta">
          {POST_TYPE_LABEL[s.category]} · {formatDate(s.closedAt)}
          {s.rating ? ` · ${'★'.repeat(s.rating)}` : ''}
        </View>
        {s.summary && <View className="service-item__summary">{s.summary}</View>}
        {s.memberName && <View className="service-item__member">服务党员：{s.memberName}</View>}
      </View>
    </View>
  )
}

export default function ShowcasePage() {
  const { params } = useRouter()
  const { user } = useSession()
  const [gridId, setGridId] = useState(params.gridId ?? '')
  const page = useRemote(() => workbenchApi.showcase(gridId || undefined), [gridId])
  const d = page.data
  const staff = !!user && (user.roles.includes('staff') || user.roles.includes('admin'))
  useShareAppMessage(() => ({
    title: d ? `${d.communityName}${d.gridName} · 三亮一晒` : '三亮一晒',
    path: withQuery(ROUTES.showcase, { gridId: d?.gridId }),
  }))

  if (params.edit && staff)
    return (
      <Screen className="wb showcase">
        <CardEditor />
      </Screen>
    )
  if (page.loading)
    return (
      <Screen className="wb">
        <Skeleton rows={3} />
      </Screen>
    )
  if (!d) return <Screen className="wb">{page.error ? <ErrorState error={page.error} onRetry={() => void page.reload()} /> : null}</Screen>
  return (
    <Screen className="wb showcase">
      <View className="showcase__banner">
        <View className="showcase__community">{d.communityName}</View>
        <View className="showcase__grid">{d.gridName} · 三亮一晒</View>
      </View>
      {d.grids.length > 1 && (
        <FilterBar
          options={d.grids.map((g) => ({ value: g.id, label: g.name }))}
          value={d.gridId}
          onChange={(v) => setGridId(v || d.gridId)}
        />
      )}

      <View className="wb-head showcase__section">亮身份 · 亮职责 · 亮承诺</View>
      {d.cards.length === 0 ? (
        <EmptyState
          title="这个网格还没有公示名片"
          hint={staff ? '网格员、社区工作者可以填写自己的名片。' : '网格员、社区工作者填写后会显示在这里。'}
          action={staff ? { text: '填写我的名片', onClick: () => go(withQuery(ROUTES.showcase, { edit: 1 })) } : undefined}
        />
      ) : (
        d.cards.map((c) => <Card key={c.userId} c={c} />)
      )}
      {staff && d.cards.every((c) => !c.isMe) && d.cards.length > 0 && (
        <Btn block className="btn-my-card" onClick={() => go(withQuery(ROUTES.showcase, { edit: 1 }))}>
          填写我的名片
        </Btn>
      )}

      <View className="wb-head showcase__section">晒服务</View>
      <View className="wb-hint">经居民同意公开的服务，不显示居民姓名、电话和住址。</View>
      {d.services.length === 0 ? (
        <EmptyState title="还没有公开的服务" hint="居民确认完成后，可以同意在这里展示这次服务。" />
      ) : (
        d.services.map((s) => <Service key={s.orderId} s={s} />)
      )}
    </Screen>
  )
}
