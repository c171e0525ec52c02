// One member's 三评 packet: the year's figures, the three scores with their words, and the combination.
import { Text, View } from '@tarojs/components'
import type { EvaluationPacket, EvaluationPart, EvaluationScore } from '@shared/points'
import Card from '@/components/card'
import { formatDate } from '@/utils/time'
import { Figures } from './charts'
import '@/styles/blocks.scss'
import './shared.scss'

export const PART_LABEL: Record<EvaluationPart, string> = { self: '自评', community: '社区测评', branch: '组织考评' }
export const WEIGHT_TEXT = '自评占 20%，社区测评占 40%，组织考评占 40%'

function Part({ label, s, className }: { label: string; s: EvaluationScore | null; className: string }) {
  return (
    <View className={`wb-line ${className}`}>
      <View className="wb-line__main">
        <View className="wb-line__label">{label}</View>
        {s?.text && <View className="packet__text">{s.text}</View>}
        {s && (
          <Text className="wb-hint">
            {s.by ? `${s.by} · ` : ''}
            {formatDate(s.at)}
          </Text>
        )}
      </View>
      <View className="wb-line__value">{s ? `${s.score} 分` : '未填写'}</View>
    </View>
  )
}

export default function Packet({ p }: { p: EvaluationPacket }) {
  return (
    <>
      <Card title={`${p.year} 年综合评价`} className="packet">
        <View className="packet__grade">
          {p.combined !== null ? (
            <>
              <Text className="packet__combined">{p.combined}</Text>
              <Text className="packet__level">{p.grade}</Text>
            </>
          ) : (
            <Text className="packet__missing">还差：{p.missing.map((m) => PART_LABEL[m]).join('、')}</Text>
          )}
        </View>
        <View className="wb-hint">{WEIGHT_TEXT}。</View>
        <Part label="自评" s={p.self} className="part-self" />
        <Part label="社区测评" s={p.community} className="part-community" />
        <Part label="组织考评" s={p.branchScore} className="part-branch" />
      </Card>
      <Card title="全年工作台账">
        <Figures f={p.figures} />
      </Card>
    </>
  )
}
