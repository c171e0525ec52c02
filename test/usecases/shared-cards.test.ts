// Shared cards opened by someone not signed in (issue 15, part 5): a 微心愿 or an activity passed on in
// a chat opens its detail for a guest — what a notice board would show, never who made the wish or who
// signed up — and nothing else opens that way.
import { TestClock } from '../../cloudfunctions/adapters/local/clock'
import { brokenInvariants } from '../helpers/invariants'
import { type Harness, openHarness } from '../helpers/local'

const LIUDM = 'u_liudm' // resident of 红星
const STAFF = 'u_linx'
const MEMBER = 'u_zhouzq'
const SIGNER = 'u_sunln'
const START = Date.parse('2026-06-10T10:00:00+08:00')

let h: Harness
beforeEach(async () => {
  h = await openHarness({ clock: new TestClock({ now: () => START }), demo: false })
})
afterEach(() => {
  expect(brokenInvariants(h.app.store.db)).toEqual([])
  h.close()
})

const refusal = (res: { ok: boolean; error?: { code: string; field?: string } }) => (res.ok ? null : res.error)

async function wish(put: 'out' | 'submitted' = 'out') {
  const photo = await h.upload(LIUDM)
  const o = await h.ok(LIUDM, 'orders', 'create', {
    kind: 'wish',
    category: 'elderly_child',
    title: '想学用手机视频通话',
    description: '孩子在外地，想学会视频，看看孙子',
    photos: [photo],
  })
  if (put === 'out') await h.ok(STAFF, 'orders', 'review', { orderId: o.id, decision: 'dispatch' })
  return o.id
}

describe('a shared 微心愿', () => {
  it('opens for a guest: what is wished for, its photo and the community — never who, where or how to reach them', async () => {
    const id = await wish()
    const res = await h.call(null, 'orders', 'publicWish', { orderId: id })
    if (!res.ok) throw new Error(JSON.stringify(res))
    expect(res.data).toMatchObject({
      id,
      title: '想学用手机视频通话',
      description: '孩子在外地，想学会视频，看看孙子',
      status: 'open',
      communityId: 'c_hongxing',
      communityName: '红星社区',
    })
    expect(res.data.photos).toHaveLength(1)
    const resident = (await h.app.store.read((r) => r.users.get(LIUDM)))!
    const said = JSON.stringify(res.data)
    for (const secret of [resident.name, resident.phone, resident.id, resident.room].filter(Boolean))
      expect(said).not.toContain(secret as string)
  })

  it('says when a member has taken it, and when it came true', async () => {
    const id = await wish()
    await h.ok(MEMBER, 'orders', 'claim', { orderId: id })
    expect((await h.ok(MEMBER, 'orders', 'publicWish', { orderId: id })).status).toBe('claimed')
    const res = await h.call(null, 'orders', 'publicWish', { orderId: id })
    expect(res.ok && res.data.status).toBe('claimed')
    expect(JSON.stringify(res)).not.toContain('周志强')
    const photo = await h.upload(MEMBER)
    await h.ok(MEMBER, 'orders', 'complete', { orderId: id, summary: '上门教会了刘大爷用手机视频通话', photos: [photo] })
    expect((await h.ok(STAFF, 'orders', 'publicWish', { orderId: id })).status).toBe('completed')
    await h.ok(LIUDM, 'orders', 'confirm', { orderId: id, rating: 5, comment: '学会了' })
    expect((await h.ok(STAFF, 'orders', 'publicWish', { orderId: id })).status).toBe('closed')
  })

  it('is the same for someone of another community, and for the person who made it', async () => {
    const id = await wish()
    const mine = await h.ok(LIUDM, 'orders', 'publicWish', { orderId: id })
    const theirs = await h.ok('u_qs_dengh', 'orders', 'publicWish', { orderId: id })
    expect(theirs).toEqual(mine)
  })

  it('does not open an order that is not a wish, nor a wish staff have not put out', async () => {
    const service = await h.ok(LIUDM, 'orders', 'create', {
      kind: 'service',
      category: 'elderly_child',
      title: '帮忙取药',
      description: '腿脚不便',
    })
    await h.ok(STAFF, 'orders', 'review', { orderId: service.id, decision: 'dispatch' })
    const waiting = await wish('submitted')
    const rejected = await wish('submitted')
    await h.ok(STAFF, 'orders', 'review', { orderId: rejected, decision: 'reject', reason: '不属于微心愿的范围' })
    for (const orderId of [service.id, waiting, rejected, 'o_nothing_here'])
      expect(refusal(await h.call(null, 'orders', 'publicWish', { orderId }))?.code).toBe('NOT_FOUND')
  })

  it('refuses bad input naming the field', async () => {
    for (const input of [{}, { orderId: 42 }, { orderId: '' }, { orderId: 'x'.repeat(200) }])
      expect(refusal(await h.raw(null, 'orders', 'publicWish', input))).toMatchObject({ code: 'INVALID_INPUT', field: 'orderId' })
    expect(refusal(await h.raw(null, 'orders', 'publicWish', { orderId: 'o_1', userId: LIUDM }))?.code).toBe('INVALID_INPUT')
  })
})

describe('a shared activity', () => {
  it('opens for a guest with its time, place and places left — never who signed up', async () => {
    await h.ok(SIGNER, 'activities', 'signup', { activityId: 'a_demo_clean' })
    const res = await h.call(null, 'activities', 'publicView', { activityId: 'a_demo_clean' })
    if (!res.ok) throw new Error(JSON.stringify(res))
    const staffView = await h.ok(STAFF, 'activities', 'get', { activityId: 'a_demo_clean' })
    expect(res.data).toMatchObject({
      id: 'a_demo_clean',
      title: staffView.title,
      description: staffView.description,
      place: staffView.place,
      startAt: staffView.startAt,
      signedCount: staffView.signedCount,
      placesLeft: staffView.placesLeft,
      signupOpen: true,
      communityId: 'c_hongxing',
      communityName: '红星社区',
    })
    expect(staffView.roster?.map((r) => r.member.name)).toContain('孙丽娜')
    const said = JSON.stringify(res.data)
    for (const secret of ['孙丽娜', SIGNER, 'roster', 'mine', 'createdBy']) expect(said).not.toContain(secret)
  })

  it('does not make up an activity, and refuses bad input naming the field', async () => {
    expect(refusal(await h.call(null, 'activities', 'publicView', { activityId: 'a_nothing' }))?.code).toBe('NOT_FOUND')
    for (const input of [{}, { activityId: 7 }, { activityId: '' }])
      expect(refusal(await h.raw(null, 'activities', 'publicView', input))).toMatchObject({ code: 'INVALID_INPUT', field: 'activityId' })
  })
})
