// 我的: who I am, where I live, my roles, 长辈模式, sign out (H5 demo).
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'
import Btn from '@/components/btn'
import Screen from '@/components/screen'
import { ErrorState, Skeleton } from '@/components/state'
import { ROLE_LABEL } from '@/constants/labels'
import { ROUTES } from '@/constants/routes'
import { useMe } from '@/hooks/useMe'
import { signOut } from '@/services/auth'
import { confirm } from '@/services/feedback'
import { session, useSession } from '@/store/session'
import { go } from '@/utils/nav'
import './index.scss'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'

function Row({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <View className='me-row'>
      <Text className='me-row__label'>{label}</Text>
      <Text className='me-row__value'>{value || '未填写'}</Text>
    </View>
  )
}

export default function MePage() {
  const { user, error, refresh, loading } = useMe()
  const { elder } = useSession()

  const logout = async () => {
    if (!(await confirm('确定要退出登录吗？', { confirmText: '退出' }))) return
    signOut()
    void Taro.reLaunch({ url: ROUTES.login })
  }

  return (
    <Screen className='me-page'>
      {!user ? (
        error ? <ErrorState error={error} onRetry={() => void refresh()} /> : loading ? <Skeleton rows={2} /> : null
      ) : (
        <>
          <View className='me-card'>
            <View className='me-card__name'>{user.name}</View>
            <View className='me-card__roles'>
              {user.roles.map((r) => (
                <Text key={r} className='me-card__role'>
                  {ROLE_LABEL[r]}
                </Text>
              ))}
            </View>
          </View>

          <View className='me-list'>
            <Row label='社区' value={user.communityName} />
            <Row label='网格' value={user.gridName} />
            <Row label='住址' value={user.address ?? user.buildingName} />
            <Row label='电话' value={user.phone} />
            {user.member && <Row label='党支部' value={user.member.branch} />}
            {user.member && <Row label='工作单位' value={user.member.workUnit} />}
          </View>

          <View className='me-list'>
            <View className='me-row elder-row' onClick={() => session.setElder(!elder)}>
              <View>
                <View className='me-row__label me-row__label--strong'>长辈模式</View>
                <View className='me-row__hint'>{elder ? '已开启：字更大，按钮更大' : '开启后字更大，按钮更大'}</View>
              </View>
              {/* the row handles the tap; the switch only shows the state */}
              <View onClick={(e) => e.stopPropagation()}>
                <Switch className='elder-switch' checked={elder} onChange={(v) => session.setElder(v)} />
              </View>
            </View>
            {user.roles.includes('member') && (
              <View className='me-row me-row--link link-points' onClick={() => go(ROUTES.points)}>
                <Text className='me-row__label me-row__label--strong'>我的积分</Text>
                <Text className='me-row__value'>查看 ›</Text>
              </View>
            )}
            {user.roles.includes('resident') && (
              <View className='me-row me-row--link link-my-orders' onClick={() => go(ROUTES.myOrders)}>
                <Text className='me-row__label me-row__label--strong'>我的工单</Text>
                <Text className='me-row__value'>查看 ›</Text>
              </View>
            )}
          </View>

          {!IS_WEAPP && (
            <Btn block type='danger' className='btn-logout' onClick={() => void logout()}>
              退出登录
            </Btn>
          )}
        </>
      )}
    </Screen>
  )
}
