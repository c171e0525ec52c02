// A score out of 100: quick choices, or type any whole number.
import { View } from '@tarojs/components'
import { Chips, TextInput } from '@/components/field'
import './shared.scss'

const QUICK = ['95', '90', '85', '80', '70', '60'] as const

export default function ScoreInput({ value, onChange, className }: { value: string; onChange: (v: string) => void; className?: string }) {
  return (
    <View className={className}>
      <Chips
        className="score-chips"
        options={QUICK.map((q) => ({ value: q, label: `${q} 分` }))}
        value={value as (typeof QUICK)[number]}
        onChange={onChange}
      />
      <TextInput
        className="input-score score-input"
        value={value}
        onChange={(v) => onChange(v.replace(/\D/g, '').slice(0, 3))}
        placeholder="或填写 0–100 的分数"
        maxLength={3}
        type="number"
      />
    </View>
  )
}

/** A whole number from 0 to 100, or null. */
export function scoreOf(v: string): number | null {
  if (!/^\d{1,3}$/.test(v)) return null
  const n = Number(v)
  return n <= 100 ? n : null
}
