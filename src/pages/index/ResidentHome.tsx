// Resident home: three big ways to ask for help, then my needs (需求) in progress.
import { View } from '@tarojs/components'
import type { OrderKind, OrderStatus } from '@shared/enums'
import OrderCard from '@/components/order-card'
import Section from '@/components/section'
import { EmptyState, StateSwitch } from '@/components/state'
import { ROUTES, withQuery } from '@/constants/routes'
import { useRemote } from '@/hooks/useRemote'
import { ordersApi } from '@/services/orders'
import { go } from '@/utils/nav'
import Tap from '@/components/tap'

const ACTIVE: OrderStatus[] = ['submitted', 'open', 'claimed', 'referred', 'completed']

const KINDS: Array<{ kind: OrderKind; title: string; hint: string }> = [
  { kind: 'service', title: '我要点单', hint: '需要帮忙，请社区派党员来' },
  { kind: 'hazard', title: '随手拍', hint: '看到隐患，拍照告诉社区' },
  { kind: 'wish', title: '许个微心愿', hint: '一个小小的心愿' },
]

export default function ResidentHome() {
  const mine = useRemote(() => ordersApi.list({ scope: 'mine', limit: 20 }), [])
  const active = (mine.data?.items ?? []).filter((o) => ACTIVE.includes(o.status))

  return (
    <View className="resident-home">
      <View className="kind-buttons">
        {KINDS.map((k) => (
          <Tap
            key={k.kind}
            className={`kind-button kind-button--${k.kind} btn-kind-${k.kind}`}
            hoverClass="kind-button--pressed"
            onTap={() => go(withQuery(ROUTES.orderNew, { kind: k.kind }))}
          >
            <View className="kind-button__title">{k.title}</View>
            <View className="kind-button__hint">{k.hint}</View>
          </Tap>
        ))}
      </View>

      <Section title="我的需求" more={{ text: '全部', onClick: () => go(ROUTES.myOrders), className: 'link-my-orders' }}>
        <StateSwitch
          of={mine}
          empty={active.length === 0}
          rows={2}
          emptyNode={<EmptyState title="没有进行中的需求" hint="需要帮忙，就点上面的大按钮告诉社区。" />}
        >
          {active.slice(0, 5).map((o) => (
            <OrderCard key={o.id} order={o} onClick={() => go(withQuery(ROUTES.orderDetail, { id: o.id }))} />
          ))}
        </StateSwitch>
      </Section>
    </View>
  )
}
