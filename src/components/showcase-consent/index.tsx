// 晒服务 consent on a closed order: off until the resident turns it on, and they may turn it off again.
// Shown on the grid's 三亮一晒 page without their name, phone or address.
import { Text, View } from '@tarojs/components'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { workbenchApi } from '@/services/workbench'
import { cls } from '@/utils/cls'
import './index.scss'
import Tap from '@/components/tap'

export default function ShowcaseConsent({ orderId }: { orderId: string }) {
  const state = useRemote(() => workbenchApi.consent(orderId), [orderId], { refreshOnShow: false })
  const toggle = useAction((requestId: string, consent: boolean) => workbenchApi.setConsent(orderId, consent, requestId))
  const on = state.data?.consent === true
  if (!state.data) return null
  const flip = async () => {
    const next = !on
    const saved = await toggle.exec(
      next
        ? { ask: '同意把这次服务展示在网格的“三亮一晒”页面？不会显示您的姓名、电话和住址。', confirmText: '同意', done: '已同意展示' }
        : { done: '已取消展示' },
      next,
    )
    if (saved) state.setData(saved)
  }
  return (
    <Tap className={cls('card showcase-consent', on && 'showcase-consent--on')} onTap={() => void flip()} role="checkbox" on={on}>
      <Text className="showcase-consent__box">{on ? '☑' : '☐'}</Text>
      <View className="showcase-consent__text">
        <View className="showcase-consent__title">{on ? '已同意在网格公示栏展示' : '同意在网格公示栏展示这次服务'}</View>
        <View className="showcase-consent__hint">只展示服务内容和照片，不显示您的姓名、电话和住址；随时可以取消。</View>
      </View>
    </Tap>
  )
}
