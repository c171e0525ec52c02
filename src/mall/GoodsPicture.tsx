// A goods picture, or a plain tile with the first character of its name when there is none.
import { Image, Text, View } from '@tarojs/components'
import type { Goods } from '@shared/mall'
import { photoSrc } from '@/services/transport'
import { cls } from '@/utils/cls'
import './GoodsPicture.scss'

export default function GoodsPicture({ goods, className }: { goods: Pick<Goods, 'name' | 'image'>; className?: string }) {
  return (
    <View className={cls('goods-pic', className)}>
      {goods.image ? (
        <Image className="goods-pic__img" src={photoSrc(goods.image.url)} mode="aspectFill" lazyLoad />
      ) : (
        <Text className="goods-pic__glyph">{goods.name.slice(0, 1)}</Text>
      )}
    </View>
  )
}
