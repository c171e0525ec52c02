// The one-line input in the browser. Taro's React Input (config h5.useHtmlComponents) is a bare <input>;
// the box around it keeps the shape the page styles and the browser journeys know (the class on the box,
// `.input-title input` inside it), and the input takes the label as its accessible name.
import { Input, View } from '@tarojs/components'
import { cls } from '@/utils/cls'
import { inputProps } from './input-props'
import type { TextInputProps } from './types'

export function TextInput(props: TextInputProps) {
  return (
    <View className={cls('text-input', props.className)}>
      <Input className="text-input__field" aria-label={props.ariaLabel} {...inputProps(props)} />
    </View>
  )
}
