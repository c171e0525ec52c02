// 登录: in the browser, the phone number and password (a self-hosted community) or a passkey where the
// browser has them, and — where the server runs the demo — the seeded people by community; in WeChat
// the platform knows who you are.
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { DemoUser } from '@shared/accounts'
import { ROLES } from '@shared/enums'
import Btn from '@/components/btn'
import Screen from '@/components/screen'
import { EmptyState, StateSwitch } from '@/components/state'
import { ROLE_LABEL } from '@/constants/labels'
import { ROUTES } from '@/constants/routes'
import { useState } from 'react'
import { InputField } from '@/components/field'
import { ACCOUNT_LIMITS as L } from '@shared/limits'
import { useRemote } from '@/hooks/useRemote'
import { useSignIn } from '@/hooks/useSignIn'
import { platform } from '@/platform'
import { fetchMe } from '@/services/accounts'
import { demoLogin, listDemoUsers, passwordSignIn } from '@/services/auth'
import { passkeySignIn, passkeysAvailable } from '@/services/passkeys'
import { toast } from '@/services/feedback'
import { goOnAfterSignIn } from '@/store/return-to'
import { useSession } from '@/store/session'
import './index.scss'
import Tap from '@/components/tap'

function groupByCommunity(users: DemoUser[]): Array<{ name: string; users: DemoUser[] }> {
  const groups = new Map<string, { name: string; users: DemoUser[] }>()
  for (const u of users) {
    const g = groups.get(u.communityId) ?? { name: u.communityName, users: [] }
    g.users.push(u)
    groups.set(u.communityId, g)
  }
  return [...groups.values()]
}

function WechatSignIn() {
  const retry = async () => {
    try {
      goOnAfterSignIn((await fetchMe()).id)
    } catch {
      // the transport has said why
    }
  }
  return (
    <View className="login-weapp">
      <View className="login__title">还没有登记</View>
      <View className="login__hint">请先登记住址，社区工作者核对后就能使用。</View>
      <Btn type="primary" block className="btn-register" onClick={() => void Taro.navigateTo({ url: ROUTES.register })}>
        现在登记
      </Btn>
      <Btn block className="btn-retry-login" onClick={() => void retry()}>
        我已登记，再试一次
      </Btn>
    </View>
  )
}

/** A passkey's sign-in; a cancelled prompt stays on this page (rejects quietly, as a refusal does). */
async function passkeyOrStay() {
  const me = await passkeySignIn()
  if (!me) throw new Error('cancelled')
  return me
}

function PasswordSignIn() {
  const [login, setLogin] = useState('')
  const [password, setPassword] = useState('')
  const { busy, submit: signIn } = useSignIn()
  const submit = async () => {
    if (!/^1[3-9]\d{9}$/.test(login)) return toast('请填写 11 位手机号')
    if (!password) return toast('请输入密码')
    await signIn(() => passwordSignIn(login, password))
  }
  return (
    <View className="login login--password">
      <View className="login__title">登录</View>
      <InputField
        label="手机号"
        className="input-login"
        type="number"
        value={login}
        onChange={setLogin}
        maxLength={11}
        placeholder="11 位手机号"
      />
      <InputField
        label="密码"
        className="input-password"
        type="password"
        value={password}
        onChange={setPassword}
        maxLength={L.password.max}
      />
      <Btn type="primary" block className="btn-sign-in" loading={busy} onClick={() => void submit()}>
        登录
      </Btn>
      {passkeysAvailable() && (
        <Btn block className="btn-passkey-sign-in" loading={busy} onClick={() => void signIn(passkeyOrStay)}>
          用通行密钥登录
        </Btn>
      )}
      <View className="login__hint">还没有密码或忘记了密码？请社区工作人员给您发一个登录邀请。</View>
    </View>
  )
}

function DemoSignIn() {
  const { user } = useSession()
  const demo = useRemote(listDemoUsers, [], { refreshOnShow: false })
  const groups = groupByCommunity(demo.data ?? [])
  // a server with demo off has no demo people: only the password form shows
  if (demo.error || (!demo.loading && groups.length === 0)) return null

  const signIn = async (u: DemoUser) => {
    try {
      await demoLogin(u.id)
      toast(`欢迎，${u.name}`)
      goOnAfterSignIn(u.id)
    } catch {
      // the transport toasted the reason
    }
  }

  return (
    <View className="login">
      <View className="login__title">选择一位演示用户登录</View>
      <View className="login__hint">本地演示模式：点一个名字即可登录。{user ? `当前是 ${user.name}。` : ''}</View>
      <StateSwitch
        of={demo}
        empty={groups.length === 0}
        emptyNode={<EmptyState title="没有演示用户" hint="演示登录没有开启，请联系管理员。" />}
      >
        {groups.map((g) => (
          <View key={g.name} className="login__group">
            <View className="login__community">{g.name}</View>
            {g.users.map((u) => (
              <Tap key={u.id} className="login-user" hoverClass="login-user--pressed" onTap={() => void signIn(u)}>
                <Text className="login-user__name">{u.name}</Text>
                <View className="login-user__roles">
                  {[...u.roles]
                    .sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b))
                    .map((r) => (
                      <Text key={r} className={`login-user__role login-user__role--${r}`}>
                        {ROLE_LABEL[r]}
                      </Text>
                    ))}
                </View>
              </Tap>
            ))}
          </View>
        ))}
      </StateSwitch>
    </View>
  )
}

export default function Login() {
  return (
    <Screen className="login-page">
      {platform.signIn === 'wechat' ? (
        <WechatSignIn />
      ) : (
        <>
          <PasswordSignIn />
          <DemoSignIn />
        </>
      )}
    </Screen>
  )
}
