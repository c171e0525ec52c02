// Who hears of each step of an order, in words they understand, with the page that opens it.
import { LEVEL_LABELS } from '../../domain/escalation'
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

/** Notices for one transition (in the same transaction: a rollback drops them too). */
export async function noticeTransition(ctx: Ctx, action: MachineAction, before: Order, after: Order, actorName: string) {
  const title = `「${after.title}」`
  const send = (to: Array<string | null>, notice: Notice) =>
    notify(
      ctx,
      after.communityId,
      to.filter((x): x is string => !!x),
      notice,
    )
  switch (action) {
    case 'dispatch':
      await send([after.residentId], {
        kind: 'order_dispatched',
        title: '工单已派单',
        body: `${title}已通过审核，正在等党员接单`,
        link: link('resident', after),
      })
      if (after.assigneeId) {
        await send([after.assigneeId], {
          kind: 'order_assigned',
          title: '有一张工单指派给您',
          body: `社区把${title}指派给您，请确认接单或婉拒`,
          link: link('member', after),
        })
      }
      return
    case 'reject':
      return send([after.residentId], {
        kind: 'order_rejected',
        title: '工单未受理',
        body: `${title}：${after.rejectReason ?? ''}`,
        link: link('resident', after),
      })
    case 'claim':
      return send([after.residentId], {
        kind: 'order_claimed',
        title: '已有党员接单',
        body: `${actorName}接下了${title}，会尽快与您联系`,
        link: link('resident', after),
      })
    case 'release':
      return send([after.residentId], {
        kind: 'order_released',
        title: '工单回到了接单大厅',
        body: `${actorName}退回了${title}，社区会再安排`,
        link: link('resident', after),
      })
    case 'complete':
      return send([after.residentId], {
        kind: 'order_completed',
        title: '服务已完成，请确认',
        body: `${title}已完成，请看看照片和说明后确认并评价；72 小时后将自动确认`,
        link: link('resident', after),
      })
    case 'confirm':
      return send([after.claimerId], {
        kind: 'order_closed',
        title: '工单已完成',
        body: after.awardedPoints ? `${title}已确认完成，获得 ${after.awardedPoints} 积分` : `${title}已确认完成`,
        link: link('member', after),
      })
    case 'dispute':
      return send([before.claimerId], {
        kind: 'order_disputed',
        title: '居民反馈还没解决',
        body: `${title}需要再处理一下，请联系居民`,
        link: link('member', after),
      })
    case 'escalate':
      return noticeEscalation(ctx, after)
    default:
      return
  }
}

/**
 * An order rose a level. Past 网格 it is the community office's to handle, so its staff and admins hear
 * of it; 街道 has no accounts here, so reaching it is recorded on the order and told to the same people.
 */
async function noticeEscalation(ctx: Ctx, order: Order) {
  const step = order.escalations[order.escalations.length - 1]
  const staff = await ctx.repos.users.listStaff(order.communityId)
  await notify(
    ctx,
    order.communityId,
    staff.map((s) => s.id),
    {
      kind: 'order_escalated',
      title: `工单升级到${LEVEL_LABELS[step.to]}`,
      body: `「${order.title}」${step.reason}，已由${LEVEL_LABELS[step.from]}升级到${LEVEL_LABELS[step.to]}，请尽快处理`,
      link: link('staff', order),
    },
  )
}
