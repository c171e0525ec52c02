// Chinese names the server itself writes into notes and explanations.
import type { PostType } from '@shared/enums'

export const POST_TYPE_LABELS: Record<PostType, string> = {
  self_governance: '居民自治',
  education: '教育培训',
  elderly_child: '助老扶幼',
  environment: '环境提升',
  care: '爱心关怀',
  convenience: '便民利民',
  targeted: '精准暖心',
}
