// The Chinese names of the wire's enum codes that both sides write: the server into notes, explanations
// and workbooks, the app on every screen. No zod here: the app imports this file.
import type {
  AgeBand,
  CareCadence,
  CareKind,
  Channel,
  ConsentMethod,
  HouseholdTag,
  Management,
  MemberStatus,
  PostType,
  ReferralStatus,
  Severity,
  UnitKind,
} from './enums'

export const POST_TYPE_LABELS: Record<PostType, string> = {
  self_governance: '居民自治',
  education: '教育培训',
  elderly_child: '助老扶幼',
  environment: '环境提升',
  care: '爱心关怀',
  convenience: '便民利民',
  targeted: '精准暖心',
}

/** 一般 / 较大 / 重大 (分级响应). */
export const SEVERITY_LABELS: Record<Severity, string> = { general: '一般', major: '较大', critical: '重大' }

/** How the need came in, for an order placed on a resident's behalf (代办). */
export const CHANNEL_LABELS: Record<Channel, string> = { phone: '电话', home_visit: '入户走访', walk_in: '来访', patrol: '网格巡查' }

export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = { on_job: '在职', retired: '退休', floating: '流动' }

export const MANAGEMENT_LABELS: Record<Management, string> = { direct: '直管', joint: '联管', entrusted: '代管', dual: '双管' }

export const UNIT_KIND_LABELS: Record<UnitKind, string> = { department: '职能部门', property: '物业', partner: '共建单位' }

/** A referral as the resident sees it (转办). */
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = { sent: '已转办', answered: '已反馈', done: '已办结' }

/** 一户一档's tags. */
export const HOUSEHOLD_TAG_LABELS: Record<HouseholdTag, string> = {
  alone: '独居',
  empty_nest: '空巢',
  elderly: '高龄',
  disabled: '残疾',
  low_income: '低保',
  child_in_need: '困境儿童',
  veteran: '退役军人',
}

export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = { oral: '口头', written: '书面' }

export const AGE_BAND_LABELS: Record<AgeBand, string> = { child: '儿童', adult: '成年', senior: '老年', aged: '高龄（80 岁以上）' }

/** 结对帮扶: a care task's kind and cadence — together its name, 「每周探望」. */
export const CARE_KIND_LABELS: Record<CareKind, string> = { visit: '探望', shopping: '代购', escort: '陪诊', chores: '家务帮忙' }
export const CARE_CADENCE_LABELS: Record<CareCadence, string> = { weekly: '每周', fortnightly: '每两周', monthly: '每月' }
