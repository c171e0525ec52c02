// Points rules (DESIGN.md §5): the schema lives in the wire contract; defaults and arithmetic here.
import type { PostType, Urgency } from '@shared/enums'
import { type AwardPart, type PointsRules, PointsRulesSchema } from '@shared/points'
import { POST_TYPE_LABELS } from '@shared/labels'

export { PointsRulesSchema, type PointsRules }

export const DEFAULT_RULES: PointsRules = PointsRulesSchema.parse({
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
})

/** Points staff see prefilled when they dispatch (派单): base by post type times the urgency factor. */
export function dispatchPoints(rules: PointsRules, category: PostType, urgency: Urgency): number {
  return Math.round(rules.basePoints[category] * rules.urgencyFactor[urgency])
}

/** Points a member receives on close: the dispatched points plus the bonus for the rating (none without one). */
export function awardPoints(rules: PointsRules, dispatched: number, rating: number | null): number {
  const bonus = rating === null ? 0 : (rules.ratingBonus[rating as 1 | 2 | 3 | 4 | 5] ?? 0)
  return dispatched + bonus
}

/** The same award part by part (助老扶幼 20 + 五星 5), parts worth nothing left out; they add up to awardPoints. */
export function awardParts(rules: PointsRules, category: PostType, dispatched: number, rating: number | null): AwardPart[] {
  const bonus = awardPoints(rules, dispatched, rating) - dispatched
  return [
    ...(dispatched > 0 ? [{ kind: 'post' as const, postType: category, points: dispatched }] : []),
    ...(rating !== null && bonus > 0 ? [{ kind: 'rating' as const, stars: rating, points: bonus }] : []),
  ]
}

/** The rules in plain words for members (积分规则说明). */
export function explainRules(rules: PointsRules): string[] {
  const base = Object.entries(rules.basePoints)
    .map(([post, n]) => `${POST_TYPE_LABELS[post as PostType]} ${n} 分`)
    .join('，')
  const bonus = [5, 4, 3, 2, 1].filter((r) => rules.ratingBonus[r as 1] > 0).map((r) => `${r} 星加 ${rules.ratingBonus[r as 1]} 分`)
  const lines = [
    `完成一张工单，按岗位得分：${base}。`,
    `紧急工单按 ${rules.urgencyFactor.urgent} 倍计分。`,
    bonus.length ? `居民评价 ${bonus.join('，')}。` : '居民评价不另加分。',
    `参加一次周末志愿活动一般得 ${rules.activityPoints} 分，以活动公布的为准。`,
    rules.dailyCap > 0 ? `每人每天最多获得 ${rules.dailyCap} 分。` : '每天获得的积分不设上限。',
    rules.expiryEnabled ? '积分在获得后的第二年年底失效，兑换时先用最早获得的积分。' : '积分长期有效。',
  ]
  return lines
}
