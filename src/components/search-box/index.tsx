// A search box: a text field and 找, which reports the trimmed term — the page loads what it needs
// with it. `name` names the field and the button for the browser journeys (input-<name>-search,
// btn-<name>-search); `initial` is the term in force when the box is shown again.
import { View } from '@tarojs/components'
import { useState } from 'react'
import Btn from '@/components/btn'
import { TextInput } from '@/components/field'
import './index.scss'

export default function SearchBox({
  name,
  placeholder,
  maxLength,
  initial = '',
  onSearch,
}: {
  name: string
  placeholder: string
  maxLength: number
  initial?: string
  onSearch: (term: string) => void
}) {
  const [q, setQ] = useState(initial)
  return (
    <View className="search-box">
      <TextInput
        className={`input-${name}-search search-box__input`}
        value={q}
        onChange={setQ}
        placeholder={placeholder}
        maxLength={maxLength}
      />
      <Btn className={`btn-${name}-search`} onClick={() => onSearch(q.trim())}>
        找
      </Btn>
    </View>
  )
}
