// households.pair / unpair / careTasks / closeCareTask / coverage — 结对帮扶: one or two party members
// paired with a household (一对一 / 二对一) and its recurring care task (docs/care.md).
import { z } from 'zod'
import { CARE_CADENCES, CARE_KINDS, MAX_PHOTOS } from './enums'
import type { CareCadence, CareKind, HouseholdTag } from './enums'
import { CARE_LIMITS as L } from './limits'
import { fileId, id, text } from './common'
import type { HouseholdSummary } from './households'
import type { Photo, PersonRef } from './orders'

export const PairInput = z.strictObject({
  householdId: id,
  /** 一对一: one member; 二对一: two. */
  memberIds: z
    .array(id)
    .min(1, '请选择结对的党员')
    .max(L.maxMembers, `一户最多结对 ${L.maxMembers} 位党员`)
    .refine((ids) => new Set(ids).size === ids.length, '同一位党员选了两次'),
  kind: z.enum(CARE_KINDS),
  cadence: z.enum(CARE_CADENCES),
})

export const PairRef = z.strictObject({ pairId: id })

/** 完成帮扶: closed like an order — a short report and at least one photo (拍照纪实). */
export const CloseCareTaskInput = z.strictObject({
  pairId: id,
  report: text(L.report),
  photos: z.array(fileId).min(1, '请至少传一张照片').max(MAX_PHOTOS),
})

/** Households without a visit or care task in `days` days, and those with no pair. */
export const CoverageInput = z.strictObject({
  days: z.number().int().min(L.coverageDays.min).max(L.coverageDays.max).default(30),
  gridId: id.optional(),
})

export type PairInput = z.input<typeof PairInput>
export type CloseCareTaskInput = z.input<typeof CloseCareTaskInput>

/** A pair as the household's page shows it. */
export interface PairView {
  id: string
  householdId: string
  members: PersonRef[]
  kind: CareKind
  cadence: CareCadence
  /** 每周探望 */
  title: string
  /** When the current care task is due, whether that has come, and from when it may be closed. */
  dueAt: string
  due: boolean
  opensAt: string
  lastCareAt: string | null
  tasksDone: number
  pairedBy: PersonRef
  pairedAt: string
  status: 'active' | 'ended'
  endedAt: string | null
}

/** A care task done: who, when, the report and photos, the points it paid. */
export interface CareRecordView {
  id: string
  pairId: string
  title: string
  at: string
  member: PersonRef
  report: string
  photos: Photo[]
  points: number
}

/** The current care task of one of the member's pairs (their 结对帮扶 list). */
export interface CareTaskView {
  pairId: string
  householdId: string
  /** 1号楼 1单元 302 · 王秀兰 */
  address: string
  head: string
  tags: HouseholdTag[]
  title: string
  kind: CareKind
  cadence: CareCadence
  dueAt: string
  due: boolean
  /** Whether it may be closed now (from a few days before it is due). */
  open: boolean
  opensAt: string
  /** The other member of a 二对一 pair. */
  partner: PersonRef | null
  lastCareAt: string | null
  points: number
}

export interface CareTaskClosed {
  /** The pair's next task, due one cadence on. */
  task: CareTaskView
  recordId: string
  points: number
}

export interface CoverageRow extends HouseholdSummary {
  /** The last care task done for it by a pair, and the last visit or care task, whichever is later. */
  lastCareAt: string | null
  lastContactAt: string | null
  paired: boolean
  /** No visit nor care task in the coverage's days. */
  stale: boolean
}

export interface Coverage {
  days: number
  /** The caller's households, of which `stale` had no visit nor care task in `days` days and `unpaired` no pair. */
  total: number
  stale: number
  unpaired: number
  /** The stale or unpaired ones, longest without contact first. */
  items: CoverageRow[]
}
