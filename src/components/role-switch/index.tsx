// Segmented control 居民 / 党员 / 工作人员 for people with several roles; the choice is remembered.
import { View } from '@tarojs/components'
import { ROLE_LABEL } from '@/constants/labels'
import type { ViewRole } from '@/store/session'
import { cls } from '@/utils/cls'
import './index.scss'
import Tap from '@/components/tap'

export default function RoleSwitch({ roles, value, onChange }: { roles: ViewRole[]; value: ViewRole; onChange: (r: ViewRole) => void }) {
  if (roles.length < 2) return null
  return (
    <View className="role-switch" role="tablist">
      {roles.map((r) => (
        <Tap
          key={r}
          role="tab"
          on={r === value}
          className={cls('role-switch__item', 'role-switch-item', r === value && 'role-switch__item--on')}
          onTap={() => onChange(r)}
        >
          {ROLE_LABEL[r]}
        </Tap>
      ))}
    </View>
  )
}
