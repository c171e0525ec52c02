// 积分: balance, this year's earned / spent, points lapsing this year; then 明细 (the ledger in words),
// 规则 (how points are earned, in plain words) and 排行 (opt-in for persons; branches and work units).
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { Ranking } from '@shared/points'
import Btn from '@/components/btn'
import Screen from '@/components/screen'
import { EmptyState, PagedList, StateSwitch } from '@/components/state'
import Switch from '@/components/switch'
import { LEDGER_REASON_LABEL, RANKING_BY_LABEL, awardPartsText } from '@/constants/labels'
import { ROUTES } from '@/constants/routes'
import { useAction } from '@/hooks/useAction'
import { usePaged, useRemote } from '@/hooks/useRemote'
import { setRankingOptIn } from '@/services/accounts'
import { pointsApi } from '@/services/points'
import { cls } from '@/utils/cls'
import { go } from '@/utils/nav'
import { formatTime } from '@/utils/time'
import './index.scss'
import Tap from '@/components/tap'

type Tab = 'ledger' | 'rules' | 'ranking'
const TABS: Array<{ value: Tab; label: string }> = [
  { value: 'ledger', label: '积分明细' },
  { value: 'rules', label: '怎么得积分' },
  { value: 'ranking', label: '排行榜' },
]
const BYS: Array<Ranking['by']> = ['branch', 'workUnit', 'person']

function Ledger() {
  const ledger = usePaged((cursor) => pointsApi.ledger(cursor), [])
  return (
    <PagedList
      list={ledger}
      className="ledger"
      emptyNode={
        <EmptyState
          title="还没有积分记录"
          hint="完成一个工单或参加一次志愿活动就能得到积分。"
          action={{ text: '去接单大厅', onClick: () => go(ROUTES.hall) }}
        />
      }
    >
      {(e) => (
        <View key={e.id} className="ledger-row">
          <View className="ledger-row__main">
            <View className="ledger-row__note">{e.note || LEDGER_REASON_LABEL[e.reason]}</View>
            {e.parts?.length ? <View className="ledger-row__parts">{awardPartsText(e.parts)}</View> : null}
            <View className="ledger-row__date">{[formatTime(e.at), `余 ${e.balanceAfter}`].join(' · ')}</View>
          </View>
          <Text className={cls('ledger-row__delta', e.delta >= 0 ? 'ledger-row__delta--plus' : 'ledger-row__delta--minus')}>
            {e.delta >= 0 ? `+${e.delta}` : `−${-e.delta}`}
          </Text>
        </View>
      )}
    </PagedList>
  )
}

function Rules() {
  const rules = useRemote(() => pointsApi.rules(), [])
  const lines = rules.data?.explained ?? []
  return (
    <StateSwitch
      of={rules}
      empty={lines.length === 0}
      rows={1}
      emptyNode={<EmptyState title="社区还没有写积分规则" hint="有疑问可以问网格员或社区工作者。" />}
    >
      <View className="rules points-rules-list">
        {lines.map((line, i) => (
          <View key={line} className="rules__line">
            <Text className="rules__no">{i + 1}</Text>
            <Text className="rules__text">{line}</Text>
          </View>
        ))}
      </View>
    </StateSwitch>
  )
}

