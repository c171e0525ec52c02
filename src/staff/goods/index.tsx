// 商品管理 (staff): every good, on or off the shelf, with stock; edit, restock, 上架 / 下架.
import { Image, Text, View } from '@tarojs/components'
import type { Goods } from '@shared/mall'
import Btn from '@/components/btn'
import Screen from '@/components/screen'
import { EmptyState, StateSwitch } from '@/components/state'
import { ROUTES, withQuery } from '@/constants/routes'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { mallApi, toGoodsInput } from '@/services/mall'
import { photoSrc } from '@/services/transport'
import { cls } from '@/utils/cls'
import { go } from '@/utils/nav'
import './index.scss'

const LOW_STOCK = 5

function GoodsRow({ g, onSaved }: { g: Goods; onSaved: (next: Goods) => void }) {
  const shelf = useAction((rid: string) => mallApi.upsertGoods({ ...toGoodsInput(g), onShelf: !g.onShelf }, rid))
  const toggle = () =>
    void shelf
      .exec(
        g.onShelf
          ? { ask: `把「${g.name}」下架？下架后党员看不到它，已兑换的照常领取。`, confirmText: '下架', done: '已下架' }
          : { ask: `把「${g.name}」上架？党员马上就能兑换。`, confirmText: '上架', done: '已上架' },
      )
      .then((next) => {
        if (next) onSaved(next)
      })
  return (
    <View className={cls('goods-row', 'staff-goods-row', !g.onShelf && 'goods-row--off')}>
      <View className="goods-row__pic">
        {g.image ? <Image className="goods-row__img" src={photoSrc(g.image.url)} mode="aspectFill" /> : <Text>{g.name.slice(0, 1)}</Text>}
      </View>
      <View className="goods-row__body">
        <View className="goods-row__top">
          <View className="goods-row__name">{g.name}</View>
          <Text className={cls('goods-row__shelf', !g.onShelf && 'goods-row__shelf--off')}>{g.onShelf ? '上架中' : '已下架'}</Text>
        </View>
        <View className="goods-row__meta">
          {g.price} 积分 · 每人限 {g.limitPerMember} 件
        </View>
        <View className={cls('goods-row__meta', g.stock <= LOW_STOCK && 'goods-row__low')}>
          库存 {g.stock}
          {g.stock === 0 ? '，已兑完，请补货' : g.stock <= LOW_STOCK ? '，快没了' : ''}
        </View>
        <View className="goods-row__buttons">
          <Btn size="small" className="btn-goods-edit" onClick={() => go(withQuery(ROUTES.goodsEdit, { id: g.id }))}>
            编辑/补货
          </Btn>
          <Btn size="small" type={g.onShelf ? 'danger' : 'primary'} className="btn-goods-shelf" loading={shelf.busy} onClick={toggle}>
            {g.onShelf ? '下架' : '上架'}
          </Btn>
        </View>
      </View>
    </View>
  )
}

export default function StaffGoods() {
  const goods = useRemote(() => mallApi.listGoods(true), [])
  const items = goods.data ?? []
  const onSaved = (next: Goods) => goods.setData(items.map((g) => (g.id === next.id ? next : g)))

  return (
    <Screen className="staff-goods">
      <Btn block type="primary" size="large" className="btn-goods-new" onClick={() => go(ROUTES.goodsEdit)}>
        上架新商品
      </Btn>
      <StateSwitch
        of={goods}
        empty={items.length === 0}
        emptyNode={<EmptyState title="还没有商品" hint="点上面的「上架新商品」，党员就能用积分兑换了。" />}
      >
        {items.map((g) => (
          <GoodsRow key={g.id} g={g} onSaved={onSaved} />
        ))}
      </StateSwitch>
    </Screen>
  )
}
