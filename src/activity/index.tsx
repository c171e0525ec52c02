// 志愿活动: upcoming activities, this weekend's first; staff publish from here, members see their own.
import { View } from '@tarojs/components'
import ActivityCard from '@/components/activity-card'
import Btn from '@/components/btn'
import Screen from '@/components/screen'
import { EmptyState, LoadMore, StateSwitch } from '@/components/state'
import { ROUTES, withQuery } from '@/constants/routes'
import { usePaged } from '@/hooks/useRemote'
import { activitiesApi } from '@/services/activities'
import { useSession } from '@/store/session'
import { go } from '@/utils/nav'
import './index.scss'

export default function Activities() {
  const { user } = useSession()
  const roles = user?.roles ?? []
  const isStaff = roles.includes('staff') || roles.includes('admin')
  const isMember = roles.includes('member')
  const list = usePaged((cursor) => activitiesApi.list('upcoming', cursor), [])
  const weekend = list.items.filter((a) => a.thisWeekend)
  const later = list.items.filter((a) => !a.thisWeekend)
  const open = (id: string) => go(withQuery(ROUTES.activityDetail, { id }))

  return (
    <Screen className="activities">
      {(isStaff || isMember) && (
        <View className="activities__top">
          {isMember && (
            <Btn className="link-my-activities" onClick={() => go(ROUTES.myActivities)}>
              我的活动
            </Btn>
          )}
          {isStaff && (
            <Btn type="primary" className="btn-publish-new" onClick={() => go(ROUTES.publish)}>
              发布活动
            </Btn>
          )}
        </View>
      )}
      <StateSwitch
        of={list}
        empty={list.items.length === 0}
        emptyNode={
          <EmptyState
            title="最近没有活动"
            hint={isStaff ? '点「发布活动」，发一个周末志愿活动。' : '社区发布新活动后会出现在这里，下拉可以刷新。'}
            action={isStaff ? { text: '发布活动', onClick: () => go(ROUTES.publish) } : undefined}
          />
        }
      >
        {weekend.length > 0 && <View className="activities__group">本周末</View>}
        {weekend.map((a) => (
          <ActivityCard key={a.id} activity={a} weekendTag={false} onClick={() => open(a.id)} />
        ))}
        {later.length > 0 && <View className="activities__group">{weekend.length > 0 ? '之后的活动' : '近期活动'}</View>}
        {later.map((a) => (
          <ActivityCard key={a.id} activity={a} onClick={() => open(a.id)} />
        ))}
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onMore={() => void list.loadMore()} />
      </StateSwitch>
    </Screen>
  )
}
