// 首页: changes with the role; people with several roles switch at the top.
import { View } from '@tarojs/components'
import Screen from '@/components/screen'
import Btn from '@/components/btn'
import { ROUTES } from '@/constants/routes'
import { go } from '@/utils/nav'
import RoleSwitch from '@/components/role-switch'
import { ErrorState, Skeleton } from '@/components/state'
import { useMe } from '@/hooks/useMe'
import { useUnreadBadge } from '@/hooks/useUnreadBadge'
import { session, viewRolesOf } from '@/store/session'
import GridHome from './GridHome'
import MemberHome from './MemberHome'
import ResidentHome from './ResidentHome'
import StaffHome from './StaffHome'
import StreetHome from './StreetHome'
import './index.scss'

export default function Home() {
  const { user, role, error, refresh, loading } = useMe()
  useUnreadBadge()

  if (!user) {
    return (
      <Screen className="home">
        {error ? <ErrorState error={error} onRetry={() => void refresh()} /> : loading ? <Skeleton rows={3} /> : null}
      </Screen>
    )
  }

  return (
    <Screen className="home">
      <View className="home__hello">
        <View className="home__name">您好，{user.name}</View>
        <View className="home__community">{[user.communityName, user.gridName].filter(Boolean).join(' · ')}</View>
      </View>
      {role && <RoleSwitch roles={viewRolesOf(user.roles)} value={role} onChange={(r) => session.setRole(r)} />}
      {role === 'resident' && <ResidentHome />}
      {role === 'member' && <MemberHome />}
      {role === 'staff' && <StaffHome />}
      {role === 'grid_worker' && <GridHome />}
      {role === 'street' && <StreetHome />}
      {!role && (
        <View className="home__norole">
          <View>您的账号还没有开通服务：请先登记住址，社区工作者核对后就能使用。</View>
          <Btn block type="primary" className="link-register" onClick={() => go(ROUTES.register)}>
            登记住址 / 查看审核进度
          </Btn>
        </View>
      )}
    </Screen>
  )
}
