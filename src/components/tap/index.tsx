// Anything to tap that is not a Btn — a card, a chip, a row, a link: a View that a screen reader names
// (a button by default, or a tab / radio / checkbox / link with its state) and that a keyboard can reach
// and press with Enter or Space. WeChat reads `role` and `aria-*` on a view; the rest is for browsers.
import { View } from '@tarojs/components'
import type { CSSProperties, PropsWithChildren } from 'react'

export interface TapProps {
  className?: string
  /** The mini-program's pressed look (`--pressed` modifiers); 'none' for none. */
  hoverClass?: string
  style?: CSSProperties
  role?: 'button' | 'link' | 'tab' | 'radio' | 'checkbox' | 'switch'
  /** What a screen reader says when the text alone does not say it ("删除这张照片"). */
  label?: string
  /** Tabs: the one shown; radios and checkboxes: chosen. */
  on?: boolean
  disabled?: boolean
  onTap?: () => void
}

const KEYS = new Set(['Enter', ' '])

export default function Tap({
  className,
  hoverClass,
  style,
  role = 'button',
  label,
  on,
  disabled,
  onTap,
  children,
}: PropsWithChildren<TapProps>) {
  const state =
    on === undefined ? {} : role === 'tab' ? { 'aria-selected': on ? 'true' : 'false' } : { 'aria-checked': on ? 'true' : 'false' }
  // tabIndex and onKeyDown are browser props Taro's View types leave out; the mini-program ignores them
  const keyboard = {
    tabIndex: disabled ? -1 : 0,
    onKeyDown: (e: { key?: string; preventDefault?: () => void }) => {
      if (!e.key || !KEYS.has(e.key)) return
      e.preventDefault?.()
      if (!disabled) onTap?.()
    },
  }
  return (
    <View
      className={className}
      hoverClass={disabled ? 'none' : hoverClass}
      style={style}
      role={role}
      aria-label={label}
      aria-disabled={disabled ? 'true' : undefined}
      {...state}
      {...(keyboard as object)}
      onClick={() => {
        if (!disabled) onTap?.()
      }}
    >
      {children}
    </View>
  )
}
