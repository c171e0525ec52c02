// Points rules are data per community (DESIGN.md §5): zod-validated, with shipped defaults.
import { z } from 'zod'
import { POST_TYPES, URGENCIES } from '@shared/enums'
import type { PostType, Urgency } from '@shared/enums'

const points = z.number().int().min(0).max(1000)

export const PointsRulesSchema = z.strictObject({
  /** Base points for an order, by post type. */
  basePoints: z.record(z.enum(POST_TYPES), points),
  /** Multiplier on base points by urgency. */
  urgencyFactor: z.record(z.enum(URGENCIES), z.number().min(0.5).max(5)),
  /** Extra points on close, by the resident's rating (1–5). */
  ratingBonus: z.strictObject({ 1: points, 2: points, 3: points, 4: points, 5: points }),
})
export type PointsRules = z.infer<typeof PointsRulesSchema>

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
