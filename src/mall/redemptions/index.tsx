// 我的兑换: each redemption with its status; one waiting for pickup shows the code large and as a QR,
// the date it must be picked up by, and 取消兑换 (points back).
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Redemption } from '@shared/mall'
import Btn from '@/components/btn'
import Qr from '@/components/qr'
import Screen from '@/components/screen'
import { EmptyState, PagedList } from '@/components/state'
import { REDEMPTION_STATUS_LABEL } from '@/constants/labels'
import { ROUTES } from '@/constants/routes'
import { useAction } from '@/hooks/useAction'
import { usePaged } from '@/hooks/useRemote'
import { mallApi } from '@/services/mall'
import { cls } from '@/utils/cls'
import { go } from '@/utils/nav'
import { formatDateTime, formatTime } from '@/utils/time'
import './index.scss'

/** "1234 5678": two groups of four read aloud more easily. */
const spaced = (code: string) => code.replace(/^(\d{4})(\d{4})$/, '$1 $2')

function whenLine(r: Redemption): string {
  if (r.status === 'picked') return `${formatTime(r.pickedAt)} 已领取`
  if (r.status === 'cancelled') return '已取消，积分已退回'
  if (r.status === 'expired') return '超过 30 天未领取，积分已退回'
  return `请在 ${formatDateTime(r.expiresAt)} 前领取`
}

function RedemptionCard({ r, focus, onCancelled }: { r: Redemption; focus: boolean; onCancelled: () => void }) {
  const cancel = useAction((rid: string) => mallApi.cancelRedemption(r.id, rid))
  const pending = r.status === 'pending'
  return (
    <View className={cls('redemption', `redemption--${r.status}`, !pending && 'redemption--done', focus && 'redemption--focus')}>
      {focus && <View className="redemption__done">兑换成功，凭下面的核销码领取</View>}
      <View className="redemption__top">
        <View className="redemption__name">{r.goodsName}</View>
        <Text className={cls('redemption__status', `redemption__status--${r.status}`)}>{REDEMPTION_STATUS_LABEL[r.status]}</Text>
      </View>
      <View className="redemption__meta">
        {r.price} 积分 · {formatTime(r.createdAt)} 兑换
      </View>
      {pending && (
        <>
          <View className="redemption__pickup">
            <View className="redemption__code-label">核销码</View>
            <View className="redemption__code redemption-code">{spaced(r.code)}</View>
            <View className="redemption__qr redemption-qr">
              <Qr text={r.code} size={240} />
            </View>
          </View>
          <View className="redemption__where">到社区服务中心出示核销码或二维码领取。{whenLine(r)}。</View>
          <Btn
            block
            type="danger"
            className="btn-cancel-redemption"
            loading={cancel.busy}
            onClick={() =>
              void cancel
                .exec({ ask: `取消兑换「${r.goodsName}」？${r.price} 积分会退回。`, confirmText: '取消兑换', done: '已取消，积分已退回' })
                .then((x) => {
                  if (x) onCancelled()
                })
            }
          >
            取消兑换
          </Btn>
        </>
      )}
      {!pending && <View className="redemption__meta">{whenLine(r)}</View>}
    </View>
  )
}

export default function Redemptions() {
  const focusId = useRouter().params.id ?? ''
  const list = usePaged((cursor) => mallApi.myRedemptions(cursor), [])
  // the one just redeemed first
  const items = [...list.items].sort((a, b) => Number(b.id === focusId) - Number(a.id === focusId))

  return (
    <Screen className="redemptions">
      <PagedList
        list={list}
        items={items}
        rows={2}
        emptyNode={
          <EmptyState
            title="还没有兑换过"
            hint="到积分商城挑一件，用积分兑换。"
            action={{ text: '去积分商城', onClick: () => go(ROUTES.mall) }}
          />
        }
      >
        {(r) => (
          <RedemptionCard key={r.id} r={r} focus={r.id === focusId && r.status === 'pending'} onCancelled={() => void list.reload()} />
        )}
      </PagedList>
    </Screen>
  )
}
