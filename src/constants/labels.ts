// Chinese labels for every enum code on the wire: the only place codes become words.
import type { GridTaskStatus, LedgerReason, Level, OrderAction, OrderKind, OrderStatus, PostType, Role, Urgency } from '@shared/enums'
import type { ActivityStatus } from '@shared/activities'
import type { NoticeKind } from '@shared/inbox'
import type { RedemptionStatus } from '@shared/mall'
import type { AwardPart, Ranking } from '@shared/points'
import { POST_TYPE_LABELS } from '@shared/labels'

/** The post types' names, shared with the server (types/labels.ts). */
export const POST_TYPE_LABEL = POST_TYPE_LABELS

/** One concrete example per post type, shown on the category tiles. */
export const POST_TYPE_EXAMPLE: Record<PostType, string> = {
  self_governance: '邻里纠纷调解、楼道议事',
  education: '辅导作业、教用智能手机',
  elderly_child: '陪诊、接送孩子',
  environment: '清理楼道杂物、修剪绿化',
  care: '探望独居老人、心理疏导',
  convenience: '修水管、换灯泡、代买药',
  targeted: '困难家庭帮扶、残疾人照护',
}

/** Tile colour per post type (also the stripe on hall cards); text is always shown beside it. */
export const POST_TYPE_COLOR: Record<PostType, string> = {
  self_governance: '#c62f2f',
  education: '#2f6fc6',
  elderly_child: '#d9822b',
  environment: '#2e9a5b',
  care: '#c2408a',
  convenience: '#6b5bc9',
  targeted: '#b8860b',
}

/** A one-character glyph for the tile (no icon font needed). */
export const POST_TYPE_GLYPH: Record<PostType, string> = {
  self_governance: '议',
  education: '学',
  elderly_child: '老',
  environment: '绿',
  care: '爱',
  convenience: '便',
  targeted: '暖',
}

export const KIND_LABEL: Record<OrderKind, string> = {
  service: '我要点单',
  hazard: '随手拍',
  wish: '微心愿',
}

/** Longer wording where the kind is a noun ("这是一个隐患"). */
export const KIND_NOUN: Record<OrderKind, string> = {
  service: '服务',
  hazard: '隐患',
  wish: '微心愿',
}

export const URGENCY_LABEL: Record<Urgency, string> = {
  low: '不急',
  normal: '一般',
  urgent: '紧急',
}

export const STATUS_LABEL: Record<OrderStatus, string> = {
  submitted: '待审核',
  open: '待接单',
  claimed: '服务中',
  completed: '待确认',
  closed: '已完成',
  rejected: '未受理',
  cancelled: '已撤销',
  referred: '已转办',
}

/** A referred order's own words where it differs (转办: 已转办 → 已反馈 → 已办结). */
const REFERRAL_STATUS_WORDS: Partial<Record<OrderStatus, string>> = { completed: '已反馈', closed: '已办结' }

/** The status in words; a referred order speaks of its referral. */
export const statusWords = (status: OrderStatus, referred = false) => (referred && REFERRAL_STATUS_WORDS[status]) || STATUS_LABEL[status]

export const ACTION_LABEL: Record<OrderAction, string> = {
  dispatch: '下单',
  reject: '不受理',
  claim: '接单',
  decline: '退回',
  release: '退单',
  complete: '结单',
  confirm: '确认完成',
  dispute: '还没解决',
  cancel: '撤销',
  refer: '转办',
  answer: '记录答复',
  sendDown: '发回社区',
  revisit: '记录回访',
}

/** Timeline wording: what happened, by event action (server may send 'create' too). */
export const EVENT_LABEL: Record<string, string> = {
  create: '点单',
  dispatch: '下单',
  reject: '未受理',
  claim: '接单',
  decline: '退回了社区的指派',
  release: '退单',
  complete: '结单',
  confirm: '确认完成',
  dispute: '反馈还没解决',
  cancel: '撤销了需求',
  escalate: '升级处理',
  refer: '转办',
  answer: '记录了答复',
  sendDown: '发回社区',
  revisit: '回访',
  auto_confirm: '超时自动确认',
  autoConfirm: '超时自动确认',
}

export const LEDGER_REASON_LABEL: Record<LedgerReason, string> = {
  order_award: '完成工单',
  activity_award: '志愿活动',
  redemption: '兑换商品',
  refund: '退还',
  adjustment: '调整',
  expiry: '过期',
  care_award: '结对帮扶',
  grid_task_award: '网格任务',
}

const STARS = ['', '一星', '二星', '三星', '四星', '五星']

/** An award part by part, as the points line says it: 「助老扶幼 20 + 五星 5」, 「… − 每日上限 10」. */
export function awardPartsText(parts: readonly AwardPart[]): string {
  return parts
    .map((p, i) => {
      const words = p.kind === 'post' ? POST_TYPE_LABEL[p.postType] : p.kind === 'rating' ? STARS[p.stars] : '每日上限'
      const n = Math.abs(p.points)
      return i === 0 ? `${words} ${n}` : `${p.points < 0 ? '−' : '+'} ${words} ${n}`
    })
    .join(' ')
}

export const ROLE_LABEL: Record<Role, string> = {
  resident: '居民',
  member: '党员',
  staff: '社区工作者',
  admin: '管理员',
  grid_worker: '网格员',
  street: '街道',
}

/** The escalation ladder (分级响应). */
export const LEVEL_LABEL: Record<Level, string> = {
  grid: '网格',
  community: '社区',
  street: '街道',
}

export const REDEMPTION_STATUS_LABEL: Record<RedemptionStatus, string> = {
  pending: '待领取',
  picked: '已领取',
  cancelled: '已取消',
  expired: '已过期',
}

export const RANKING_BY_LABEL: Record<Ranking['by'], string> = {
  person: '个人',
  branch: '党支部',
  workUnit: '工作单位',
}

export const ACTIVITY_STATUS_LABEL: Record<ActivityStatus, string> = {
  published: '报名中',
  cancelled: '已取消',
  finished: '已结束',
}

export const NOTICE_KIND_LABEL: Record<NoticeKind, string> = {
  order_dispatched: '社区下单',
  order_assigned: '指派给您',
  order_rejected: '需求未受理',
  order_claimed: '已接单',
  order_released: '党员退单',
  order_completed: '服务完成',
  order_closed: '工单完成',
  order_disputed: '还没解决',
  order_escalated: '工单升级',
  order_proxied: '代办',
  order_referred: '已转办',
  order_answered: '已反馈',
  order_sent_down: '街道发回',
  order_revisit: '请回访',
  activity_promoted: '候补转正',
  activity_changed: '活动变更',
  activity_cancelled: '活动取消',
  activity_reminder: '活动提醒',
  activity_points: '积分到账',
  registration_decided: '登记审核',
  pickup_reminder: '领取提醒',
  redemption_expired: '兑换过期',
  photo_removed: '照片已移除',
  grid_task_assigned: '网格任务',
  grid_task_submitted: '任务待确认',
  grid_task_decided: '任务确认',
  care_paired: '结对帮扶',
  care_ended: '结对解除',
}

/** 网格台账: a grid task's status in words. */
export const GRID_TASK_STATUS_LABEL: Record<GridTaskStatus, string> = {
  open: '进行中',
  submitted: '待确认',
  confirmed: '已确认',
}
