// The order's history, newest first: who did what, when.
import { View } from '@tarojs/components'
import type { OrderEvent } from '@shared/orders'
import { EVENT_LABEL, STATUS_LABEL } from '@/constants/labels'
import { formatTime } from '@/utils/time'
import './index.scss'

function describe(e: OrderEvent): string {
  const what = EVENT_LABEL[e.action] ?? `状态变为「${STATUS_LABEL[e.to]}」`
  return e.actor ? `${e.actor.name} ${what}` : what
}

export default function Timeline({ events }: { events: OrderEvent[] }) {
  const list = [...events].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
  return (
    <View className="timeline">
      {list.map((e) => (
        <View key={`${e.at}-${e.action}-${e.to}`} className="timeline__item">
          <View className="timeline__dot" />
          <View className="timeline__body">
            <View className="timeline__what">{describe(e)}</View>
            {e.note && <View className="timeline__note">{e.note}</View>}
            <View className="timeline__when">{formatTime(e.at)}</View>
          </View>
        </View>
      ))}
    </View>
  )
}
