// Photo checks as the deployed functions run them: compose-cloud on the real node-sdk and wx-server-sdk,
// the emulator standing in for storage and WeChat. Each photo of a committed order goes to
// mediaCheckAsync as its uploader (a temporary URL); the verdict WeChat pushes later (the emulator's
// `wxa_media_check` event, scripted per file) goes to the wxpush entry, which takes a risky photo off
// the order, tells the uploader and deletes the file.
import { applyPhotoVerdict } from '../../cloudfunctions/core/usecases/photos/verdict'
import { cloudHarnessForFile } from './harness'

const h = cloudHarnessForFile()

let seq = 0
async function ok(userId: string, fn: string, action: string, input: unknown = {}): Promise<any> {
  const res = await h().handle(fn, { action, input, requestId: `req-photo-${++seq}` }, `openid-${userId}`)
  if (!res.ok) throw new Error(`${fn}.${action} as ${userId}: ${JSON.stringify(res.error)}`)
  return res.data
}

const checks = () => h().emu.control.openApiCalls('security.mediaCheckAsync')

/** WeChat pushes the verdict of one submitted check to the wxpush function (no caller: a push). */
async function push(traceId: string) {
  return h().app.wxpush(await h().emu.control.mediaCheckEvent(traceId), h().context(null), applyPhotoVerdict)
}

async function orderWith(...names: string[]) {
  const photos: string[] = []
  for (const name of names) photos.push(await h().upload('u_res', name))
  const o = await ok('u_res', 'orders', 'create', { kind: 'hazard', category: 'environment', title: '楼道堆满杂物', photos })
  return { id: o.id as string, photos }
}

it('sends every photo of an order to mediaCheckAsync as its uploader, and keeps each check pending', async () => {
  const o = await orderWith('a1b2c3.jpg', 'd4e5f6.jpg')
  const sent = await checks()
  expect(sent.map((c) => c.params)).toEqual([
    expect.objectContaining({
      media_type: 2,
      version: 2,
      scene: 3,
      openid: 'openid-u_res',
      media_url: expect.stringContaining('a1b2c3.jpg'),
    }),
    expect.objectContaining({ openid: 'openid-u_res', media_url: expect.stringContaining('d4e5f6.jpg') }),
  ])
  const kept = await h().docs('photo_checks')
  expect(kept.map((d) => [d.fileId, d.verdict, d.place])).toEqual(
    expect.arrayContaining(o.photos.map((fileId) => [fileId, 'pending', { kind: 'order', id: o.id, field: 'photos' }])),
  )
  expect(kept.map((d) => d._id).sort()).toEqual(sent.map((c) => c.response.trace_id).sort())
})

it('a risky verdict takes the photo off the order, tells the uploader and deletes the file', async () => {
  await h().emu.control.mediaVerdict({ contains: 'bad000', suggest: 'risky', label: 20002 })
  const o = await orderWith('good11.jpg', 'bad000.jpg')
  const risky = (await checks()).find((c) => String(c.params.media_url).includes('bad000'))
  expect(await push(String(risky?.response.trace_id))).toEqual({ ok: true, data: { outcome: 'removed' } })

  for (const who of ['u_res', 'u_staff']) {
    expect((await ok(who, 'orders', 'get', { orderId: o.id })).photos.map((p: any) => p.fileId)).toEqual([o.photos[0]])
  }
  const files = (await h().emu.control.files()).map((f) => f.cloudPath)
  expect(files).toContain('uploads/u_res/good11.jpg')
  expect(files).not.toContain('uploads/u_res/bad000.jpg')
  expect((await ok('u_res', 'accounts', 'inbox')).items[0]).toMatchObject({
    kind: 'photo_removed',
    link: `/resident/order-detail/index?id=${o.id}`,
  })
  expect(h().logs.map(([m]) => m)).toContain('photo check: risky')
  // pushed twice: applied once
  expect(await push(String(risky?.response.trace_id))).toEqual({ ok: true, data: { outcome: 'repeated' } })
})

it('a review verdict keeps the photo shown and logs it', async () => {
  await h().emu.control.mediaVerdict({ contains: 'maybe1', suggest: 'review' })
  const o = await orderWith('maybe1.jpg')
  const [check] = await checks()
  expect(await push(String(check.response.trace_id))).toEqual({ ok: true, data: { outcome: 'review' } })
  expect((await ok('u_res', 'orders', 'get', { orderId: o.id })).photos).toHaveLength(1)
  expect(h().logs.find(([m]) => m === 'photo check: review')?.[1]).toMatchObject({ traceId: check.response.trace_id })
  expect((await h().doc('photo_checks', String(check.response.trace_id)))?.verdict).toBe('review')
})

it('refuses what is not a verdict, and a trace id nobody was given changes nothing', async () => {
  const o = await orderWith('a1b2c3.jpg')
  expect(await h().app.wxpush({ action: 'me' }, h().context('openid-u_res'), applyPhotoVerdict)).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  })
  const forged = { Event: 'wxa_media_check', trace_id: 'guessed-trace', result: { suggest: 'risky', label: 20002 } }
  expect(await h().app.wxpush(forged, h().context('openid-u_res'), applyPhotoVerdict)).toEqual({ ok: true, data: { outcome: 'unknown' } })
  expect((await ok('u_res', 'orders', 'get', { orderId: o.id })).photos).toHaveLength(1)
})
