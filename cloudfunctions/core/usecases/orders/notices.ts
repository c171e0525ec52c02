// Who hears of each step of an order, in words they understand, with the page that opens it. Each
// level of the ladder has its people: the grid's 网格员, the community's staff, the street's accounts.
import type { Level } from '@shared/enums'
import { CHANNEL_LABELS } from '@shared/labels'
import { LEVEL_LABELS } from '../../domain/escalation'
import { residentWithoutAccount } from '../../domain/households'
import type { Order } from '../../domain/model'
import type { MachineAction } from '../../domain/order-machine'
import type { Ctx, Notice } from '../../ports'
import { notify } from '../notify'

const PAGES = {
  resident: '/resident/order-detail/index',
  member: '/member/task-detail/index',
  staff: '/staff/review-detail/index',
}
const link = (page: keyof typeof PAGES, o: Order) => `${PAGES[page]}?id=${o.id}`

/**
 * Who owns an order at a level: the 网格员 of its grid (the community's staff when the grid has none);
 * the community's staff and admins; at 街道 the street's accounts, with the community's staff, who still
 * act on what the street decides.
 */
export async function levelPeople(ctx: Ctx, order: Order, level: Level): Promise<string[]> {
  const staff = async () => (await ctx.repos.users.listStaff(order.communityId)).map((u) => u.id)
  if (level === 'grid') {
    const workers = order.gridId ? await ctx.repos.users.listGridWorkers(order.communityId, order.gridId) : []
    return workers.length ? workers.map((u) => u.id) : staff()
  }
  if (level === 'community') return staff()
  const community = await ctx.repos.places.community(order.communityId)
  const street = community?.streetId ? await ctx.repos.users.listStreetAccounts(community.streetId) : []
  return [...street.map((u) => u.id), ...(await staff())]
}

/** A person of a household's file without an account is nobody's inbox: what is theirs, the grid follows. */
const send = (ctx: Ctx, o: Order, to: Array<string | null>, notice: Notice) =>
  notify(
    ctx,
    o.communityId,
    to.filter((x): x is string => !!x && !(x === o.residentId && residentWithoutAccount(o))),
    notice,
  )

/** Notices for one transition (in the same transaction: a rollback drops them too). */
export async function noticeTransition(ctx: Ctx, action: MachineAction, before: Order, after: Order, actorName: string) {
  const title = `「${after.title}」`
  switch (action) {
    case 'dispatch':
      await send(ctx, after, [after.residentId], {
        kind: 'order_dispatched',
        title: '社区已下单',
        body: `您的需求${title}已由社区下单，正在等党员接单`,
        link: link('resident', after),
      })
      if (after.assigneeId) {
        await send(ctx, after, [after.assigneeId], {
          kind: 'order_assigned',
          title: '有一张工单指派给您',
          body: `社区把${title}指派给您，请确认接单或退回`,
          link: link('member', after),
        })
      }
      return noticeStart(ctx, before, after)
    case 'reject':
      return send(ctx, after, [after.residentId], {
        kind: 'order_rejected',
        title: '需求未受理',
        body: `${title}：${after.rejectReason ?? ''}`,
        link: link('resident', after),
      })
    case 'refer': {
      const referral = after.referralId ? await ctx.repos.referrals.referral(after.referralId) : null
      await send(ctx, after, [after.residentId], {
        kind: 'order_referred',
        title: '您的诉求已转办',
        body: `${title}已转给「${referral?.unitName ?? ''}」办理，答复后会告诉您`,
        link: link('resident', after),
      })
      return noticeStart(ctx, before, after)
    }
    case 'answer':
      return send(ctx, after, [after.residentId], {
        kind: 'order_answered',
        title: '您的诉求有了答复',
        body: `${title}已有答复，请看看后确认并评价；72 小时后将自动确认`,
        link: link('resident', after),
      })
    case 'claim':
      return send(ctx, after, [after.residentId], {
        kind: 'order_claimed',
        title: '已有党员接单',
        body: `${actorName}接下了${title}，会尽快与您联系`,
        link: link('resident', after),
      })
    case 'release':
      return send(ctx, after, [after.residentId], {
        kind: 'order_released',
        title: '需求回到了接单大厅',
        body: `${actorName}退回了${title}，社区会再安排`,
        link: link('resident', after),
      })
    case 'complete':
      return send(ctx, after, [after.residentId], {
        kind: 'order_completed',
        title: '服务已完成，请确认',
        body: `${title}已完成，请看看照片和说明后确认并评价；72 小时后将自动确认`,
        link: link('resident', after),
      })
    case 'confirm':
      await send(ctx, after, [after.claimerId], {
        kind: 'order_closed',
        title: '工单已完成',
        body: after.awardedPoints ? `${title}已确认完成，获得 ${after.awardedPoints} 积分：${after.awardNote ?? ''}` : `${title}已确认完成`,
        link: link('member', after),
      })
      if (!after.revisitDue) return
      return send(ctx, after, await levelPeople(ctx, after, 'grid'), {
        kind: 'order_revisit',
        title: '居民评价偏低，请回访',
        body: `${title}的居民只打了 ${after.rating} 星，请上门回访，了解还有什么没解决`,
        link: link('staff', after),
      })
    case 'dispute':
      return send(ctx, after, [before.claimerId], {
        kind: 'order_disputed',
        title: '居民反馈还没解决',
        body: `${title}需要再处理一下，请联系居民`,
        link: link('member', after),
      })
    case 'sendDown':
      return send(ctx, after, await levelPeople(ctx, after, 'community'), {
        kind: 'order_sent_down',
        title: '街道发回，请社区办理',
        body: `${title}：${after.escalations.at(-1)?.reason ?? ''}`,
        link: link('staff', after),
      })
    case 'escalate': {
      const step = after.escalations[after.escalations.length - 1]
      return send(ctx, after, await levelPeople(ctx, after, step.to), {
        kind: 'order_escalated',
        title: `工单升级到${LEVEL_LABELS[step.to]}`,
        body: `${title}${step.reason}，已由${LEVEL_LABELS[step.from]}升级到${LEVEL_LABELS[step.to]}，请尽快处理`,
        link: link('staff', after),
      })
    }
    default:
      return
  }
}

/** An order taken in above 网格 (较大 / 重大) is that level's from the start: its people hear of it. */
async function noticeStart(ctx: Ctx, before: Order, after: Order) {
  if (after.level === before.level || after.level === 'grid') return
  await send(ctx, after, await levelPeople(ctx, after, after.level), {
    kind: 'order_escalated',
    title: `${LEVEL_LABELS[after.level]}直接办理`,
    body: `「${after.title}」情况较重，由${LEVEL_LABELS[after.level]}直接办理，请关注`,
    link: link('staff', after),
  })
}

/** 代办: the resident hears that an order was placed in their name, and by whom. */
export async function noticeProxied(ctx: Ctx, order: Order, agentName: string) {
  if (!order.channel) return
  await send(ctx, order, [order.residentId], {
    kind: 'order_proxied',
    title: '已为您代办',
    body: `${agentName}（${CHANNEL_LABELS[order.channel]}）为您提交了需求「${order.title}」，进展会通知您`,
    link: link('resident', order),
  })
}
