// accounts.inbox / accounts.markRead — the in-app messages (消息) every mode has; WeChat subscribe
// messages, where a user granted them, carry the same notices.
import { z } from 'zod'
import { id, page } from './common'
import type { Page } from './common'

export const NOTICE_KINDS = [
  'order_dispatched',
  'order_assigned',
  'order_rejected',
  'order_claimed',
  'order_released',
  'order_completed',
  'order_closed',
  'order_disputed',
  'order_escalated',
  'order_proxied',
  'order_referred',
  'order_answered',
  'order_sent_down',
  'order_revisit',
  'activity_promoted',
  'activity_changed',
  'activity_cancelled',
  'activity_reminder',
  'activity_points',
  'registration_decided',
  'pickup_reminder',
  'redemption_expired',
  'photo_removed',
  'grid_task_assigned',
  'grid_task_submitted',
  'grid_task_decided',
  'care_paired',
  'care_ended',
] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]

export const InboxInput = z.strictObject({ ...page })

export const MarkReadInput = z
  .strictObject({
    ids: z.array(id).min(1).max(100).optional(),
    all: z.boolean().optional(),
  })
  .refine((v) => v.ids !== undefined || v.all === true, { path: ['ids'], message: '请选择要标为已读的消息' })

export interface InboxItem {
  id: string
  kind: NoticeKind
  title: string
  body: string
  /** The app page it opens, e.g. `/activity/detail/index?id=a_…`. */
  link: string
  at: string
  read: boolean
}

export interface InboxPage extends Page<InboxItem> {
  /** Unread messages in all (for the badge). */
  unread: number
}

export interface MarkReadResult {
  unread: number
}
