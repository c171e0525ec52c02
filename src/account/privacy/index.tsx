// 个人信息与隐私 (我的 → 个人信息与隐私): what the service holds about me (accounts.exportMyData), a copy of
// it (a file in the browser; in WeChat the text to paste into a chat or a note), and 注销账号
// (accounts.deleteMe) after saying what goes, what is kept anonymised for the community's records, and why.
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { ERASED, KEPT } from '@shared/privacy'
import Btn from '@/components/btn'
import Card, { InfoRow } from '@/components/card'
import Screen from '@/components/screen'
import { ErrorState, Skeleton } from '@/components/state'
import { ROUTES } from '@/constants/routes'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { platform } from '@/platform'
import { deleteMe, exportMyData } from '@/services/accounts'
import { toast } from '@/services/feedback'
import { session } from '@/store/session'
import '@/styles/blocks.scss'
import './index.scss'

const count = (n: number, unit = '条') => (n > 0 ? `${n} ${unit}` : '没有')

export default function Privacy() {
  const mine = useRemote(() => exportMyData(), [], { refreshOnShow: false })
  // WeChat: whether the 隐私保护指引 was agreed to (wx.getPrivacySetting); none in the browser
  const guide = useRemote(async () => (platform.privacy ? platform.privacy.setting() : null), [], { refreshOnShow: false })
  const [deleting, setDeleting] = useState(false)
  const remove = useAction((requestId: string) => deleteMe(requestId))

  const d = mine.data
  if (!d)
    return (
      <Screen className="wb privacy">
        {mine.error ? <ErrorState error={mine.error} onRetry={() => void mine.reload()} /> : <Skeleton rows={4} />}
      </Screen>
    )

  const save = async () => {
    try {
      const how = await platform.saveText({ name: `我的数据-${d.exportedAt.slice(0, 10)}.json`, text: JSON.stringify(d, null, 2) })
      toast(how === 'copied' ? '已复制，可以粘贴到聊天或备忘录里保存' : '已开始下载')
    } catch {
      // WeChat: the clipboard is behind the privacy guide too
      toast('没有复制成功：需要先同意隐私保护指引')
    }
  }

  const erase = () =>
    void remove.exec({ ask: '注销后不能恢复，确定注销账号吗？', confirmText: '注销' }).then((done) => {
      if (!done) return
      session.clear()
      toast('账号已注销')
      setTimeout(() => void Taro.reLaunch({ url: ROUTES.login }), 1200)
    })

  const p = d.profile
  return (
    <Screen className="wb privacy">
      <Card title="我们保存的你的信息" className="privacy-held">
        <InfoRow label="姓名" value={p.name} />
        <InfoRow label="手机号" value={p.phone} />
        <InfoRow label="住址" value={p.address ?? p.buildingName} />
        <InfoRow label="社区" value={p.communityName} />
        <InfoRow label="我的需求" value={count(d.orders.length)} />
        <InfoRow label="接过的工单" value={count(d.tasks.length)} />
        <InfoRow label="积分" value={`余额 ${d.points.balance.balance}，明细 ${count(d.points.ledger.length)}`} />
        <InfoRow label="兑换" value={count(d.redemptions.length)} />
        <InfoRow label="活动报名" value={count(d.signups.length)} />
        <InfoRow label="消息" value={count(d.inbox.length)} />
        <InfoRow label="登记" value={count(d.registrations.length)} />
        <InfoRow label="三评" value={count(d.evaluations.length, '份')} />
        <InfoRow
          label="订阅消息"
          value={d.subscriptions.length ? d.subscriptions.map((s) => `${s.name} ${s.left} 次`).join('，') : '没有'}
        />
        <InfoRow label="亮身份卡" value={d.card ? d.card.title : '没有'} />
        <View className="wb-hint">
          {platform.savesTextTo === 'clipboard'
            ? '导出的是全部内容，会复制到剪贴板，可以粘贴到聊天或备忘录里保存。'
            : '导出的是全部内容，会下载成一个数据文件保存到这台设备上。'}
        </View>
        <Btn block type="primary" className="btn-export" onClick={() => void save()}>
          导出我的数据
        </Btn>
      </Card>

      {platform.privacy && (
        <Card title="隐私保护指引" className="privacy-guide">
          <InfoRow label="状态" value={guide.data ? (guide.data.needAuthorization ? '还没有同意' : '已同意') : null} />
          <View className="wb-hint">选照片、选地点、用微信手机号之前会先请你同意；不同意也能继续使用，只是不能用这些功能。</View>
          <Btn block className="btn-privacy-guide" onClick={() => platform.privacy?.openGuide()}>
            查看《红网邻里隐私保护指引》
          </Btn>
        </Card>
      )}

      <Card title="注销账号" className="privacy-delete">
        {!deleting ? (
          <>
            <View className="wb-hint">注销后你的个人信息会被删除，不能恢复。点下面的按钮先看看会删除什么、保留什么。</View>
            <Btn block type="danger" className="btn-delete-start" onClick={() => setDeleting(true)}>
              注销账号
            </Btn>
          </>
        ) : (
          <>
            <View className="privacy-delete__title">会删除</View>
            {ERASED.map((t) => (
              <View key={t} className="privacy-delete__item">
                {t}
              </View>
            ))}
            <View className="privacy-delete__title">会匿名保留（为了社区的记录，不再和你的身份关联）</View>
            {KEPT.map((t) => (
              <View key={t} className="privacy-delete__item">
                {t}
              </View>
            ))}
            <Btn block type="danger" className="btn-delete-confirm" loading={remove.busy} onClick={erase}>
              我已了解，注销账号
            </Btn>
            <Btn block className="btn-delete-cancel" onClick={() => setDeleting(false)}>
              先不注销
            </Btn>
          </>
        )}
      </Card>
    </Screen>
  )
}
