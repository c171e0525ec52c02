// Points rules (DESIGN.md §5): the schema lives in the wire contract; defaults and arithmetic here.
import type { PostType, Urgency } from '@shared/enums'
import { type AwardPart, type PointsRules, PointsRulesSchema, RULE_DEFAULTS } from '@shared/points'
import { POST_TYPE_LABELS } from '@shared/labels'

export { PointsRulesSchema, type PointsRules }

/**
 * The rules a new community starts with. Written out whole rather than parsed at load (parsing cost every
 * cloud function ~4 ms of its cold start); test/domain/award-parts.test.ts checks the schema accepts them as they are.
 */
export const DEFAULT_RULES: PointsRules = {
  basePoints: {
    self_governance: 10,
    education: 15,
    elderly_child: 20,
    environment: 10,
    care: 15,
    convenience: 10,
    targeted: 20,
  },
  urgencyFactor: { low: 1, normal: 1, urgent: 1.5 },
  ratingBonus: { 1: 0, 2: 0, 3: 0, 4: 3, 5: 5 },
  activityPoints: 10,
  dailyCap: 100,
  expiryEnabled: true,
  sla: {
    urgent: { claimHours: 2, completeHours: 24 },
    normal: { claimHours: 24, completeHours: 72 },
    low: { claimHours: 72, completeHours: 168 },
  },
  memberLoadCap: 3,
  ...RULE_DEFAULTS,
}

/**
 * A community's stored rules as the domain reads them. They are written only through points.updateRules
 * (checked against PointsRulesSchema there) or as DEFAULT_RULES, so a read does not check them again: a
 * set stored before a later rule existed reads with that rule's default, as the schema's defaults give
 * it. (Parsing on every read built the schema in every cloud function at require — ~6 ms of its cold
 * start — though only the points function writes rules.)
 */
export function storedRules(stored: unknown): PointsRules {
  // the rules added later (RULE_DEFAULTS) under whatever the stored set has
  return { ...RULE_DEFAULTS, ...(stored as PointsRules) }
}

/** Points staff see prefilled when they dispatch (派单): base by post type times the urgency factor. */
export function dispatchPoints(rules: PointsRules, category: PostType, urgency: Urgency): number {
  return Math.round(rules.basePoints[category] * rules.urgencyFactor[urgency])
}

type Stars = 1 | 2 | 3 | 4 | 5

/**
 * What a member is paid on close and why, by the resident's rating (经居民评价打分后): the rating's share
 * of the dispatched points plus its bonus; a low rating also asks for a 回访; without a rating (closed
 * after 72 hours) the dispatched points only.
 */
export function award(rules: PointsRules, dispatched: number, rating: number | null): { points: number; note: string; revisit: boolean } {
  if (rating === null) return { points: dispatched, note: `未评价，按下单积分计 ${dispatched} 分`, revisit: false }
  const stars = rating as Stars
  const share = rules.ratingShare[stars]
  const paid = Math.round(dispatched * share)
  const bonus = rules.ratingBonus[stars]
  const revisit = rating <= rules.revisitAtOrBelow
  const parts = [share < 1 ? `${rating} 星评价，按下单积分的 ${Math.round(share * 100)}% 计 ${paid} 分` : `下单积分 ${paid} 分`]
  if (bonus > 0) parts.push(`${rating} 星加 ${bonus} 分`)
  if (revisit) parts.push('社区将回访')
  return { points: paid + bonus, note: parts.join('，'), revisit }
}

/** The same award part by part (助老扶幼 20 + 五星 5), parts worth nothing left out; they add up to awardPoints. */
export function awardParts(rules: PointsRules, category: PostType, dispatched: number, rating: number | null): AwardPart[] {
  const total = award(rules, dispatched, rating).points
  const bonus = rating === null ? 0 : rules.ratingBonus[rating as Stars]
  const post = total - bonus // the dispatched points, at the rating's share
  return [
    ...(post > 0 ? [{ kind: 'post' as const, postType: category, points: post }] : []),
    ...(rating !== null && bonus > 0 ? [{ kind: 'rating' as const, stars: rating, points: bonus }] : []),
  ]
}

/** The rules in plain words for members (积分规则说明). */
export function explainRules(rules: PointsRules): string[] {
  const base = Object.entries(rules.basePoints)
    .map(([post, n]) => `${POST_TYPE_LABELS[post as PostType]} ${n} 分`)
    .join('，')
  const bonus = [5, 4, 3, 2, 1].filter((r) => rules.ratingBonus[r as Stars] > 0).map((r) => `${r} 星加 ${rules.ratingBonus[r as Stars]} 分`)
  const less = [1, 2, 3, 4, 5].filter((r) => rules.ratingShare[r as Stars] < 1)
  const lines = [
    `完成一张工单，按岗位得分：${base}。`,
    `紧急工单按 ${rules.urgencyFactor.urgent} 倍计分。`,
    bonus.length ? `居民评价 ${bonus.join('，')}。` : '居民评价不另加分。',
    ...less.map((r) => `居民评 ${r} 星的，按下单积分的 ${Math.round(rules.ratingShare[r as Stars] * 100)}% 计分。`),
    rules.revisitAtOrBelow > 0 ? `评 ${rules.revisitAtOrBelow} 星及以下的，社区会上门回访。` : '',
    '居民 72 小时未评价、自动确认的，只计下单积分。',
    `参加一次周末志愿活动一般得 ${rules.activityPoints} 分，以活动公布的为准。`,
    rules.carePoints > 0 ? `结对帮扶每完成一次（拍照并写明情况）得 ${rules.carePoints} 分。` : '',
    rules.dailyCap > 0 ? `每人每天最多获得 ${rules.dailyCap} 分。` : '每天获得的积分不设上限。',
    rules.expiryEnabled ? '积分在获得后的第二年年底失效，兑换时先用最早获得的积分。' : '积分长期有效。',
  ]
  return lines.filter(Boolean)
}
