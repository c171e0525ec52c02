// A white rounded block with an optional title: the basic container of detail pages and forms.
import { View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
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
