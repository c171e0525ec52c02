// An on/off switch (长辈模式, 参加个人排行): a switch to screen readers too (role, state, name) and to a
// keyboard (components/tap), sized by the screen's --switch-h, so 长辈模式 makes it bigger. The row
// around it may handle the tap too (a larger target); the switch is the control that is named.
import Tap from '@/components/tap'
import { View } from '@tarojs/components'
import { cls } from '@/utils/cls'
import './index.scss'

export interface SwitchProps {
  checked: boolean
  /** What it switches, for screen readers ("长辈模式"). */
  label: string
  disabled?: boolean
  className?: string
  onChange: (next: boolean) => void
}

export default function Switch({ checked, label, disabled, className, onChange }: SwitchProps) {
  return (
    <View className="switch-host" onClick={(e) => e.stopPropagation()}>
      <Tap
        className={cls('switch', checked && 'switch--on', disabled && 'switch--disabled', className)}
        role="switch"
        on={checked}
        label={label}
        disabled={disabled}
        onTap={() => onChange(!checked)}
      >
        <View className="switch__knob" />
      </Tap>
    </View>
  )
}
