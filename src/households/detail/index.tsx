// 户档案: one household as its keepers see it — the address, its people (registered or known only from
// the file), tags, the consent on file, when it is to be visited, and its visits newest first, each with
// what it found and the order it became, and the orders placed for its people. 走访 opens the visit form,
// 修改档案 the file's form. 结对帮扶: the pair and its care tasks done; its keepers arrange or end the pair,
// a paired member reads the page only.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { AGE_BAND_LABELS, CONSENT_METHOD_LABELS, HOUSEHOLD_TAG_LABELS } from '@shared/labels'
import Btn from '@/components/btn'
import Card, { InfoRow } from '@/components/card'
import { visitWords } from '@/components/household-card'
import PhotoGrid from '@/components/photo-grid'
import Tap from '@/components/tap'
import { STATUS_LABEL } from '@/constants/labels'
import Screen from '@/components/screen'
import { DetailPending, EmptyState, isGone } from '@/components/state'
import { ROUTES, withQuery } from '@/constants/routes'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { householdsApi } from '@/services/households'
import { cls } from '@/utils/cls'
import { go } from '@/utils/nav'
import { formatDate, formatDateTime } from '@/utils/time'
import './index.scss'

export default function HouseholdDetail() {
  const id = useRouter().params.id ?? ''
  const remote = useRemote(() => householdsApi.get(id), [id])
  const unpair = useAction((rid: string, pairId: string) => householdsApi.unpair(pairId, rid))
  const h = remote.data
  if (!h) return <DetailPending of={remote} gone={isGone(remote.error)} title="没有找到这户" hint="可能不在您负责的网格里。" />

  return (
    <Screen className="household">
      <Card>
        <View className="household__address">
          {h.buildingName} {h.room}
        </View>
        <View className="household__grid">{h.gridName}</View>
        {h.tags.length > 0 && (
          <View className="household-card__tags">
            {h.tags.map((t) => (
              <Text key={t} className="household-tag">
                {HOUSEHOLD_TAG_LABELS[t]}
              </Text>
            ))}
          </View>
        )}
        <View className={cls('household__visit', h.due && 'household__visit--due')}>{visitWords(h)}</View>
        <View className="household__cadence">按规定每 {h.cadenceDays} 天走访一次</View>
        {h.mayEdit && (
          <>
            <Btn block type="primary" size="large" className="btn-visit" onClick={() => go(withQuery(ROUTES.visit, { id: h.id }))}>
              走访
            </Btn>
            <Btn block className="btn-edit-household" onClick={() => go(withQuery(ROUTES.householdEdit, { id: h.id }))}>
              修改档案
            </Btn>
          </>
        )}
      </Card>

      <Card title="结对帮扶" className="household-pair">
        {h.pair ? (
          <>
            <InfoRow label="结对党员" value={h.pair.members.map((m) => m.name).join('、')} />
            <InfoRow label="帮扶" value={`${h.pair.title}${h.pair.members.length > 1 ? '（二对一，一人完成即可）' : ''}`} />
            <InfoRow label="下次" value={h.pair.due ? `该去了（${formatDate(h.pair.dueAt)}到期）` : `${formatDate(h.pair.dueAt)}前`} />
            <InfoRow label="上次" value={h.pair.lastCareAt ? formatDate(h.pair.lastCareAt) : '还没有'} />
            <InfoRow label="安排人" value={`${h.pair.pairedBy.name} · ${formatDate(h.pair.pairedAt)}`} />
            {h.mayEdit && (
              <Btn
                block
                className="btn-unpair"
                loading={unpair.busy}
                onClick={() =>
                  void unpair
                    .exec({ ask: '确认解除结对？已完成的帮扶记录会保留。', confirmText: '解除', done: '已解除结对' }, h.pair?.id ?? '')
                    .then((d) => d && remote.setData(d))
                }
              >
                解除结对
              </Btn>
            )}
          </>
        ) : (
          <EmptyState
            title="还没有结对"
            hint={h.mayEdit ? '安排一到两位党员定期上门帮扶。' : undefined}
            action={h.mayEdit ? { text: '安排结对', onClick: () => go(withQuery(ROUTES.pair, { id: h.id })) } : undefined}
          />
        )}
        {h.care.map((c) => (
          <View key={c.id} className="care-item">
            <View className="care-item__head">
              {formatDateTime(c.at)} · {c.member.name} · {c.title}
            </View>
            <View className="care-item__report">{c.report}</View>
            {c.photos.length > 0 && <PhotoGrid photos={c.photos} />}
          </View>
        ))}
      </Card>

      <Card title="家庭成员">
        {h.members.map((m) => (
          <View key={m.id} className="household-member">
            <View className="household-member__name">
              {m.name}
              <Text className="household-member__relation">
                {m.relation} · {AGE_BAND_LABELS[m.ageBand]}
              </Text>
            </View>
            <View className="household-member__meta">
              {m.residentId ? '已注册' : '未注册'}
              {m.phone ? ` · ${m.phone}` : ''}
            </View>
          </View>
        ))}
      </Card>

      <Card title="建档同意">
        <InfoRow label="同意人" value={h.consent.by} />
        <InfoRow label="方式" value={CONSENT_METHOD_LABELS[h.consent.method]} />
        <InfoRow label="时间" value={formatDate(h.consent.at)} />
        <InfoRow label="记录人" value={h.consent.recordedBy.name} />
        <InfoRow label="备注" value={h.note} />
      </Card>

      {h.orders.length > 0 && (
        <Card title="为这户提的需求">
          {h.orders.map((o) => (
            <Tap
              key={o.id}
              role="link"
              className="household-order"
              hoverClass="household-order--pressed"
              onTap={() => go(withQuery(ROUTES.reviewDetail, { id: o.id }))}
            >
              <View className="household-order__title">
                {o.title}
                <Text className="household-order__status">{STATUS_LABEL[o.status]}</Text>
              </View>
              <View className="household-order__meta">
                为{o.memberName}
                {o.hasAccount ? '' : '（未注册，办完由社区代为确认）'} · {formatDate(o.createdAt)}
              </View>
            </Tap>
          ))}
        </Card>
      )}

      <Card title={`走访记录 ${h.visits.length} 次`}>
        {h.visits.length === 0 ? (
          <EmptyState title="还没有走访记录" hint="点上面的“走访”记下这次看到的情况。" />
        ) : (
          h.visits.map((v) => (
            <View key={v.id} className="visit-item">
              <View className="visit-item__head">
                {formatDateTime(v.at)} · {v.visitor.name}
              </View>
              <View className="visit-item__found">{v.found}</View>
              {v.photos.length > 0 && <PhotoGrid photos={v.photos} />}
              {v.order && h.mayEdit && (
                <View
                  className="visit-item__order"
                  hoverClass="visit-item__order--pressed"
                  onClick={() => go(withQuery(ROUTES.reviewDetail, { id: v.order?.id }))}
                >
                  已转为需求：{v.order.title} ›
                </View>
              )}
            </View>
          ))
        )}
      </Card>
    </Screen>
  )
}
