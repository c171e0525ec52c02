// Photo checks against the real SQLite adapter: every use case that shows a photo to others hands it to
// the photo check once it has committed, saying where it is shown; a later `risky` verdict takes it off
// that record everywhere it is shown, tells its uploader and deletes the file; `review` and `pass` keep it.
// (WeChat's side — mediaCheckAsync and the pushed event — runs on the emulator in test/cloud/photo-checks.test.ts.)
import { createHandler } from '../../cloudfunctions/core/edge'
import type { PhotoCheck } from '../../cloudfunctions/core/domain/model'
import type { PlacedPhoto } from '../../cloudfunctions/core/ports'
import { REGISTRY } from '../../cloudfunctions/core/registry'
import { runWrite } from '../../cloudfunctions/core/runner'
import { applyPhotoVerdict, type Verdict } from '../../cloudfunctions/core/usecases/photos/verdict'
import { type Harness, openHarness, rid } from '../helpers/local'

const RESIDENT = 'u_wangxl'
const STAFF = 'u_linx'
const MEMBER = 'u_zhouzq'

let h: Harness
let placed: PlacedPhoto[]
beforeEach(async () => {
  h = await openHarness()
  placed = []
})
afterEach(() => h.close())

/** Calls through the edge with a photo check that records what it is handed (as WeChat's would be). */
async function ok(userId: string, fn: keyof typeof REGISTRY, action: string, input: unknown): Promise<any> {
  const deps = { ...h.app.deps, photos: { submit: async (p: PlacedPhoto[]) => void placed.push(...p) } }
  const res = await createHandler(fn, REGISTRY[fn], { uow: h.app.store, deps })({ action, input, requestId: rid() }, { userId })
  if (!res.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(res.error)}`)
  return res.data
}

/** What WeChat would have answered to the submission: a pending check at a trace id. */
async function submitted(photo: PlacedPhoto, traceId: string): Promise<PhotoCheck> {
  const check: PhotoCheck = { ...photo, traceId, verdict: 'pending', label: null, submittedAt: h.app.clock.now(), decidedAt: null }
  await h.app.store.write((r) => r.photoChecks.save(check))
  return check
}

const verdict = (v: Verdict) => runWrite({ uow: h.app.store, deps: h.app.deps }, (ctx) => applyPhotoVerdict(ctx, v))
const inbox = async (userId: string) => (await h.ok(userId, 'accounts', 'inbox', {})).items
const stored = (fileId: string) => h.app.files.locate(fileId) !== null

describe('what goes to the photo check', () => {
  it('every photo others will see, once its record has committed, with where it is shown', async () => {
    const [p1, p2] = [await h.upload(RESIDENT), await h.upload(RESIDENT)]
    const o = await ok(RESIDENT, 'orders', 'create', { kind: 'service', category: 'care', title: '帮忙修水管', photos: [p1, p2] })
    await ok(STAFF, 'orders', 'review', { orderId: o.id, decision: 'dispatch' })
    await ok(MEMBER, 'orders', 'claim', { orderId: o.id })
    const done = await h.upload(MEMBER)
    await ok(MEMBER, 'orders', 'complete', { orderId: o.id, summary: '水管已经换好，不再漏水了', photos: [done] })
    const picture = await h.upload(STAFF)
    const g = await ok(STAFF, 'mall', 'upsertGoods', {
      name: '洗衣液',
      price: 30,
      stock: 5,
      limitPerMember: 2,
      onShelf: true,
      image: picture,
    })
    // an edit keeping the picture sends nothing again
    await ok(STAFF, 'mall', 'upsertGoods', { id: g.id, name: '洗衣液', price: 25, stock: 5, limitPerMember: 2, onShelf: true })
    expect(placed.map((p) => [p.fileId, p.ownerId, p.place])).toEqual([
      [p1, RESIDENT, { kind: 'order', id: o.id, field: 'photos' }],
      [p2, RESIDENT, { kind: 'order', id: o.id, field: 'photos' }],
      [done, MEMBER, { kind: 'order', id: o.id, field: 'completionPhotos' }],
      [picture, STAFF, { kind: 'goods', id: g.id }],
    ])
    expect(new Set(placed.map((p) => p.communityId))).toEqual(new Set(['c_hongxing']))
  })

  it('nothing when the use case fails', async () => {
    const p = await h.upload(RESIDENT)
    await expect(
      ok(RESIDENT, 'orders', 'create', { kind: 'service', category: 'care', title: '违禁词法轮功', photos: [p] }),
    ).rejects.toThrow(/INVALID_INPUT/)
    expect(placed).toEqual([])
  })
})

describe('a later verdict', () => {
  async function orderWithPhotos() {
    const [keep, bad] = [await h.upload(RESIDENT), await h.upload(RESIDENT)]
    const o = await ok(RESIDENT, 'orders', 'create', { kind: 'wish', category: 'care', title: '想要一台收音机', photos: [keep, bad] })
    return { id: o.id as string, keep, bad, placedBad: placed[1] }
  }

  it('risky: the photo leaves the order for everyone, its uploader is told, the file is deleted; once', async () => {
    const o = await orderWithPhotos()
    await submitted(o.placedBad, 'trace-risky-1')
    expect(await verdict({ traceId: 'trace-risky-1', suggest: 'risky', label: 20002 })).toBe('removed')
    for (const who of [RESIDENT, STAFF]) {
      expect((await h.ok(who, 'orders', 'get', { orderId: o.id })).photos.map((p) => p.fileId)).toEqual([o.keep])
    }
    expect(stored(o.bad)).toBe(false)
    expect(stored(o.keep)).toBe(true)
    expect((await inbox(RESIDENT))[0]).toMatchObject({
      kind: 'photo_removed',
      body: '你在工单「想要一台收音机」上传的一张照片没有通过微信的内容安全检查，已经移除，别人看不到了。',
      link: `/resident/order-detail/index?id=${o.id}`,
    })
    expect(await h.app.store.read((r) => r.photoChecks.get('trace-risky-1'))).toMatchObject({ verdict: 'risky', label: 20002 })
    // WeChat may push the same verdict again
    expect(await verdict({ traceId: 'trace-risky-1', suggest: 'risky', label: 20002 })).toBe('repeated')
    expect((await inbox(RESIDENT)).filter((n) => n.kind === 'photo_removed')).toHaveLength(1)
  })

  it('risky on a care task done (结对帮扶): the photo leaves the household’s page, its member is told', async () => {
    const [keep, bad] = [await h.upload(MEMBER), await h.upload(MEMBER)]
    const done = await ok(MEMBER, 'households', 'closeCareTask', {
      pairId: 'pr_hx_wangxl',
      report: '陪老人聊了一个小时，帮着收拾了厨房',
      photos: [keep, bad],
    })
    expect(placed.map((p) => p.place)).toEqual([
      { kind: 'care', id: done.recordId },
      { kind: 'care', id: done.recordId },
    ])
    await submitted(placed[1], 'trace-care-1')
    expect(await verdict({ traceId: 'trace-care-1', suggest: 'risky', label: 20002 })).toBe('removed')
    const file = await h.ok(STAFF, 'households', 'get', { householdId: 'hh_hx_wangxl' })
    expect(file.care[0].photos.map((p) => p.fileId)).toEqual([keep])
    expect((await inbox(MEMBER))[0]).toMatchObject({ kind: 'photo_removed', link: '/households/detail/index?id=hh_hx_wangxl' })
  })

  it.each([
    ['review', 'review'],
    ['pass', 'pass'],
    ['unknown', 'review'],
  ] as const)('%s: the photo stays shown and the verdict is kept (%s)', async (suggest, kept) => {
    const o = await orderWithPhotos()
    await submitted(o.placedBad, 'trace-1')
    expect(await verdict({ traceId: 'trace-1', suggest, label: null })).toBe(kept)
    expect((await h.ok(RESIDENT, 'orders', 'get', { orderId: o.id })).photos.map((p) => p.fileId)).toEqual([o.keep, o.bad])
    expect(stored(o.bad)).toBe(true)
    expect((await inbox(RESIDENT)).map((n) => n.kind)).not.toContain('photo_removed')
    expect(await h.app.store.read((r) => r.photoChecks.get('trace-1'))).toMatchObject({ verdict: kept })
  })

  it('a trace id nobody submitted changes nothing', async () => {
    const o = await orderWithPhotos()
    expect(await verdict({ traceId: 'trace-forged', suggest: 'risky', label: 20002 })).toBe('unknown')
    expect((await h.ok(RESIDENT, 'orders', 'get', { orderId: o.id })).photos).toHaveLength(2)
  })

  it('takes a risky picture off goods, an activity cover and a completion report, each telling its uploader where', async () => {
    const picture = await h.upload(STAFF)
    const g = await ok(STAFF, 'mall', 'upsertGoods', {
      name: '洗衣液',
      price: 30,
      stock: 5,
      limitPerMember: 2,
      onShelf: true,
      image: picture,
    })
    const cover = await h.upload(STAFF)
    const day = new Date(h.app.clock.now() + 14 * 86400_000).toISOString().slice(0, 10)
    const a = await ok(STAFF, 'activities', 'publish', {
      title: '周末环境清洁日',
      description: '',
      category: 'environment',
      startAt: `${day}T09:00:00+08:00`,
      endAt: `${day}T11:00:00+08:00`,
      signupDeadline: `${day}T08:00:00+08:00`,
      place: { name: '社区广场' },
      quota: 10,
      cover,
    })
    const o = await ok(RESIDENT, 'orders', 'create', { kind: 'service', category: 'care', title: '帮忙修水管' })
    await ok(STAFF, 'orders', 'review', { orderId: o.id, decision: 'dispatch' })
    await ok(MEMBER, 'orders', 'claim', { orderId: o.id })
    const report = await h.upload(MEMBER)
    await ok(MEMBER, 'orders', 'complete', { orderId: o.id, summary: '水管已经换好，不再漏水了', photos: [report] })
    for (const [i, p] of placed.entries()) await submitted(p, `trace-${i}`)
    for (const i of placed.keys()) expect(await verdict({ traceId: `trace-${i}`, suggest: 'risky', label: 20001 })).toBe('removed')

    expect((await h.ok(MEMBER, 'mall', 'listGoods', {})).items.find((x) => x.id === g.id)?.image).toBeNull()
    expect((await h.ok(MEMBER, 'activities', 'get', { activityId: a.id })).cover).toBeNull()
    expect((await h.ok(RESIDENT, 'orders', 'get', { orderId: o.id })).completionPhotos).toEqual([])
    expect((await inbox(STAFF)).filter((n) => n.kind === 'photo_removed').map((n) => [n.body.split('上传')[0], n.link])).toEqual([
      ['你在活动「周末环境清洁日」', `/activity/detail/index?id=${a.id}`],
      ['你在商品「洗衣液」', `/staff/goods-edit/index?id=${g.id}`],
    ])
    expect((await inbox(MEMBER)).find((n) => n.kind === 'photo_removed')?.link).toBe(`/member/task-detail/index?id=${o.id}`)
  })
})
