// 1–5 stars, each a large tap target, with the meaning in words.
import { Text, View } from '@tarojs/components'
import { cls } from '@/utils/cls'
import './index.scss'
import Tap from '@/components/tap'

const WORDS = ['', '很不满意', '不太满意', '还可以', '满意', '非常满意']

export default function Stars({ value, onChange }: { value: number; onChange?: (v: number) => void }) {
  return (
    <View className="stars">
      <View className="stars__row">
        {[1, 2, 3, 4, 5].map((n) => (
          <Tap
            key={n}
            className={cls('stars__star', `star-${n}`, n <= value && 'stars__star--on')}
            role="radio"
            on={n === value}
            disabled={!onChange}
            label={`${n} 星`}
            onTap={() => onChange?.(n)}
          >
            ★
          </Tap>
        ))}
      </View>
      <Text className="stars__words">{value > 0 ? `${value} 星 · ${WORDS[value]}` : '请点星星打分'}</Text>
    </View>
  )
}
