// The Chinese names of the wire's enum codes that both sides write: the server into notes, explanations
// and workbooks, the app on every screen. No zod here: the app imports this file.
import type { PostType } from './enums'

export const POST_TYPE_LABELS: Record<PostType, string> = {
  self_governance: '居民自治',
  education: '教育培训',
  elderly_child: '助老扶幼',
  environment: '环境提升',
  care: '爱心关怀',
  convenience: '便民利民',
  targeted: '精准暖心',
}
