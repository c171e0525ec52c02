// 积分: balance, earned / spent, and the ledger in words.
import { Text, View } from '@tarojs/components'
import Screen from '@/components/screen'
import { EmptyState, LoadMore, StateSwitch } from '@/components/state'
import { LEDGER_REASON_LABEL } from '@/constants/labels'
import { ROUTES } from '@/constants/routes'
import { usePaged, useRemote } from '@/hooks/useRemote'
import { pointsApi } from '@/services/points'
import { cls } from '@/utils/cls'
import { go } from '@/utils/nav'
import { formatTime } from '@/utils/time'
import './index.scss'

export default function Points() {
  const balance = useRemote(() => pointsApi.balance(), [])
  const ledger = usePaged((cursor) => pointsApi.ledger(cursor), [])
  const b = balance.data

  return (
    <Screen className='points'>
      <View className='points-hero'>
        <View className='points-hero__label'>现有积分</View>
        <View className='points-hero__value points-balance'>{b ? b.balance : balance.error ? '—' : '…'}</View>
        <View className='points-hero__row'>
          <Text>共获得 {b ? b.earned : '—'}</Text>
          <Text>已使用 {b ? b.spent : '—'}</Text>
        </View>
      </View>

      <View className='points-rules'>完成工单、参加志愿活动可以得积分，积分能在社区积分商城兑换生活用品。</View>

      <View className='points__title'>积分明细</View>
      <StateSwitch
        loading={ledger.loading}
        error={ledger.error}
        empty={ledger.items.length === 0}
        onRetry={() => void ledger.reload()}
        emptyNode={<EmptyState title='还没有积分记录' hint='完成一个工单就能得到积分。' action={{ text: '去接单大厅', onClick: () => go(ROUTES.hall) }} />}
      >
        <View className='ledger'>
          {ledger.items.map((e) => (
            <View key={e.id} className='ledger-row'>
              <View className='ledger-row__main'>
                <View className='ledger-row__note'>{e.note || LEDGER_REASON_LABEL[e.reason]}</View>
                <View className='ledger-row__date'>
                  {[formatTime(e.at), e.note ? '' : LEDGER_REASON_LABEL[e.reason], `余 ${e.balanceAfter}`].filter(Boolean).join(' · ')}
                </View>
              </View>
              <Text className={cls('ledger-row__delta', e.delta >= 0 ? 'ledger-row__delta--plus' : 'ledger-row__delta--minus')}>
                {e.delta >= 0 ? `+${e.delta}` : `${e.delta}`}
              </Text>
            </View>
          ))}
        </View>
        <LoadMore hasMore={ledger.hasMore} loading={ledger.loadingMore} onMore={() => void ledger.loadMore()} />
      </StateSwitch>
    </Screen>
  )
}
