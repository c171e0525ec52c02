// 我的: who I am, where I live, my roles, 长辈模式, sign out (H5 demo).
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Btn from '@/components/btn'
import Screen from '@/components/screen'
import { ErrorState, Skeleton } from '@/components/state'
import Switch from '@/components/switch'
import { MANAGEMENT_LABELS, MEMBER_STATUS_LABELS } from '@shared/labels'
import { ROLE_LABEL } from '@/constants/labels'
import { ROUTES, withQuery } from '@/constants/routes'
import { useMe } from '@/hooks/useMe'
import { useUnreadBadge } from '@/hooks/useUnreadBadge'
import { platform } from '@/platform'
import { signOut, signOutEverywhere } from '@/services/auth'
import { confirm } from '@/services/feedback'
import { session, useSession } from '@/store/session'
import { go } from '@/utils/nav'
import './index.scss'
import Tap from '@/components/tap'

function Row({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <View className="me-row">
      <Text className="me-row__label">{label}</Text>
      <Text className="me-row__value">{value || '未填写'}</Text>
    </View>
  )
}

function LinkRow({ label, className, to }: { label: string; className: string; to: string }) {
  return (
    <Tap className={`me-row me-row--link ${className}`} onTap={() => go(to)}>
      <Text className="me-row__label me-row__label--strong">{label}</Text>
      <Text className="me-row__value">查看 ›</Text>
    </Tap>
  )
}

export default function MePage() {
  const { user, error, refresh, loading } = useMe()
  useUnreadBadge()
  const { elder } = useSession()
  const isStaff = !!user && (user.roles.includes('staff') || user.roles.includes('admin'))

  const logoutEverywhere = async () => {
    if (!(await confirm('在所有手机和电脑上退出登录？', { confirmText: '全部退出' }))) return
    await signOutEverywhere()
    void Taro.reLaunch({ url: ROUTES.login })
  }

  const logout = async () => {
    if (!(await confirm('确定要退出登录吗？', { confirmText: '退出' }))) return
    signOut()
    void Taro.reLaunch({ url: ROUTES.login })
  }
  // demo only: one tap to the list of demo people (nothing of this person's is lost, so nothing to ask)
  const switchUser = () => {
    signOut()
    void Taro.reLaunch({ url: ROUTES.login })
  }

  return (
    <Screen className="me-page">
      {!user ? (
        error ? (
          <ErrorState error={error} onRetry={() => void refresh()} />
        ) : loading ? (
          <Skeleton rows={2} />
        ) : null
      ) : (
        <>
          <View className="me-card">
            <View className="me-card__name">{user.name}</View>
            <View className="me-card__roles">
              {user.roles.map((r) => (
                <Text key={r} className="me-card__role">
                  {ROLE_LABEL[r]}
                </Text>
              ))}
            </View>
          </View>

          <View className="me-list">
            <Row label={user.street ? '街道' : '社区'} value={user.communityName} />
            {user.street && <Row label="管辖社区" value={user.street.communities.map((c) => c.name).join('、')} />}
            {!user.street && <Row label="网格" value={user.gridName} />}
            {user.gridWork && (
              <Row label={user.gridWork.lead ? '网格长' : '网格员'} value={`负责${user.gridWork.grids.map((g) => g.name).join('、')}`} />
            )}
            {user.head && <Row label="楼栋长" value={user.head} />}
            {!user.street && <Row label="住址" value={user.address ?? user.buildingName} />}
            <Row label="电话" value={user.phone} />
            {user.member && (
              <Row label="党员" value={`${MEMBER_STATUS_LABELS[user.member.status]} · ${MANAGEMENT_LABELS[user.member.management]}`} />
            )}
            {user.member && <Row label="党支部" value={user.member.branch} />}
            {user.member && (user.member.workUnit || user.member.status === 'on_job') && (
              <Row label="工作单位" value={user.member.workUnit} />
            )}
          </View>

          <View className="me-list">
            <View className="me-row elder-row" onClick={() => session.setElder(!elder)}>
              <View>
                <View className="me-row__label me-row__label--strong">长辈模式</View>
                <View className="me-row__hint">{elder ? '已开启：字更大，按钮更大' : '开启后字更大，按钮更大'}</View>
              </View>
              <Switch className="elder-switch" label="长辈模式" checked={elder} onChange={(v) => session.setElder(v)} />
            </View>
            {user.roles.includes('member') && (
              <>
                <LinkRow label="我的积分" className="link-points" to={ROUTES.points} />
                <LinkRow label="积分商城" className="link-mall" to={ROUTES.mall} />
                <LinkRow label="我的兑换" className="link-redemptions" to={ROUTES.redemptions} />
                <LinkRow label="我的活动" className="link-my-activities" to={ROUTES.myActivities} />
                <LinkRow label="我的工作台账" className="link-my-ledger" to={ROUTES.ledger} />
                <LinkRow label="三评（自评）" className="link-my-evaluation" to={ROUTES.evaluation} />
              </>
            )}
            {(isStaff || user.roles.includes('grid_worker')) && (
              <LinkRow label="代办：替居民下单" className="link-proxy" to={ROUTES.proxy} />
            )}
            {isStaff && (
              <>
                <LinkRow label="逾期/升级" className="link-overdue" to={ROUTES.overdue} />
                <LinkRow label="商品管理" className="link-staff-goods" to={ROUTES.staffGoods} />
                <LinkRow label="核销领取" className="link-verify" to={ROUTES.verify} />
                <LinkRow label="工作台" className="link-workbench" to={ROUTES.workbench} />
              </>
            )}
            <LinkRow label="志愿活动" className="link-activities" to={ROUTES.activities} />
            {user.roles.includes('resident') && <LinkRow label="我的需求" className="link-my-orders" to={ROUTES.myOrders} />}
            {user.roles.includes('resident') && !user.roles.includes('member') && (
              <LinkRow label="党员报到" className="link-register-member" to={withQuery(ROUTES.register, { kind: 'member' })} />
            )}
            {user.roles.length === 0 && <LinkRow label="登记住址" className="link-register" to={ROUTES.register} />}
            <LinkRow label="三亮一晒（我的网格）" className="link-showcase" to={ROUTES.showcase} />
            <LinkRow label="个人信息与隐私" className="link-privacy" to={ROUTES.privacy} />
            {platform.passkeys && <LinkRow label="通行密钥" className="link-passkeys" to={ROUTES.passkeys} />}
          </View>

          {platform.signIn === 'demo' && (
            <View className="me-page__demo">
              <Btn block type="primary" className="btn-switch-user" onClick={switchUser}>
                切换演示用户
              </Btn>
              <Btn block type="danger" className="btn-logout" onClick={() => void logout()}>
                退出登录
              </Btn>
            </View>
          )}
          {platform.signIn === 'demo' && (
            <Btn block className="btn-logout-everywhere" onClick={() => void logoutEverywhere()}>
              退出所有设备
            </Btn>
          )}
        </>
      )}
    </Screen>
  )
}
