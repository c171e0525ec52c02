// The order's climb up the ladder (分级响应 网格 → 社区 → 街道): when, from where to where, and why.
import { Text, View } from '@tarojs/components'
import type { Escalation } from '@shared/orders'
import type { Level } from '@shared/enums'
import { LEVEL_LABEL } from '@/constants/labels'
import Card from '../card'
import { formatTime } from '@/utils/time'
import './index.scss'

export default function Escalations({ level, escalations }: { level: Level; escalations: Escalation[] }) {
  if (escalations.length === 0 && level === 'grid') return null
  const list = [...escalations].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
  return (
    <Card title="升级记录" className="escalations">
      <View className="escalations__now">
        现在由<Text className="escalations__level">{LEVEL_LABEL[level]}</Text>处理
      </View>
      {list.map((e) => (
        <View key={`${e.at}-${e.to}`} className="escalations__item escalation-item">
          <View className="escalations__what">
            {LEVEL_LABEL[e.from]} → {LEVEL_LABEL[e.to]}
            {e.reason ? `：${e.reason}` : ''}
          </View>
          <View className="escalations__when">{formatTime(e.at)}</View>
        </View>
      ))}
    </Card>
  )
}
