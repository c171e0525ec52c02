// activities.* — weekend volunteer activities (DESIGN.md §7): publish, 接龙 sign-up with a waitlist,
// check-in by a rotating token, points once. Times go out as ISO instants; the app shows them in Beijing time.
import { z } from 'zod'
import { ACTIVITY_LIMITS as L } from './limits'
import { POST_TYPES } from './enums'
import type { PostType } from './enums'
import { fileId, id, page, text } from './common'
import type { Page } from './common'
import type { Photo, PersonRef } from './orders'

export const ACTIVITY_STATUSES = ['published', 'cancelled', 'finished'] as const
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number]

/** A withdrawn sign-up is kept (it holds the member's place in the 接龙 history) but shown nowhere. */
export const SIGNUP_STATUSES = ['signed', 'waitlisted', 'withdrawn'] as const
export type SignupStatus = (typeof SIGNUP_STATUSES)[number]

export type Attendance = 'attended' | 'absent'
export type CheckinMethod = 'scan' | 'staff'

export const ACTIVITY_SCOPES = ['upcoming', 'mine', 'past'] as const
export type ActivityScope = (typeof ACTIVITY_SCOPES)[number]

/** What the caller may do now (the app shows these buttons and no others). */
export type ActivityAction = 'update' | 'cancel' | 'checkinCode' | 'markAttendance' | 'finish' | 'signup' | 'withdraw' | 'checkin'

/** An instant with its offset, e.g. "2026-06-13T09:00:00+08:00". */
const instant = z.iso.datetime({ offset: true, message: '时间格式应为 2026-06-13T09:00:00+08:00' })

export const PlaceInput = z.strictObject({
  name: text(L.placeName),
  address: text(L.placeAddress).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
})

const fields = {
  title: text(L.title),
  description: text(L.description),
  category: z.enum(POST_TYPES),
  startAt: instant,
  endAt: instant,
  signupDeadline: instant,
  place: PlaceInput,
  /** 名额 */
  quota: z.number().int().min(L.quota.min).max(L.quota.max),
  /** Points for each attendee; the community's `activityPoints` rule when absent. */
  points: z.number().int().min(L.points.min).max(L.points.max),
  cover: fileId.nullable(),
}

export const PublishActivityInput = z.strictObject({
  ...fields,
  description: fields.description.default(''),
  points: fields.points.optional(),
  cover: fields.cover.optional(),
  /** Publish this many weekly copies (the first included), sharing a seriesId. */
  repeatWeeks: z.number().int().min(L.repeatWeeks.min).max(L.repeatWeeks.max).optional(),
})

/** Only the fields given change; `cover: null` removes the picture. */
export const UpdateActivityInput = z.strictObject({
  activityId: id,
  title: fields.title.optional(),
  description: fields.description.optional(),
  category: fields.category.optional(),
  startAt: fields.startAt.optional(),
  endAt: fields.endAt.optional(),
  signupDeadline: fields.signupDeadline.optional(),
  place: fields.place.optional(),
  quota: fields.quota.optional(),
  points: fields.points.optional(),
  cover: fields.cover.optional(),
})

export const ActivityRef = z.strictObject({ activityId: id })
export const CancelActivityInput = z.strictObject({ activityId: id, reason: text(L.reason) })
export const ListActivitiesInput = z.strictObject({ scope: z.enum(ACTIVITY_SCOPES), ...page })

/** The token as checkinCode gives it: `<slot>.<mac>`. */
export const CheckinInput = z.strictObject({
  activityId: id,
  token: z
    .string()
    .trim()
    .regex(/^[0-9a-z]{1,12}\.[A-Za-z0-9_-]{22}$/, '签到码格式不对，请重新扫码'),
})

export const MarkAttendanceInput = z.strictObject({
  activityId: id,
  memberIds: z.array(id).min(1).max(500),
  attended: z.boolean(),
})

export type PublishActivityInput = z.input<typeof PublishActivityInput>
export type UpdateActivityInput = z.input<typeof UpdateActivityInput>
export type ListActivitiesInput = z.input<typeof ListActivitiesInput>

export interface Place {
  name: string
  address: string | null
  lat: number | null
  lng: number | null
}

/** The caller's own sign-up. */
export interface MySignup {
  status: 'signed' | 'waitlisted'
  /** Waitlist position 1…n (候补第 n 位); null when signed. */
  position: number | null
  checkedIn: boolean
  checkedInAt: string | null
  /** Set by check-in, staff, or finish (absent). */
  attendance: Attendance | null
  /** Points this sign-up earned (after finish). */
  awardedPoints: number | null
}

export interface ActivitySummary {
  id: string
  /** Shared by weekly copies published together. */
  seriesId: string | null
  title: string
  category: PostType
  status: ActivityStatus
  startAt: string
  endAt: string
  signupDeadline: string
  place: Place
  cover: Photo | null
  quota: number
  points: number
  signedCount: number
  waitingCount: number
  placesLeft: number
  /** Starts this weekend (Beijing Saturday 00:00 – Monday 00:00): the list shows these first. */
  thisWeekend: boolean
  /** Sign-up is possible now (published, before the deadline). */
  signupOpen: boolean
  mine: MySignup | null
}

/** One line of the roster (staff only). */
export interface RosterEntry {
  member: PersonRef & { phone: string | null }
  status: 'signed' | 'waitlisted'
  position: number | null
  signedUpAt: string
  checkedIn: boolean
  checkedInAt: string | null
  checkinMethod: CheckinMethod | null
  attendance: Attendance | null
  awardedPoints: number | null
}

export interface ActivityDetail extends ActivitySummary {
  description: string
  cancelReason: string | null
  createdBy: PersonRef
  /** Check-in opens 30 minutes before the start and closes at the end. */
  checkinOpensAt: string
  finishedAt: string | null
  /** Staff of the community: everyone signed up or waiting, in 接龙 order. Others: null. */
  roster: RosterEntry[] | null
  actions: ActivityAction[]
}

export interface SignupResult {
  status: 'signed' | 'waitlisted'
  /** 候补第 n 位, when waitlisted. */
  position?: number
}

export interface WithdrawResult {
  status: 'withdrawn'
}

/** The rotating check-in code: show `token` as a QR; fetch a new one at `expiresAt`. */
export interface CheckinCode {
  token: string
  expiresAt: string
  periodSeconds: number
}

export type ActivityPage = Page<ActivitySummary>

/**
 * What a shared activity card opens to for someone not signed in (or not of its community yet): the
 * activity as its poster shows it — never who signed up — and the community to register with.
 */
export interface PublicActivity extends Omit<ActivitySummary, 'mine'> {
  description: string
  cancelReason: string | null
  communityId: string
  communityName: string
}
