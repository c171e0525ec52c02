// 登录: H5 demo sign-in lists the seeded people by community; in WeChat the platform knows who you are.
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { DemoUser } from '@shared/accounts'
import { ROLES } from '@shared/enums'
import Btn from '@/components/btn'
import Screen from '@/components/screen'
import { EmptyState, StateSwitch } from '@/components/state'
import { ROLE_LABEL } from '@/constants/labels'
import { ROUTES } from '@/constants/routes'
import { useRemote } from '@/hooks/useRemote'
import { platform } from '@/platform'
import { fetchMe } from '@/services/accounts'
import { demoLogin, listDemoUsers } from '@/services/auth'
import { toast } from '@/services/feedback'
import { useSession } from '@/store/session'
import './index.scss'

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
      await fetchMe()
      void Taro.switchTab({ url: ROUTES.home })
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

function DemoSignIn() {
  const { user } = useSession()
  const demo = useRemote(listDemoUsers, [], { refreshOnShow: false })
  const groups = groupByCommunity(demo.data ?? [])

  const signIn = async (u: DemoUser) => {
    try {
      await demoLogin(u.id)
      toast(`欢迎，${u.name}`)
      void Taro.switchTab({ url: ROUTES.home })
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
              <View key={u.id} className="login-user" hoverClass="login-user--pressed" onClick={() => void signIn(u)}>
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
              </View>
            ))}
          </View>
        ))}
      </StateSwitch>
    </View>
  )
}

export default function Login() {
  return <Screen className="login-page">{platform.signIn === 'wechat' ? <WechatSignIn /> : <DemoSignIn />}</Screen>
}
