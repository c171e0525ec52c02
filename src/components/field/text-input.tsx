// The one-line input as WeChat draws it: the native <input> carries the class itself.
// (H5: text-input.h5.tsx, by Taro's file suffix.)
import { Input } from '@tarojs/components'
import { cls } from '@/utils/cls'
import { inputProps } from './input-props'
import type { TextInputProps } from './types'

export function TextInput(props: TextInputProps) {
  return <Input className={cls('text-input', props.className)} ariaLabel={props.ariaLabel} {...inputProps(props)} />
}
