// The one-line input as WeChat draws it: the native <input> carries the class itself.
// (H5: text-input.h5.tsx, by Taro's file suffix.)
import { Input } from '@tarojs/components'
import { cls } from '@/utils/cls'
import type { TextInputProps } from './types'

export function TextInput({ value, onChange, placeholder, maxLength, type = 'text', className, ariaLabel }: TextInputProps) {
  return (
    <Input
      className={cls('text-input', className)}
      ariaLabel={ariaLabel}
      value={value}
      type={type === 'password' ? 'text' : type}
      password={type === 'password'}
      placeholder={placeholder}
      maxlength={maxLength}
      onInput={(e) => onChange(e.detail.value)}
    />
  )
}
