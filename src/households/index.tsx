// 一户一档: the households the caller keeps (a 网格员: their grids'; community staff: every grid's), by
// tag or a name / room; ?due=1 opens on 该走访了 — those whose visit, by their tags' cadence, is due.
// 结对帮扶's coverage: how many had no visit nor care task in 30 days, how many have no pair — each a filter.
import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { HOUSEHOLD_TAGS, type HouseholdTag } from '@shared/enums'
import { HOUSEHOLD_TAG_LABELS } from '@shared/labels'
import { HOUSEHOLD_LIMITS } from '@shared/limits'
import Btn from '@/components/btn'
import { Chips } from '@/components/field'
import HouseholdCard from '@/components/household-card'
import Screen from '@/components/screen'
import SearchBox from '@/components/search-box'
import { EmptyState, StateSwitch } from '@/components/state'
import { ROUTES, withQuery } from '@/constants/routes'
import { useRemote } from '@/hooks/useRemote'
import { householdsApi } from '@/services/households'
import { go } from '@/utils/nav'
import './index.scss'

type Filter = 'all' | 'due' | 'stale' | 'unpaired' | HouseholdTag

/** Coverage: no visit nor care task in this many days. */
const COVERAGE_DAYS = 30

export default function Households() {
  const params = useRouter().params
  const [filter, setFilter] = useState<Filter>(params.due ? 'due' : 'all')
  const [search, setSearch] = useState('')
  const coverage = useRemote(() => householdsApi.coverage(COVERAGE_DAYS), [])
  const list = useRemote(
    () =>
      filter === 'due'
        ? householdsApi.due().then((d) => d.items)
        : filter === 'stale' || filter === 'unpaired'
          ? householdsApi.coverage(COVERAGE_DAYS).then((c) => c.items.filter((r) => (filter === 'stale' ? r.stale : !r.paired)))
          : householdsApi.list({ ...(filter !== 'all' ? { tag: filter } : {}), ...(search ? { q: search } : {}) }),
    [filter, search],
  )
  const items = list.data ?? []
  const options: Array<{ value: Filter; label: string }> = [
    { value: 'all', label: '全部' },
    { value: 'due', label: '该走访了' },
    { value: 'stale', label: `${COVERAGE_DAYS}天没去过` },
    { value: 'unpaired', label: '未结对' },
    ...HOUSEHOLD_TAGS.map((t) => ({ value: t as Filter, label: HOUSEHOLD_TAG_LABELS[t] })),
  ]

  return (
    <Screen className="households">
      <View className="households__hint">四必访：独居、高龄的每周走访一次，残疾、困境儿童家庭每两周，其他每月。</View>
      <Btn block type="primary" className="btn-new-household" onClick={() => go(ROUTES.householdEdit)}>
        ＋ 建档（新的一户）
      </Btn>
      {coverage.data && (
        <View className="households__coverage">
          共 {coverage.data.total} 户：{COVERAGE_DAYS} 天内没有走访或帮扶的 {coverage.data.stale} 户，还没结对的 {coverage.data.unpaired} 户
        </View>
      )}
      <Chips className="household-filter" options={options} value={filter} onChange={setFilter} />
      {(filter === 'all' || HOUSEHOLD_TAGS.includes(filter as HouseholdTag)) && (
        <SearchBox
          name="household"
          placeholder="姓名或门牌号"
          maxLength={HOUSEHOLD_LIMITS.query.max}
          initial={search}
          onSearch={setSearch}
        />
      )}
      <View className="households__count">{list.data ? `${items.length} 户` : ''}</View>
      <StateSwitch
        of={list}
        empty={items.length === 0}
        rows={3}
        emptyNode={
          filter === 'due' ? (
            <EmptyState title="都走访过了" hint="到了走访的日子，这户会出现在这里。" />
          ) : filter === 'stale' ? (
            <EmptyState title={`${COVERAGE_DAYS} 天内每户都去过了`} hint="走访或结对帮扶都算。" />
          ) : filter === 'unpaired' ? (
            <EmptyState title="每户都有结对的党员了" />
          ) : (
            <EmptyState title="没有找到" hint="这里只有您负责网格里建了档的住户。" />
          )
        }
      >
        {items.map((h) => (
          <HouseholdCard key={h.id} household={h} onClick={() => go(withQuery(ROUTES.household, { id: h.id }))} />
        ))}
      </StateSwitch>
    </Screen>
  )
}
