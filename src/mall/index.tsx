// 积分商城: goods I can redeem with points — picture, name, price, stock, how many more I may take.
import { Text, View } from '@tarojs/components'
import Screen from '@/components/screen'
import { EmptyState, StateSwitch } from '@/components/state'
import { ROUTES, withQuery } from '@/constants/routes'
import { useRemote } from '@/hooks/useRemote'
import { mallApi } from '@/services/mall'
import { pointsApi } from '@/services/points'
import { go } from '@/utils/nav'
import { blockedReason } from './blocked'
import GoodsPicture from './GoodsPicture'
import './index.scss'
import Tap from '@/components/tap'

export default function Mall() {
  const goods = useRemote(() => mallApi.listGoods(), [])
  const balance = useRemote(() => pointsApi.balance(), [])
  const items = goods.data ?? []
  const mine = balance.data?.balance

  return (
    <Screen className="mall">
      <View className="mall-balance">
        <View>
          <View className="mall-balance__label">我的积分</View>
          <View className="mall-balance__value mall-balance-value">{mine ?? (balance.error ? '—' : '…')}</View>
        </View>
        <Tap className="mall-balance__link link-redemptions" onTap={() => go(ROUTES.redemptions)}>
          我的兑换 ›
        </Tap>
      </View>
      <View className="mall__hint">兑换后凭核销码到社区服务中心领取，30 天内有效。</View>

      <StateSwitch
        of={goods}
        empty={items.length === 0}
        rows={2}
        emptyNode={
          <EmptyState
            title="商城还没有上架商品"
            hint="社区上架新商品后会出现在这里。先去接单攒积分吧。"
            action={{ text: '去接单大厅', onClick: () => go(ROUTES.hall) }}
          />
        }
      >
        <View className="goods-grid">
          {items.map((g) => {
            const blocked = blockedReason(g, mine)
            return (
              <Tap
                key={g.id}
                className="goods-card"
                hoverClass="goods-card--pressed"
                onTap={() => go(withQuery(ROUTES.goods, { id: g.id }))}
              >
                <GoodsPicture goods={g} />
                <View className="goods-card__body">
                  <View className="goods-card__name">{g.name}</View>
                  <View className="goods-card__price">{g.price} 积分</View>
                  <View className="goods-card__meta">
                    <Text>剩余 {g.stock}</Text>
                    {/* what stops it says it all: not 「还能换 2 件」 over 「积分不够，还差 35 分」 */}
                    {!blocked && <Text> · 还能换 {g.remainingLimit} 件</Text>}
                  </View>
                  {blocked && <View className="goods-card__flag">{blocked}</View>}
                </View>
              </Tap>
            )
          })}
        </View>
      </StateSwitch>
    </Screen>
  )
}
