// 商品详情: picture, price, stock and my limit; 兑换 asks once, showing the balance after.
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import Btn from '@/components/btn'
import Card, { InfoRow } from '@/components/card'
import Screen from '@/components/screen'
import { DetailPending } from '@/components/state'
import { ROUTES, withQuery } from '@/constants/routes'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { mallApi } from '@/services/mall'
import { pointsApi } from '@/services/points'
import { go, replace } from '@/utils/nav'
import { blockedReason } from '../blocked'
import GoodsPicture from '../GoodsPicture'
import './index.scss'

export default function GoodsDetail() {
  const id = useRouter().params.id ?? ''
  const goods = useRemote(async () => (await mallApi.listGoods()).find((g) => g.id === id) ?? null, [id], { skip: !id })
  const balance = useRemote(() => pointsApi.balance(), [])
  const redeem = useAction((rid: string) => mallApi.redeem(id, rid))

  const g = goods.data
  if (!g)
    return (
      <DetailPending
        of={goods}
        gone={!goods.loading && !goods.error}
        title="这件商品已下架"
        hint="回到商城看看别的吧。"
        backText="回积分商城"
        rows={2}
      />
    )

  const mine = balance.data?.balance
  const blocked = blockedReason(g, mine)
  const onRedeem = () => {
    const after = mine === undefined ? '' : `兑换后还剩 ${mine - g.price} 积分。`
    void redeem
      .exec({ ask: `用 ${g.price} 积分兑换「${g.name}」？${after}`, confirmText: '兑换', done: '兑换成功', subscribe: ['pickup_reminder'] })
      .then((r) => {
        if (r) replace(withQuery(ROUTES.redemptions, { id: r.id }))
        else {
          // not redeemed (declined, or sold out / limit / points changed meanwhile): show the numbers as they are now
          void goods.reload()
          void balance.reload()
        }
      })
  }

  return (
    <Screen className="goods-detail">
      <GoodsPicture goods={g} className="goods-detail__pic" />
      <Card>
        <View className="goods-detail__name">{g.name}</View>
        <View className="goods-detail__price">{g.price} 积分</View>
        {g.description && <View className="goods-detail__desc">{g.description}</View>}
        <InfoRow label="剩余" value={`${g.stock} 件`} />
        <InfoRow label="每人限换" value={`${g.limitPerMember} 件，您还能换 ${g.remainingLimit} 件`} />
        <InfoRow label="领取" value="凭核销码到社区服务中心领取，30 天内有效" />
      </Card>

      {mine !== undefined && (
        <View className="goods-detail__after">
          我的积分 {mine}
          {!blocked && `，兑换后剩 ${mine - g.price}`}
        </View>
      )}
      {blocked && <View className="goods-detail__blocked goods-blocked">{blocked}</View>}
      {redeem.error && !blocked && <View className="goods-detail__blocked redeem-error">{redeem.error.message}</View>}

      <Btn block type="primary" size="large" className="btn-redeem" disabled={!!blocked} loading={redeem.busy} onClick={onRedeem}>
        兑换
      </Btn>
      <Btn block className="link-redemptions" onClick={() => go(ROUTES.redemptions)}>
        我的兑换
      </Btn>
    </Screen>
  )
}
