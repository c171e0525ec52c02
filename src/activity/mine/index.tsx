// 我的活动: the activities I signed up for or wait for, latest first, with my place in each.
import ActivityCard from '@/components/activity-card'
import Screen from '@/components/screen'
import { EmptyState, PagedList } from '@/components/state'
import { ROUTES, withQuery } from '@/constants/routes'
import { usePaged } from '@/hooks/useRemote'
import { activitiesApi } from '@/services/activities'
import { go } from '@/utils/nav'

export default function MyActivities() {
  const list = usePaged((cursor) => activitiesApi.list('mine', cursor), [])
  return (
    <Screen className="my-activities">
      <PagedList
        list={list}
        emptyNode={
          <EmptyState
            title="还没有报名活动"
            hint="看看这周末有什么志愿活动，报个名吧。"
            action={{ text: '看看活动', onClick: () => go(ROUTES.activities) }}
          />
        }
      >
        {(a) => <ActivityCard key={a.id} activity={a} onClick={() => go(withQuery(ROUTES.activityDetail, { id: a.id }))} />}
      </PagedList>
    </Screen>
  )
}
