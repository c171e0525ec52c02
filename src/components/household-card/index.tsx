// One household in a list: the address, who lives there, its tags, and when it is to be visited.
import { Text, View } from '@tarojs/components'
import type { HouseholdSummary } from '@shared/households'
import { HOUSEHOLD_TAG_LABELS } from '@shared/labels'
import Tap from '@/components/tap'
import { cls } from '@/utils/cls'
import { formatDate } from '@/utils/time'
import './index.scss'

/** "该走访了 · 上次 6月1日" · "6月18日前走访" */
export function visitWords(h: Pick<HouseholdSummary, 'due' | 'dueAt' | 'lastVisitAt'>): string {
  const last = h.lastVisitAt ? `上次 ${formatDate(h.lastVisitAt)}` : '还没走访过'
  return h.due ? `该走访了 · ${last}` : `${formatDate(h.dueAt)}前走访 · ${last}`
}

export default function HouseholdCard({ household: h, onClick }: { household: HouseholdSummary; onClick: () => void }) {
  return (
    <Tap className={cls('household-card', h.due && 'household-card--due')} hoverClass="household-card--pressed" onTap={onClick}>
      <View className="household-card__head">
        <Text className="household-card__address">
          {h.buildingName} {h.room}
        </Text>
        <Text className="household-card__grid">{h.gridName}</Text>
      </View>
      <View className="household-card__who">
        {h.head}
        {h.memberCount > 1 ? ` 等 ${h.memberCount} 人` : ''}
      </View>
      {h.tags.length > 0 && (
        <View className="household-card__tags">
          {h.tags.map((t) => (
            <Text key={t} className="household-tag">
              {HOUSEHOLD_TAG_LABELS[t]}
            </Text>
          ))}
        </View>
      )}
      <View className={cls('household-card__visit', h.due && 'household-card__visit--due')}>{visitWords(h)}</View>
    </Tap>
  )
}
