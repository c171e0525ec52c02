// Under a shared card opened by someone who cannot act on it yet: what to do first — sign in (the
// browser), register (WeChat), or 党员报到 — and a way back to this page once that is done.
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import Btn from '@/components/btn'
import Card from '@/components/card'
import { ROUTES, withQuery } from '@/constants/routes'
import { platform } from '@/platform'
import { currentUrl, returnTo } from '@/store/return-to'
import { useSession } from '@/store/session'
import './index.scss'

export interface GuestCardProps {
  /** What a member does here: 报名, 认领. */
  act: string
  /** The community the shared record is of (where to register). */
  communityId: string
  communityName: string
}

/** Remember this page, then open `url`: signing in or registering brings the person back here. */
function thenBack(url: string) {
  const here = currentUrl()
  if (here) returnTo.remember(here)
  void Taro.navigateTo({ url })
}

export default function GuestCard({ act, communityId, communityName }: GuestCardProps) {
  const { user } = useSession()
  const registered = !!user && user.roles.length > 0
  if (!user && platform.signIn !== 'wechat')
    return (
      <Card title={`登录后就能${act}`} className="guest-card">
        <View className="guest-card__hint">
          {communityName}的党员登录后就能{act}。还没有账号，请社区工作人员发一个登录邀请。
        </View>
        <Btn block type="primary" size="large" className="btn-guest-sign-in" onClick={() => thenBack(ROUTES.login)}>
          登录
        </Btn>
      </Card>
    )
  if (!user)
    return (
      <Card title={`先登记，再${act}`} className="guest-card">
        <View className="guest-card__hint">
          住在{communityName}？先登记住址，社区工作者核对后就能使用。党员登记后再报到，就能{act}。
        </View>
        <Btn
          block
          type="primary"
          size="large"
          className="btn-guest-register"
          onClick={() => thenBack(withQuery(ROUTES.register, { communityId }))}
        >
          现在登记
        </Btn>
      </Card>
    )
  if (!registered || user.communityId !== communityId)
    return (
      <Card title={`${communityName}的党员可以${act}`} className="guest-card">
        <View className="guest-card__hint">
          {user.communityId !== communityId
            ? `这是${communityName}的，您的账号在别的社区。`
            : '您的登记还在等社区工作者核对，通过后就能使用。'}
        </View>
      </Card>
    )
  return (
    <Card title={`党员报到后就能${act}`} className="guest-card">
      <View className="guest-card__hint">在职党员、离退休党员都可以到居住社区报到，社区审核通过后就能{act}。</View>
      <Btn block type="primary" className="btn-guest-report" onClick={() => thenBack(withQuery(ROUTES.register, { kind: 'member' }))}>
        党员报到
      </Btn>
    </Card>
  )
}