function RankingView({ optIn, onOptIn }: { optIn: boolean | undefined; onOptIn: (v: boolean) => void }) {
  const [by, setBy] = useState<Ranking['by']>('branch')
  const ranking = useRemote(() => pointsApi.ranking(by), [by, optIn])
  const rows = ranking.data?.rows ?? []
  const toggle = useAction((rid: string, v: boolean) => setRankingOptIn(v, rid))

  const change = (v: boolean) => {
    void toggle
      .exec(
        {
          ask: v ? '参加个人排行？其他党员会看到你的名字和今年的积分。' : '退出个人排行？你的名字不会再出现在个人排行里。',
          done: v ? '已参加个人排行' : '已退出个人排行',
        },
        v,
      )
      .then((me) => {
        if (me) onOptIn(v)
      })
  }

  return (
    <View className="ranking">
      <View className="ranking__optin">
        <View className="ranking__optin-text">
          <View className="ranking__optin-title">参加个人排行</View>
          <View className="ranking__optin-hint">
            {optIn ? '已参加：你的名字和积分会出现在个人排行里' : '自愿参加；不参加也照样得积分、换商品'}
          </View>
        </View>
        <Switch
          className="switch-ranking-optin"
          label="参加个人排行"
          checked={!!optIn}
          disabled={optIn === undefined || toggle.busy}
          onChange={change}
        />
      </View>

      <View className="ranking__tabs">
        {BYS.map((b) => (
          <Tap key={b} className={cls('ranking__tab', `ranking-by-${b}`, by === b && 'ranking__tab--on')} onTap={() => setBy(b)}>
            按{RANKING_BY_LABEL[b]}
          </Tap>
        ))}
      </View>
      {by === 'person' && <View className="ranking__note">个人排行只显示自愿参加的党员。</View>}
      {ranking.data && <View className="ranking__note">{ranking.data.year} 年获得的积分</View>}

      <StateSwitch
        of={ranking}
        empty={rows.length === 0}
        rows={2}
        emptyNode={<EmptyState title="还没有人上榜" hint={by === 'person' ? '还没有党员参加个人排行。' : '今年还没有人得到积分。'} />}
      >
        <View className="ledger ranking__list">
          {rows.map((r) => (
            <View key={`${r.rank}-${r.name}`} className={cls('ranking-row', r.isMe && 'ranking-row--me')}>
              <Text className={cls('ranking-row__rank', r.rank <= 3 && 'ranking-row__rank--top')}>{r.rank}</Text>
              <View className="ranking-row__main">
                <View className="ranking-row__name">
                  {r.name}
                  {r.isMe && <Text className="ranking-row__me">{by === 'person' ? '我' : '我所在'}</Text>}
                </View>
                {r.members !== undefined && <View className="ranking-row__sub">{r.members} 名党员</View>}
              </View>
              <Text className="ranking-row__points">{r.points} 分</Text>
            </View>
          ))}
        </View>
      </StateSwitch>
    </View>
  )
}

export default function Points() {
  const balance = useRemote(() => pointsApi.balance(), [])
  const [tab, setTab] = useState<Tab>('ledger')
  const b = balance.data
  const dash = balance.error ? '—' : '…'

  return (
    <Screen className="points">
      <View className="points-hero">
        <View className="points-hero__label">现有积分</View>
        <View className="points-hero__value points-balance">{b ? b.balance : dash}</View>
        <View className="points-hero__row">
          <View className="points-hero__cell">
            <View className="points-hero__num">{b ? b.yearEarned : dash}</View>
            <View className="points-hero__sub">今年获得</View>
          </View>
          <View className="points-hero__cell">
            <View className="points-hero__num">{b ? b.yearSpent : dash}</View>
            <View className="points-hero__sub">今年使用</View>
          </View>
        </View>
        {b && b.expiringThisYear > 0 && (
          <View className="points-hero__expiring points-expiring">有 {b.expiringThisYear} 积分将在今年 12 月 31 日过期，记得用掉</View>
        )}
      </View>

      <View className="points-links">
        <Btn type="primary" className="link-mall" onClick={() => go(ROUTES.mall)}>
          积分商城
        </Btn>
        <Btn className="link-redemptions" onClick={() => go(ROUTES.redemptions)}>
          我的兑换
        </Btn>
      </View>

      <View className="points-tabs" role="tablist">
        {TABS.map((t) => (
          <Tap
            key={t.value}
            role="tab"
            on={tab === t.value}
            className={cls('points-tabs__item', `points-tab-${t.value}`, tab === t.value && 'points-tabs__item--on')}
            onTap={() => setTab(t.value)}
          >
            {t.label}
          </Tap>
        ))}
      </View>

      {tab === 'ledger' && <Ledger />}
      {tab === 'rules' && <Rules />}
      {tab === 'ranking' && (
        <RankingView
          optIn={b?.rankingOptIn}
          onOptIn={(v) => {
            if (b) balance.setData({ ...b, rankingOptIn: v })
          }}
        />
      )}
    </Screen>
  )
}
