// activities.* — weekend volunteer activities: list, detail, 接龙 sign-up, check-in, and staff managing them.
import type { InputOf } from '@shared/api'
import type { ActivityScope } from '@shared/activities'
import { type CallOptions, call } from './transport'

const ref = (activityId: string) => ({ activityId })

export const activitiesApi = {
  list: (scope: ActivityScope, cursor?: string, limit = 20) => call('activities', 'list', { scope, limit, ...(cursor ? { cursor } : {}) }),
  get: (activityId: string, opts?: CallOptions) => call('activities', 'get', ref(activityId), opts),
  /** A shared card, as anyone may see it (no roster, no names). */
  publicView: (activityId: string) => call('activities', 'publicView', ref(activityId)),
  publish: (input: InputOf<'activities', 'publish'>, requestId: string) =>
    call('activities', 'publish', input, { requestId, loading: '正在发布' }),
  cancel: (activityId: string, reason: string, requestId: string) => call('activities', 'cancel', { activityId, reason }, { requestId }),
  signup: (activityId: string, requestId: string) => call('activities', 'signup', ref(activityId), { requestId, loading: '正在报名' }),
  withdraw: (activityId: string, requestId: string) => call('activities', 'withdraw', ref(activityId), { requestId }),
  /** Staff: the current rotating token (errors are shown on the page). */
  checkinCode: (activityId: string) => call('activities', 'checkinCode', ref(activityId)),
  checkin: (activityId: string, token: string, requestId: string) =>
    call('activities', 'checkin', { activityId, token }, { requestId, loading: '正在签到' }),
  markAttendance: (activityId: string, memberIds: string[], attended: boolean, requestId: string) =>
    call('activities', 'markAttendance', { activityId, memberIds, attended }, { requestId }),
  finish: (activityId: string, requestId: string) => call('activities', 'finish', ref(activityId), { requestId, loading: '正在发放积分' }),
}
