// activities.* — weekend volunteer activities: list, detail, 接龙 sign-up, check-in, and staff managing them.
import type {
  ActivityDetail,
  ActivityPage,
  ActivityScope,
  CheckinCode,
  MySignup,
  PublishActivityInput,
  SignupResult,
  WithdrawResult,
} from '@shared/activities'
import { call } from './transport'

const ref = (activityId: string) => ({ activityId })

export const activitiesApi = {
  list: (scope: ActivityScope, cursor?: string, limit = 20) =>
    call<ActivityPage>('activities', 'list', { scope, limit, ...(cursor ? { cursor } : {}) }),
  get: (activityId: string) => call<ActivityDetail>('activities', 'get', ref(activityId)),
  publish: (input: PublishActivityInput, requestId: string) =>
    call<ActivityDetail>('activities', 'publish', input, { requestId, loading: '正在发布' }),
  cancel: (activityId: string, reason: string, requestId: string) =>
    call<ActivityDetail>('activities', 'cancel', { activityId, reason }, { requestId }),
  signup: (activityId: string, requestId: string) =>
    call<SignupResult>('activities', 'signup', ref(activityId), { requestId, loading: '正在报名' }),
  withdraw: (activityId: string, requestId: string) => call<WithdrawResult>('activities', 'withdraw', ref(activityId), { requestId }),
  /** Staff: the current rotating token (errors are shown on the page). */
  checkinCode: (activityId: string) => call<CheckinCode>('activities', 'checkinCode', ref(activityId)),
  checkin: (activityId: string, token: string, requestId: string) =>
    call<MySignup>('activities', 'checkin', { activityId, token }, { requestId, loading: '正在签到' }),
  markAttendance: (activityId: string, memberIds: string[], attended: boolean, requestId: string) =>
    call<ActivityDetail>('activities', 'markAttendance', { activityId, memberIds, attended }, { requestId }),
  finish: (activityId: string, requestId: string) =>
    call<ActivityDetail>('activities', 'finish', ref(activityId), { requestId, loading: '正在发放积分' }),
}
