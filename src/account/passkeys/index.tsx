// 通行密钥 (the browser only; WeChat has its own door): sign in with the phone's fingerprint, face or
// screen lock instead of the password — add one on this device, see when each was added and last used,
// remove one. The password stays: a browser offers passkeys only over https or on this computer.
import { Text, View } from '@tarojs/components'
import type { PasskeyView } from '@shared/accounts'
import Btn from '@/components/btn'
import Screen from '@/components/screen'
import { EmptyState, StateSwitch } from '@/components/state'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { platform } from '@/platform'
import { toast } from '@/services/feedback'
import { addPasskey, listPasskeys, passkeysAvailable, removePasskey } from '@/services/passkeys'
import { formatDate } from '@/utils/time'
import '@/styles/blocks.scss'
import './index.scss'

function PasskeyRow({ p, n, onRemoved }: { p: PasskeyView; n: number; onRemoved: () => void }) {
  const remove = useAction((requestId: string) => removePasskey(p.id, requestId))
  const run = async () => {
    const done = await remove.exec({ ask: '删除这个通行密钥？删除后不能再用它登录。', confirmText: '删除', done: '已删除' })
    if (done) onRemoved()
  }
  return (
    <View className="passkey-row">
      <View className="passkey-row__who">
        <Text className="passkey-row__name">通行密钥 {n}</Text>
        <Text className="passkey-row__when">
          {formatDate(p.createdAt)}添加 · {p.lastUsedAt ? `${formatDate(p.lastUsedAt)}用过` : '还没用过'}
        </Text>
      </View>
      <Btn size="small" type="danger" className="btn-remove-passkey" loading={remove.busy} onClick={() => void run()}>
        删除
      </Btn>
    </View>
  )
}

export default function PasskeysPage() {
  const list = useRemote(listPasskeys, [])
  const items = list.data ?? []
  const available = passkeysAvailable()
  const add = useAction((requestId: string) => addPasskey(requestId))
  const run = async () => {
    const added = await add.exec({})
    if (!added) return
    toast('已添加，下次可以用它登录', 'success')
    void list.reload()
  }
  return (
    <Screen className="passkeys-page">
      <View className="wb-hint">用手机的指纹、面容或锁屏密码登录，不用输密码。密码照样能用。</View>
      <StateSwitch of={list} empty={items.length === 0} emptyNode={<EmptyState title="还没有通行密钥" />}>
        {items.map((p, i) => (
          <PasskeyRow key={p.id} p={p} n={i + 1} onRemoved={() => void list.reload()} />
        ))}
      </StateSwitch>
      <View className="passkeys-add">
        {available ? (
          <Btn type="primary" block className="btn-add-passkey" loading={add.busy} onClick={() => void run()}>
            添加通行密钥
          </Btn>
        ) : (
          <View className="wb-hint">{platform.passkeys ? '这个浏览器用不了通行密钥（网址要是 https）。' : '微信里不用通行密钥。'}</View>
        )}
      </View>
    </Screen>
  )
}
