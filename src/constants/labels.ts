// Chinese labels for every enum code on the wire: the only place codes become words.
import type { LedgerReason, Level, OrderAction, OrderKind, OrderStatus, PostType, Role, Urgency } from '@shared/enums'
import type { ActivityStatus } from '@shared/activities'
import type { NoticeKind } from '@shared/inbox'
import type { RedemptionStatus } from '@shared/mall'
import type { Ranking } from '@shared/points'
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
}

export const ACTION_LABEL: Record<OrderAction, string> = {
  dispatch: '派单',
  reject: '不受理',
  claim: '接单',
  decline: '婉拒',
  release: '退单',
  complete: '完成服务',
  confirm: '确认完成',
  dispute: '还没解决',
  cancel: '撤销',
}

/** Timeline wording: what happened, by event action (server may send 'create' too). */
export const EVENT_LABEL: Record<string, string> = {
  create: '提交了工单',
  dispatch: '审核通过，已派单',
  reject: '未受理',
  claim: '接单',
  decline: '婉拒了派单',
  release: '退单',
  complete: '完成服务',
  confirm: '确认完成',
  dispute: '反馈还没解决',
  cancel: '撤销了工单',
  escalate: '升级处理',
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
}

export const ROLE_LABEL: Record<Role, string> = {
  resident: '居民',
  member: '党员',
  staff: '工作人员',
  admin: '管理员',
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
  order_dispatched: '工单派单',
  order_assigned: '指派给您',
  order_rejected: '工单未受理',
  order_claimed: '已接单',
  order_released: '工单退回',
  order_completed: '服务完成',
  order_closed: '工单完成',
  order_disputed: '还没解决',
  order_escalated: '工单升级',
  activity_promoted: '候补转正',
  activity_changed: '活动变更',
  activity_cancelled: '活动取消',
  activity_reminder: '活动提醒',
  activity_points: '积分到账',
  registration_decided: '登记审核',
  pickup_reminder: '领取提醒',
  redemption_expired: '兑换过期',
  photo_removed: '照片已移除',
}
