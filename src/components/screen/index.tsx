// Root of every page: applies 长辈模式 (larger text and targets) through one class.
import { View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { useSession } from '@/store/session'
import { cls } from '@/utils/cls'
import './index.scss'

export default function Screen({ className, children }: PropsWithChildren<{ className?: string }>) {
  const { elder } = useSession()
  return <View className={cls('screen', elder && 'elder', className)}>{children}</View>
}
