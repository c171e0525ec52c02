// 代办: a 网格员 or 社区工作者 orders for a registered resident who phoned, was visited or came in — pick
// the person (by name, building or the end of their phone), say how the need came in, then the kind of
// help; the order form follows on the resident's behalf.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { CHANNELS, type Channel, type OrderKind } from '@shared/enums'
import type { ResidentItem } from '@shared/accounts'
import { CHANNEL_LABELS } from '@shared/labels'
import Btn from '@/components/btn'
import Card, { InfoRow } from '@/components/card'
import { Chips, Field, TextInput } from '@/components/field'
import Screen from '@/components/screen'
import Tap from '@/components/tap'
import { EmptyState, StateSwitch } from '@/components/state'
import { ROUTES, withQuery } from '@/constants/routes'
import { useRemote } from '@/hooks/useRemote'
import { ordersApi } from '@/services/orders'
import { cls } from '@/utils/cls'
import { go } from '@/utils/nav'
import './index.scss'
import { ACCOUNT_LIMITS } from '@shared/limits'

const KINDS: Array<{ kind: OrderKind; title: string; hint: string }> = [
  { kind: 'service', title: '要人帮忙', hint: '陪诊、取药、修东西……' },
  { kind: 'hazard', title: '报个隐患', hint: '拍下楼道、管线、路面的问题' },
  { kind: 'wish', title: '一个微心愿', hint: '想要的小东西、想学的本事' },
]

export default function ProxyOrder() {
  const [q, setQ] = useState('')
  const [search, setSearch] = useState('')
  const [picked, setPicked] = useState<ResidentItem | null>(null)
  const [channel, setChannel] = useState<Channel>('phone')
  const residents = useRemote(() => ordersApi.residents(search || undefined), [search], { refreshOnShow: false })
  const items = residents.data ?? []

  const start = (kind: OrderKind) => {
    if (!picked) return
    go(
      withQuery(ROUTES.orderNew, {
        kind,
        for: picked.id,
        forName: picked.name,
        forAddress: picked.address ?? '',
        channel,
      }),
    )
  }

  return (
    <Screen className="proxy">
      <Card title="1. 替谁下单">
        {picked ? (
          <View className="proxy__picked">
            <InfoRow label="居民" value={picked.name} />
            <InfoRow label="住址" value={[picked.gridName, picked.address].filter(Boolean).join(' ')} />
            <InfoRow label="电话" value={picked.phone} />
            <Btn className="btn-change-resident" onClick={() => setPicked(null)}>
              换一位
            </Btn>
          </View>
        ) : (
          <>
            <View className="proxy__search">
              <TextInput
                className="input-resident-search proxy__search-input"
                value={q}
                onChange={setQ}
                placeholder="姓名、楼栋或手机尾号"
                maxLength={ACCOUNT_LIMITS.search.max}
              />
              <Btn className="btn-resident-search" onClick={() => setSearch(q.trim())}>
                找
              </Btn>
            </View>
            <StateSwitch
              of={residents}
              empty={items.length === 0}
              rows={2}
              emptyNode={<EmptyState title="没有找到" hint="只能替您负责的网格里登记过的居民下单。" />}
            >
              {items.map((r) => (
                <Tap key={r.id} className="resident-option" hoverClass="resident-option--pressed" onTap={() => setPicked(r)}>
                  <Text className="resident-option__name">{r.name}</Text>
                  <Text className="resident-option__where">{[r.gridName, r.address].filter(Boolean).join(' ')}</Text>
                </Tap>
              ))}
            </StateSwitch>
          </>
        )}
      </Card>

      <Card title="2. 怎么知道的">
        <Field label="居民是怎么说的">
          <Chips
            className="channel-chips"
            options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
            value={channel}
            onChange={setChannel}
          />
        </Field>
      </Card>

      <Card title="3. 什么事">
        <View className={cls('proxy__kinds', !picked && 'proxy__kinds--off')}>
          {KINDS.map((k) => (
            <Tap key={k.kind} className={`proxy-kind btn-proxy-${k.kind}`} hoverClass="proxy-kind--pressed" onTap={() => start(k.kind)}>
              <View className="proxy-kind__title">{k.title}</View>
              <View className="proxy-kind__hint">{k.hint}</View>
            </Tap>
          ))}
        </View>
        {!picked && <View className="proxy__hint">先在上面选好居民。</View>}
      </Card>
    </Screen>
  )
}
