// A plain, large button: a View so it looks the same in WeChat and H5 and is clickable by its text.
import { View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { cls } from '@/utils/cls'
import './index.scss'

export interface BtnProps {
  type?: 'primary' | 'default' | 'danger' | 'plain'
  size?: 'large' | 'normal' | 'small'
  block?: boolean
  disabled?: boolean
  loading?: boolean
  className?: string
  onClick?: () => void
}

export default function Btn({
  type = 'default',
  size = 'normal',
  block,
  disabled,
  loading,
  className,
  onClick,
  children,
}: PropsWithChildren<BtnProps>) {
  const inactive = disabled || loading
  return (
    <View
      className={cls('btn', `btn--${type}`, `btn--${size}`, block && 'btn--block', inactive && 'btn--disabled', className)}
      hoverClass={inactive ? 'none' : 'btn--pressed'}
      aria-disabled={inactive ? 'true' : undefined}
      onClick={() => {
        if (!inactive) onClick?.()
      }}
    >
      {loading ? '请稍候…' : children}
    </View>
  )
}
