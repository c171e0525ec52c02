// One 结对帮扶 task in a member's list: what it is (每周探望), for whom and where, when it is due, with whom.
import { Text, View } from '@tarojs/components'
import type { CareTaskView } from '@shared/care'
import { HOUSEHOLD_TAG_LABELS } from '@shared/labels'
import Tap from '@/components/tap'
import { cls } from '@/utils/cls'
import { formatDate } from '@/utils/time'
import './index.scss'

/** "该去了 · 已到期" · "6月18日前去 · 现在就可以" · "这次已完成 · 6月16日起可以做下次" */
export function careWords(t: Pick<CareTaskView, 'due' | 'open' | 'dueAt' | 'opensAt'>): string {
  if (t.due) return `该去了 · ${formatDate(t.dueAt)}到期`
  if (t.open) return `${formatDate(t.dueAt)}前完成`
  return `这次已完成 · ${formatDate(t.opensAt)}起可以做下次`
}

export default function CareCard({ task: t, onClick }: { task: CareTaskView; onClick: () => void }) {
  return (
    <Tap className={cls('care-card', t.due && 'care-card--due')} hoverClass="care-card--pressed" onTap={onClick}>
      <View className="care-card__head">
        <Text className="care-card__title">{t.title}</Text>
        <Text className="care-card__points">+{t.points} 分</Text>
      </View>
      <View className="care-card__who">
        {t.head} · {t.address}
      </View>
      {t.tags.length > 0 && (
        <View className="care-card__tags">
          {t.tags.map((tag) => (
            <Text key={tag} className="care-card__tag">
              {HOUSEHOLD_TAG_LABELS[tag]}
            </Text>
          ))}
        </View>
      )}
      <View className={cls('care-card__due', t.due && 'care-card__due--now')}>{careWords(t)}</View>
      {t.partner && <View className="care-card__partner">和{t.partner.name}一起结对（一人完成即可）</View>}
    </Tap>
  )
}
