// One item of a list — an order, an activity: its category's colour tile (or a cover photo) on the left,
// then a row of small tags, the title, and what the card adds below. OrderCard and ActivityCard fill it.
import { Image, Text, View } from '@tarojs/components'
import type { PropsWithChildren, ReactNode } from 'react'
import type { PostType } from '@shared/enums'
import { POST_TYPE_COLOR, POST_TYPE_GLYPH, POST_TYPE_LABEL } from '@/constants/labels'
import { cls } from '@/utils/cls'
import './index.scss'
import Tap from '@/components/tap'

export interface ListCardProps {
  category: PostType
  title: string
  /** A photo instead of the colour tile. */
  cover?: string | null
  /** Tags after the category, left (kind, 本周末) and right (status, my place). */
  tags?: ReactNode
  badge?: ReactNode
  className?: string
  onClick: () => void
}

export default function ListCard({ category, title, cover, tags, badge, className, onClick, children }: PropsWithChildren<ListCardProps>) {
  return (
    <Tap className={cls('list-card', className)} hoverClass="list-card--pressed" onTap={onClick}>
      {cover ? (
        <Image className="list-card__tile list-card__cover" src={cover} mode="aspectFill" lazyLoad />
      ) : (
        <View className="list-card__tile" style={{ background: POST_TYPE_COLOR[category] }}>
          <Text className="list-card__glyph">{POST_TYPE_GLYPH[category]}</Text>
        </View>
      )}
      <View className="list-card__body">
        <View className="list-card__top">
          <Text className="list-card__category">{POST_TYPE_LABEL[category]}</Text>
          {tags}
          <View className="list-card__spacer" />
          {badge}
        </View>
        <View className="list-card__title">{title}</View>
        {children}
      </View>
    </Tap>
  )
}
