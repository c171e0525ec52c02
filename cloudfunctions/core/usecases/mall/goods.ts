// Goods on the shelf (with what the caller may still redeem), and staff keeping them (商品管理).
import type { z } from 'zod'
import type { Goods as GoodsView, UpsertGoodsInput } from '@shared/mall'
import { type Actor, isStaff } from '../../domain/access'
import { AppError, notFound } from '../../domain/errors'
import type { Goods } from '../../domain/model'
import type { Ctx } from '../../ports'
import { presentGoods } from './present'
import { screenPhotos } from '../photos/screen'

export async function listGoods(ctx: Ctx, actor: Actor, input: { all?: boolean }) {
  if (input.all && !isStaff(actor)) throw new AppError('FORBIDDEN', '只有社区工作者可以查看下架商品')
  const goods = await ctx.repos.mall.listGoods(actor.communityId, input.all === true)
  const items: GoodsView[] = []
  for (const g of goods) items.push(await presentGoods(ctx, g, await ctx.repos.mall.holding(g.id, actor.userId)))
  return { items }
}

export async function upsertGoods(ctx: Ctx, actor: Actor, input: z.output<typeof UpsertGoodsInput>) {
  await ctx.guard.check(input.name, 'name', actor)
  if (input.description) await ctx.guard.check(input.description, 'description', actor)
  const current = input.id === undefined ? null : await ctx.repos.mall.goods(input.id)
  if (input.id !== undefined && (!current || current.communityId !== actor.communityId)) throw notFound('没有找到这件商品')
  // a new picture must be one this person uploaded; keeping the old one needs no check
  if (input.image && input.image !== current?.image) await ctx.files.assertOwned([input.image], actor.userId, 'image')
  const now = ctx.clock.now()
  const fields = {
    name: input.name,
    description: input.description ?? '',
    price: input.price,
    stock: input.stock,
    limitPerMember: input.limitPerMember,
    onShelf: input.onShelf,
    updatedAt: now,
  }
  let saved: Goods
  if (!current) {
    saved = { id: ctx.ids.next('g'), communityId: actor.communityId, image: input.image ?? null, createdAt: now, version: 1, ...fields }
    await ctx.repos.mall.insertGoods(saved)
  } else {
    const image = input.image === undefined ? current.image : input.image
    saved = { ...current, ...fields, image, version: current.version + 1 }
    await ctx.repos.mall.updateGoods(saved)
  }
  if (saved.image !== current?.image) screenPhotos(ctx, actor, { kind: 'goods', id: saved.id }, [saved.image])
  return presentGoods(ctx, saved, await ctx.repos.mall.holding(saved.id, actor.userId))
}
