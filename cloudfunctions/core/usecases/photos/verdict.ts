// WeChat's later verdict on a photo (mediaCheckAsync's `wxa_media_check` event, routed to the wxpush
// function): `risky` takes the photo off the record that shows it, tells its uploader in the inbox and
// deletes the file once that has committed; `review` keeps it shown and keeps the verdict on record
// (the function logs it); `pass` only records. A verdict is applied once: WeChat may push it again.
import { activityLink } from '../../domain/activity'
import type { PhotoCheck, PhotoVerdict } from '../../domain/model'
import type { Ctx } from '../../ports'
import { saveActivity } from '../activities/shared'
import { notify } from '../notify'

export type VerdictOutcome = 'unknown' | 'repeated' | 'pass' | 'review' | 'removed'

export interface Verdict {
  traceId: string
  suggest: 'pass' | 'review' | 'risky' | 'unknown'
  label: number | null
}

export async function applyPhotoVerdict(ctx: Ctx, verdict: Verdict): Promise<VerdictOutcome> {
  const check = await ctx.repos.photoChecks.get(verdict.traceId)
  if (!check) return 'unknown'
  if (check.verdict !== 'pending') return 'repeated'
  // WeChat's "no verdict" keeps the photo shown, like a review
  const decided: PhotoVerdict = verdict.suggest === 'unknown' ? 'review' : verdict.suggest
  await ctx.repos.photoChecks.save({ ...check, verdict: decided, label: verdict.label, decidedAt: ctx.clock.now() })
  if (decided !== 'risky') return decided
  const where = await takeOff(ctx, check)
  if (where) {
    await notify(ctx, check.communityId, [check.ownerId], {
      kind: 'photo_removed',
      title: '有一张照片没有通过检查',
      body: `你在${where.what}上传的一张照片没有通过微信的内容安全检查，已经移除，别人看不到了。`,
      link: where.link,
    })
  }
  ctx.after(() => ctx.files.remove([check.fileId]))
  return 'removed'
}

/** Takes the photo off the record that shows it; what that record is, in words, and its page (null: gone already). */
async function takeOff(ctx: Ctx, check: PhotoCheck): Promise<{ what: string; link: string } | null> {
  const now = ctx.clock.now()
  const { place, fileId } = check
  switch (place.kind) {
    case 'order': {
      const o = await ctx.repos.orders.get(place.id)
      if (!o?.[place.field].includes(fileId)) return null
      const kept = o[place.field].filter((id) => id !== fileId)
      await ctx.repos.orders.update({ ...o, [place.field]: kept, updatedAt: now, version: o.version + 1 })
      const page = place.field === 'photos' ? '/resident/order-detail/index' : '/member/task-detail/index'
      return { what: `工单「${o.title}」`, link: `${page}?id=${o.id}` }
    }
    case 'goods': {
      const g = await ctx.repos.mall.goods(place.id)
      if (g?.image !== fileId) return null
      await ctx.repos.mall.updateGoods({ ...g, image: null, updatedAt: now, version: g.version + 1 })
      return { what: `商品「${g.name}」`, link: `/staff/goods-edit/index?id=${g.id}` }
    }
    case 'activity': {
      const a = await ctx.repos.activities.get(place.id)
      if (a?.cover !== fileId) return null
      await saveActivity(ctx, a, { cover: null })
      return { what: `活动「${a.title}」`, link: activityLink(a.id) }
    }
    case 'card': {
      const card = await ctx.repos.workbench.staffCard(place.id)
      if (card?.photo !== fileId) return null
      await ctx.repos.workbench.saveStaffCard({ ...card, photo: null, updatedAt: now })
      return { what: '亮身份卡片', link: '/workbench/showcase/index?edit=1' }
    }
    case 'care': {
      const r = await ctx.repos.care.record(place.id)
      if (!r?.photos.includes(fileId)) return null
      await ctx.repos.care.setRecordPhotos(
        r.id,
        r.photos.filter((id) => id !== fileId),
      )
      return { what: '结对帮扶记录', link: `/households/detail/index?id=${r.householdId}` }
    }
    case 'gridTask': {
      const t = await ctx.repos.gridTasks.get(place.id)
      if (!t?.progress.some((p) => p.photos.includes(fileId))) return null
      const progress = t.progress.map((p) => ({ ...p, photos: p.photos.filter((id) => id !== fileId) }))
      await ctx.repos.gridTasks.save({ ...t, progress, updatedAt: now, version: t.version + 1 })
      return { what: `网格任务「${t.title}」`, link: `/gridtasks/detail/index?id=${t.id}` }
    }
  }
}
