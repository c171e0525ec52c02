// A white rounded block with an optional title: the basic container of detail pages and forms; and the
// label–value row such blocks list their facts in.
import { Text, View } from '@tarojs/components'
import type { PropsWithChildren, ReactNode } from 'react'
import { cls } from '@/utils/cls'
import './index.scss'

export default function Card({ title, className, children }: PropsWithChildren<{ title?: string; className?: string }>) {
  return (
    <View className={cls('card', className)}>
      {title && <View className="card__title">{title}</View>}
      {children}
    </View>
  )
}

/** "地点  1号楼": nothing at all when there is no value to show. */
export function InfoRow({ label, value, children }: { label: string; value?: string | null; children?: ReactNode }) {
  if (!children && !value) return null
  return (
    <View className="info-row">
      <Text className="info-row__label">{label}</Text>
      <View className="info-row__value">{children ?? value}</View>
    </View>
  )
}
