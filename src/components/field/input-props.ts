// What Taro's Input takes from a TextInput, the same on both platforms (text-input.tsx, text-input.h5.tsx):
// a password is text shown as dots, and each keystroke reports the whole value.
import type { Input } from '@tarojs/components'
import type { ComponentProps } from 'react'
import type { TextInputProps } from './types'

export function inputProps({ value, onChange, placeholder, maxLength, type = 'text' }: TextInputProps): ComponentProps<typeof Input> {
  return {
    value,
    type: type === 'password' ? 'text' : type,
    password: type === 'password',
    placeholder,
    maxlength: maxLength,
    onInput: (e) => onChange(e.detail.value),
  }
}
