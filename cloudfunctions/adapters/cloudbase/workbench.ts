// The workbench's records on CloudBase collections, with the SQLite adapter's semantics: known _ids
// (`userId:kind`, `memberId:year`, the token hash, the order id), version checks on registrations and
// evaluations, single-document writes only.
import type { Evaluation, EvaluationLink, Registration, ShowcaseConsent, StaffCard } from '../../core/domain/model'
import { withMemberDefaults } from '../../core/domain/onboarding'
import type { WorkbenchRepo } from '../../core/ports'
import { type Cond, eq } from './query'
import type { Doc, Scope } from './scope'
import { byId, fieldsOf, num, saveVersioned, str } from './docs'

const toRegistration = (d: Doc): Registration => {
  const f = fieldsOf(d)
  return {
    userId: f.userId as string,
    communityId: f.communityId as string,
    kind: f.kind as Registration['kind'],
    status: f.status as Registration['status'],
    name: f.name as string,
    phone: str(f.phone),
    buildingId: str(f.buildingId),
    gridId: str(f.gridId),
    room: str(f.room),
    member: f.member ? withMemberDefaults(f.member as Partial<NonNullable<Registration['member']>>) : null,
    submittedAt: f.submittedAt as number,
    decidedAt: num(f.decidedAt),
    decidedBy: str(f.decidedBy),
    reason: str(f.reason),
    version: f.version as number,
  }
}

const toCard = (d: Doc): StaffCard => ({
  userId: d._id,
  communityId: d.communityId as string,
  gridId: d.gridId as string,
  title: d.title as string,
  duties: d.duties as string,
  pledge: d.pledge as string,
  photo: str(d.photo),
  updatedAt: d.updatedAt as number,
})

const toEvaluation = (d: Doc): Evaluation => ({
  memberId: d.memberId as string,
  communityId: d.communityId as string,
  year: d.year as number,
  self: (d.self as Evaluation['self']) ?? null,
  community: (d.community as Evaluation['community']) ?? null,
  branch: (d.branch as Evaluation['branch']) ?? null,
  version: d.version as number,
})

const toLink = (d: Doc): EvaluationLink => ({
  tokenHash: d._id,
  memberId: d.memberId as string,
  communityId: d.communityId as string,
  year: d.year as number,
  createdBy: d.createdBy as string,
  createdAt: d.createdAt as number,
  expiresAt: d.expiresAt as number,
  usedAt: num(d.usedAt),
})

const toConsent = (d: Doc): ShowcaseConsent => ({
  orderId: d._id,
  communityId: d.communityId as string,
  gridId: str(d.gridId),
  consent: d.consent === true,
  at: d.at as number,
})

export function createWorkbenchRepo(scope: Scope): WorkbenchRepo {
  const one = <T>(collection: string, id: string, map: (d: Doc) => T) => byId(scope, collection, id, map)
  return {
    registration: (userId, kind) => one('registrations', `${userId}:${kind}`, toRegistration),
    async saveRegistration(r) {
      const id = `${r.userId}:${r.kind}`
      await saveVersioned(scope, 'registrations', { ...structuredClone(r), _id: id }, r.version, `registration ${id}`)
    },
    async pendingRegistrations(communityId, kind) {
      const where: Cond[] = [eq('communityId', communityId), eq('status', 'pending'), ...(kind ? [eq('kind', kind)] : [])]
      return (await scope.queryAll('registrations', { where, sort: [['submittedAt', 'asc']] })).map(toRegistration)
    },
    staffCard: (userId) => one('staff_cards', userId, toCard),
    async saveStaffCard(card) {
      const { userId, ...rest } = card
      await scope.put('staff_cards', { ...rest, _id: userId })
    },
    async staffCards(gridId) {
      return (await scope.queryAll('staff_cards', { where: [eq('gridId', gridId)], sort: [] })).map(toCard)
    },
    evaluation: (memberId, year) => one('evaluations', `${memberId}:${year}`, toEvaluation),
    async saveEvaluation(e) {
      const id = `${e.memberId}:${e.year}`
      await saveVersioned(scope, 'evaluations', { ...structuredClone(e), _id: id }, e.version, `evaluation ${id}`)
    },
    async evaluations(communityId, year) {
      return (await scope.queryAll('evaluations', { where: [eq('communityId', communityId), eq('year', year)], sort: [] })).map(
        toEvaluation,
      )
    },
    evaluationLink: (tokenHash) => one('evaluation_links', tokenHash, toLink),
    async saveEvaluationLink(link) {
      const { tokenHash, ...rest } = link
      await scope.put('evaluation_links', { ...rest, _id: tokenHash })
    },
    consent: (orderId) => one('showcase_consents', orderId, toConsent),
    async saveConsent(c) {
      const { orderId, ...rest } = c
      await scope.put('showcase_consents', { ...rest, _id: orderId })
    },
    async consented(gridId, limit) {
      const where: Cond[] = [eq('gridId', gridId), eq('consent', true)]
      const sort: Array<[string, 'asc' | 'desc']> = [
        ['at', 'desc'],
        ['_id', 'desc'],
      ]
      return (await scope.queryAll('showcase_consents', { where, sort }, limit)).map(toConsent)
    },
  }
}
