// A titled block on a page, with an optional link on the right ("全部 ›").
import { View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { cls } from '@/utils/cls'
import './index.scss'
import Tap from '@/components/tap'

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
          <Tap className={cls('section__more', more.className)} onTap={more.onClick}>
            {more.text} ›
          </Tap>
        )}
      </View>
      <View className={cls(card && 'section__card')}>{children}</View>
    </View>
  )
}
