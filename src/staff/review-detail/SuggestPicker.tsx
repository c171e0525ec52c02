// 推荐人选: the best members for this order with why ("同网格 +20 · 已认领助老扶幼岗 +30 · 手头 2 单 −10");
// pick one to dispatch to them directly, or leave it to the hall ("全体党员可接").
import { Text, View } from '@tarojs/components'
import type { ScorePart } from '@shared/orders'
import Btn from '@/components/btn'
import { useRemote } from '@/hooks/useRemote'
import { ordersApi } from '@/services/orders'
import { cls } from '@/utils/cls'
import Tap from '@/components/tap'

/** "同网格 +20 · 手头 2 单 −10" */
export function partsInWords(parts: ScorePart[]): string {
  return parts.map((p) => `${p.label} ${p.points >= 0 ? '+' : '−'}${Math.abs(p.points)}`).join(' · ')
}

export default function SuggestPicker({
  orderId,
  value,
  onChange,
}: {
  orderId: string
  value: string
  onChange: (id: string, name: string) => void
}) {
  const suggestions = useRemote(() => ordersApi.suggest(orderId), [orderId], { refreshOnShow: false })
  const list = suggestions.data ?? []

  return (
    <View className="member-picker">
      <View className="member-picker__label">派给谁</View>
      <Tap
        role="radio"
        on={value === ''}
        className={cls('member-option', 'member-option--all', value === '' && 'member-option--on')}
        onTap={() => onChange('', '')}
      >
        <Text className="member-option__name">全体党员可接</Text>
        <Text className="member-option__why">放进接单大厅，谁先接谁做</Text>
      </Tap>
      <View className="member-picker__sub">推荐人选（按合适程度排序）</View>
      {suggestions.loading && <View className="member-picker__loading">正在找合适的党员…</View>}
      {suggestions.error && (
        <View className="member-picker__error">
          <Text>推荐人选没有加载出来。</Text>
          <Btn size="small" className="btn-retry" onClick={() => void suggestions.reload()}>
            重试
          </Btn>
        </View>
      )}
      {suggestions.data && list.length === 0 && <View className="member-picker__loading">暂时没有合适的党员，可以放进接单大厅。</View>}
      {list.map((s, i) => (
        <Tap
          key={s.member.id}
          className={cls('member-option', 'suggestion', value === s.member.id && 'member-option--on')}
          role="radio"
          on={value === s.member.id}
          onTap={() => onChange(s.member.id, s.member.name)}
        >
          <View className="member-option__head">
            <Text className="member-option__name">
              {i === 0 ? '最合适 · ' : ''}
              {s.member.name}
            </Text>
            <Text className="member-option__score">合适度 {s.score}</Text>
          </View>
          {s.parts.length > 0 && <Text className="member-option__why suggestion-why">{partsInWords(s.parts)}</Text>}
          <Text className="member-option__meta">
            {[s.member.gridName, s.member.skills.slice(0, 3).join('、')].filter(Boolean).join(' · ')}
          </Text>
        </Tap>
      ))}
    </View>
  )
}
