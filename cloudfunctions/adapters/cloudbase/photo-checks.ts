// Photos sent to WeChat's asynchronous check, on CloudBase: one document per check at its trace id.
import type { PhotoCheck, PhotoPlace, PhotoVerdict } from '../../core/domain/model'
import type { PhotoCheckRepo } from '../../core/ports'
import { byId, num } from './docs'
import { type Cond, eq } from './query'
import type { Doc, Scope } from './scope'

const toCheck = (d: Doc): PhotoCheck => ({
  traceId: d._id,
  fileId: d.fileId as string,
  ownerId: d.ownerId as string,
  communityId: d.communityId as string,
  place: d.place as PhotoPlace,
  verdict: d.verdict as PhotoVerdict,
  label: num(d.label),
  submittedAt: d.submittedAt as number,
  decidedAt: num(d.decidedAt),
})

export function createPhotoCheckRepo(scope: Scope): PhotoCheckRepo {
  return {
    get: (traceId) => byId(scope, 'photo_checks', traceId, toCheck),
    async save({ traceId, ...check }) {
      await scope.put('photo_checks', { ...structuredClone(check), _id: traceId })
    },
    async flaggedOf(ownerId) {
      const where: Cond[] = [eq('ownerId', ownerId), { f: 'verdict', op: 'in', v: ['review', 'risky'] }]
      const sort: Array<[string, 'asc' | 'desc']> = [
        ['submittedAt', 'desc'],
        ['_id', 'desc'],
      ]
      return (await scope.queryAll('photo_checks', { where, sort })).map(toCheck)
    },
    async forget(ownerId) {
      for (const d of await scope.queryAll('photo_checks', { where: [eq('ownerId', ownerId)], sort: [] }))
        await scope.remove('photo_checks', d._id)
    },
  }
}
