// The repository contract for what WeChat needs kept: 订阅消息 grants per person and template, and the
// photos sent to WeChat's asynchronous check. Written once, run on every adapter that can run here —
// SQLite (wechat-sqlite.test.ts) and the CloudBase adapter on the real node-sdk (cloudbase.test.ts).
import type { PhotoCheck, SubscriptionGrant } from '../../cloudfunctions/core/domain/model'
import { type ContractAdapter, FIXTURES, seededStore } from './repos.contract'

const C1 = FIXTURES.communities[0].id

const grant = (userId: string, template: SubscriptionGrant['template'], left: number, updatedAt = 1_000): SubscriptionGrant => ({
  userId,
  template,
  left,
  updatedAt,
})

const check = (traceId: string, over: Partial<PhotoCheck> = {}): PhotoCheck => ({
  traceId,
  fileId: `cloud://env.bucket/uploads/u_res/${traceId}.jpg`,
  ownerId: 'u_res',
  communityId: C1,
  place: { kind: 'order', id: 'o_1', field: 'photos' },
  verdict: 'pending',
  label: null,
  submittedAt: 1_000,
  decidedAt: null,
  ...over,
})

export function wechatContract(adapter: ContractAdapter) {
  describe(`WeChat repository contract: ${adapter.name}`, () => {
    const { w, r } = seededStore(adapter)

    describe('订阅消息 grants', () => {
      it('keeps one record per person and template, replaced as it counts up and down', async () => {
        expect(await r((x) => x.subscriptions.grant('u_res', 'order_progress'))).toBeNull()
        await w((x) => x.subscriptions.saveGrant(grant('u_res', 'order_progress', 1)))
        await w((x) => x.subscriptions.saveGrant(grant('u_res', 'order_progress', 2, 2_000)))
        expect(await r((x) => x.subscriptions.grant('u_res', 'order_progress'))).toEqual(grant('u_res', 'order_progress', 2, 2_000))
        // a count of zero stays on record: the person was asked before
        await w((x) => x.subscriptions.saveGrant(grant('u_res', 'order_progress', 0, 3_000)))
        expect(await r((x) => x.subscriptions.grant('u_res', 'order_progress'))).toEqual(grant('u_res', 'order_progress', 0, 3_000))
        expect(await r((x) => x.subscriptions.grant('u_m1', 'order_progress'))).toBeNull()
      })

      it("lists a person's grants in template order, and forgets them without touching anyone else's", async () => {
        await w(async (x) => {
          await x.subscriptions.saveGrant(grant('u_m1', 'pickup_reminder', 1))
          await x.subscriptions.saveGrant(grant('u_m1', 'new_task', 3))
          await x.subscriptions.saveGrant(grant('u_m1', 'activity_reminder', 0))
          await x.subscriptions.saveGrant(grant('u_m10', 'new_task', 1))
        })
        const templates = (userId: string) => r(async (x) => (await x.subscriptions.grantsOf(userId)).map((g) => [g.template, g.left]))
        expect(await templates('u_m1')).toEqual([
          ['new_task', 3],
          ['activity_reminder', 0],
          ['pickup_reminder', 1],
        ])
        await w((x) => x.subscriptions.forget('u_m1'))
        expect(await templates('u_m1')).toEqual([])
        expect(await templates('u_m10')).toEqual([['new_task', 1]])
      })

      it('sees its own writes inside the transaction', async () => {
        await w(async (x) => {
          await x.subscriptions.saveGrant(grant('u_res', 'order_progress', 1))
          expect((await x.subscriptions.grant('u_res', 'order_progress'))?.left).toBe(1)
          await x.subscriptions.saveGrant(grant('u_res', 'order_progress', 0))
          expect((await x.subscriptions.grant('u_res', 'order_progress'))?.left).toBe(0)
        })
        expect((await r((x) => x.subscriptions.grant('u_res', 'order_progress')))?.left).toBe(0)
      })
    })

    describe('photo checks', () => {
      it('keeps a check at its trace id, with where the photo is shown, replaced by its verdict', async () => {
        const pending = check('tr_1', { place: { kind: 'order', id: 'o_9', field: 'completionPhotos' } })
        await w((x) => x.photoChecks.save(pending))
        expect(await r((x) => x.photoChecks.get('tr_1'))).toEqual(pending)
        const risky = { ...pending, verdict: 'risky' as const, label: 20002, decidedAt: 5_000 }
        await w((x) => x.photoChecks.save(risky))
        expect(await r((x) => x.photoChecks.get('tr_1'))).toEqual(risky)
        expect(await r((x) => x.photoChecks.get('tr_none'))).toBeNull()
      })

      it("lists a person's flagged checks newest first, and forgets only theirs", async () => {
        await w(async (x) => {
          await x.photoChecks.save(check('tr_1', { verdict: 'risky', submittedAt: 100 }))
          await x.photoChecks.save(check('tr_2', { verdict: 'pass', submittedAt: 200 }))
          await x.photoChecks.save(check('tr_3', { verdict: 'review', submittedAt: 300, place: { kind: 'goods', id: 'gd_1' } }))
          await x.photoChecks.save(check('tr_4', { verdict: 'pending', submittedAt: 400 }))
          await x.photoChecks.save(check('tr_5', { verdict: 'risky', submittedAt: 500, ownerId: 'u_m1' }))
        })
        const flagged = (ownerId: string) => r(async (x) => (await x.photoChecks.flaggedOf(ownerId)).map((c) => c.traceId))
        expect(await flagged('u_res')).toEqual(['tr_3', 'tr_1'])
        await w((x) => x.photoChecks.forget('u_res'))
        expect(await r((x) => x.photoChecks.get('tr_2'))).toBeNull()
        expect(await flagged('u_res')).toEqual([])
        expect(await flagged('u_m1')).toEqual(['tr_5'])
      })
    })
  })
}
