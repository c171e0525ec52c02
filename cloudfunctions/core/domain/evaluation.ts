// 三评: the year's self-evaluation (自评), community score (社区测评) and employer branch score
// (组织考评), combined by fixed weights into one score and a grade.
import type { EvaluationPart } from '@shared/points'
import type { Evaluation } from './model'

/** 自评 20%, 社区测评 40%, 组织考评 40%: the people who saw the work weigh most. */
export const WEIGHTS: Record<EvaluationPart, number> = { self: 0.2, community: 0.4, branch: 0.4 }

/** Grades from the combined score (out of 100), highest first. */
export const GRADES: Array<[min: number, grade: string]> = [
  [90, '优秀'],
  [75, '合格'],
  [60, '基本合格'],
  [0, '不合格'],
]

export function gradeOf(score: number): string {
  return GRADES.find(([min]) => score >= min)?.[1] ?? '不合格'
}

export interface Combined {
  combined: number | null
  grade: string | null
  missing: EvaluationPart[]
}

/** One decimal, once all three parts are in; until then, which are missing. */
export function combine(e: Pick<Evaluation, 'self' | 'community' | 'branch'> | null): Combined {
  const parts: Record<EvaluationPart, number | undefined> = {
    self: e?.self?.score,
    community: e?.community?.score,
    branch: e?.branch?.score,
  }
  const missing = (Object.keys(WEIGHTS) as EvaluationPart[]).filter((p) => parts[p] === undefined)
  if (missing.length > 0) return { combined: null, grade: null, missing }
  const sum = (Object.keys(WEIGHTS) as EvaluationPart[]).reduce((acc, p) => acc + (parts[p] as number) * WEIGHTS[p], 0)
  const combined = Math.round(sum * 10) / 10
  return { combined, grade: gradeOf(combined), missing }
}
