// Optional direct assignment: "全体党员可接" or one member; hidden when the member list is unavailable.
import { Text, View } from '@tarojs/components'
import type { PostType } from '@shared/enums'
import { POST_TYPE_LABEL } from '@/constants/labels'
import { useRemote } from '@/hooks/useRemote'
import { listMembers } from '@/services/accounts'
import { cls } from '@/utils/cls'

export default function MemberPicker({ category, value, onChange }: { category: PostType; value: string; onChange: (id: string, name: string) => void }) {
  const members = useRemote(listMembers, [], { refreshOnShow: false })
  if (members.error) return null
  const list = [...(members.data ?? [])].sort((a, b) => Number(b.posts.includes(category)) - Number(a.posts.includes(category)))

  return (
    <View className='member-picker'>
      <View className='member-picker__label'>派给谁</View>
      <View className={cls('member-option', 'member-option--all', value === '' && 'member-option--on')} onClick={() => onChange('', '')}>
        <Text className='member-option__name'>全体党员可接</Text>
        <Text className='member-option__why'>放进接单大厅，谁先接谁做</Text>
      </View>
      {members.loading && <View className='member-picker__loading'>正在读取党员名单…</View>}
      {list.map((m) => {
        const fits = m.posts.includes(category)
        return (
          <View key={m.id} className={cls('member-option', value === m.id && 'member-option--on')} onClick={() => onChange(m.id, m.name)}>
            <Text className='member-option__name'>{m.name}</Text>
            <Text className='member-option__why'>
              {[m.gridName, fits ? `认领了${POST_TYPE_LABEL[category]}岗` : '', m.skills.slice(0, 3).join('、')].filter(Boolean).join(' · ')}
            </Text>
          </View>
        )
      })}
    </View>
  )
}
