// A plain, large button: a View so it looks the same in WeChat and H5 and is clickable by its text; a
// button to a screen reader and a keyboard (components/tap).
import type { PropsWithChildren } from 'react'
import Tap from '@/components/tap'
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
    <Tap
      className={cls('btn', `btn--${type}`, `btn--${size}`, block && 'btn--block', inactive && 'btn--disabled', className)}
      hoverClass="btn--pressed"
      disabled={inactive}
      onTap={onClick}
    >
      {loading ? '请稍候…' : children}
    </Tap>
  )
}
