// 积分排行: by party branch or work unit for everyone, by person only for those who opted in
// (forced personal rankings are what members complain of).
import type { MemberStatus } from '@shared/enums'
import type { Ranking, RankingRow } from '@shared/points'
import type { Actor } from '../../domain/access'
import { yearOf } from '../../domain/time'
import type { Ctx } from '../../ports'

export async function getRanking(ctx: Ctx, actor: Actor, input: { by: Ranking['by']; year?: number }): Promise<Ranking> {
  const year = input.year ?? yearOf(ctx.clock.now())
  const [accounts, members] = await Promise.all([
    ctx.repos.points.accounts(actor.communityId),
    ctx.repos.users.listMembers(actor.communityId),
  ])
  const earned = new Map(accounts.map((a) => [a.memberId, a.years[String(year)]?.earned ?? 0]))
  const pointsOf = (id: string) => earned.get(id) ?? 0

  let rows: Array<Omit<RankingRow, 'rank'>>
  if (input.by === 'person') {
    rows = members.filter((m) => m.rankingOptIn).map((m) => ({ name: m.name, points: pointsOf(m.id), isMe: m.id === actor.userId }))
  } else {
    const groups = new Map<string, { points: number; members: number; isMe: boolean }>()
    for (const m of members) {
      const name = (input.by === 'branch' ? m.member?.branch : m.member?.workUnit) || unitless(m.member?.status)
      const g = groups.get(name) ?? { points: 0, members: 0, isMe: false }
      groups.set(name, { points: g.points + pointsOf(m.id), members: g.members + 1, isMe: g.isMe || m.id === actor.userId })
    }
    rows = [...groups].map(([name, g]) => ({ name, ...g }))
  }
  rows.sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, 'zh-CN'))
  // equal points share a rank (1, 2, 2, 4)
  const ranked = rows.map((r, i) => ({ ...r, rank: i + 1 }))
  for (let i = 1; i < ranked.length; i++) if (ranked[i].points === ranked[i - 1].points) ranked[i].rank = ranked[i - 1].rank
  return { by: input.by, year, rows: ranked }
}

/** Where a member without a work unit ranks by unit: the retired and floating together, as they are. */
const unitless = (status: MemberStatus | undefined) => (status === 'retired' ? '离退休党员' : status === 'floating' ? '流动党员' : '未填写')
