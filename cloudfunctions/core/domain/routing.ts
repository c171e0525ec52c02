// 派单: score members for an order, with the reasons in words, so staff and members see why
// (DESIGN.md §4). Pure: the caller gathers each member's figures.
import type { PostType } from '@shared/enums'
import type { ScorePart } from '@shared/orders'
import { POST_TYPE_LABELS } from '@shared/labels'
import type { Order, User } from './model'

/** What the scoring reads about a member, beyond their profile. */
export interface MemberStats {
  /** Orders they hold now (claimed, not yet completed). */
  open: number
  /** Ratings of their recent closed orders. */
  ratingSum: number
  ratingCount: number
  /** Releases (退单) in the recent window. */
  releases: number
  /** Activities signed up for and missed, in the recent window. */
  noShows: number
}

export const NO_STATS: MemberStats = { open: 0, ratingSum: 0, ratingCount: 0, releases: 0, noShows: 0 }

export const WEIGHTS = {
  post: 30,
  skill: 10,
  maxSkills: 2,
  building: 25,
  grid: 20,
  /** 楼栋长 / 单元长 of the order's building: they know its people. */
  head: 10,
  perOpen: -10,
  goodRatings: 10,
  poorRatings: -10,
  perRelease: -8,
  perNoShow: -5,
} as const

export interface Scored {
  score: number
  parts: ScorePart[]
}

/** Is the member someone this order may be offered to at all? */
export function eligible(order: Order, member: User, stats: MemberStats, loadCap: number): boolean {
  return (
    member.communityId === order.communityId && member.roles.includes('member') && member.id !== order.residentId && stats.open < loadCap
  )
}

/** The score of one member for one order, and its parts in Chinese words. */
export function scoreMember(
  order: Pick<Order, 'category' | 'title' | 'description' | 'gridId' | 'buildingId'>,
  member: User,
  stats: MemberStats,
): Scored {
  const parts: ScorePart[] = []
  const posts: PostType[] = member.member?.posts ?? []
  if (posts.includes(order.category)) parts.push({ label: `已认领${POST_TYPE_LABELS[order.category]}岗`, points: WEIGHTS.post })
  const text = `${order.title} ${order.description}`
  const skills = (member.member?.skills ?? []).filter((s) => s && text.includes(s)).slice(0, WEIGHTS.maxSkills)
  for (const s of skills) parts.push({ label: `擅长${s}`, points: WEIGHTS.skill })
  if (order.buildingId && member.buildingId === order.buildingId) parts.push({ label: '同楼栋', points: WEIGHTS.building })
  else if (order.gridId && member.gridId === order.gridId) parts.push({ label: '同网格', points: WEIGHTS.grid })
  if (order.buildingId && member.headOf?.buildingId === order.buildingId) {
    parts.push({ label: member.headOf.unit ? '本楼单元长' : '本楼楼栋长', points: WEIGHTS.head })
  }
  if (stats.open > 0) parts.push({ label: `手头 ${stats.open} 单`, points: WEIGHTS.perOpen * stats.open })
  if (stats.ratingCount >= 3) {
    const avg = stats.ratingSum / stats.ratingCount
    if (avg >= 4.5) parts.push({ label: '近期好评多', points: WEIGHTS.goodRatings })
    else if (avg < 3) parts.push({ label: '近期评价偏低', points: WEIGHTS.poorRatings })
  }
  if (stats.releases > 0) parts.push({ label: `近期退单 ${stats.releases} 次`, points: WEIGHTS.perRelease * stats.releases })
  if (stats.noShows > 0) parts.push({ label: `活动缺席 ${stats.noShows} 次`, points: WEIGHTS.perNoShow * stats.noShows })
  return { score: parts.reduce((n, p) => n + p.points, 0), parts }
}

/**
 * Ranks the eligible members for an order, best first. Ties go to the lighter load, then the
 * longer-standing member, then the id, so the order is stable.
 */
export function rankMembers(order: Order, members: User[], statsOf: (id: string) => MemberStats, loadCap: number, limit = Infinity) {
  const ranked: Array<{ member: User } & Scored> = []
  for (const m of members) {
    const stats = statsOf(m.id)
    if (!eligible(order, m, stats, loadCap)) continue
    ranked.push({ member: m, ...scoreMember(order, m, stats) })
  }
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      statsOf(a.member.id).open - statsOf(b.member.id).open ||
      a.member.createdAt - b.member.createdAt ||
      (a.member.id < b.member.id ? -1 : 1),
  )
  return ranked.slice(0, limit)
}

/** A hall order is recommended to a member when it fits their post or lies in their grid. */
export const RECOMMEND_AT = WEIGHTS.grid
