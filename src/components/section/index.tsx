// A titled block on a page, with an optional link on the right ("全部 ›").
import { View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { cls } from '@/utils/cls'
import './index.scss'

export interface SectionProps {
  title: string
  more?: { text: string; onClick: () => void; className?: string }
  card?: boolean
  className?: string
}

export default function Section({ title, more, card, className, children }: PropsWithChildren<SectionProps>) {
  return (
    <View className={cls('section', className)}>
      <View className="section__head">
        <View className="section__title">{title}</View>
        {more && (
          <View className={cls('section__more', more.className)} onClick={more.onClick}>
            {more.text} ›
          </View>
        )}
      </View>
      <View className={cls(card && 'section__card')}>{children}</View>
    </View>
  )
}
