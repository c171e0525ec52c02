// First contact in WeChat: an OPENID with no person behind it may do two things — read a community's
// places (public) and submit 居民登记. That submission creates the person (no roles yet: staff verify
// the home first) and binds the OPENID to them; everything else waits for a registered person.
import type { ErrorBody } from '@shared/envelope'
import { RegisterResidentInput } from '@shared/accounts'
import type { CloudbaseStore } from './adapters/cloudbase/store'
import type { CbDb } from './adapters/cloudbase/sdk'
import { isDuplicateWrite, oneDoc } from './adapters/cloudbase/sdk'
import type { User } from './core/domain/model'
import type { Clock, Ids } from './core/ports'

/** The one action that creates a person; its input names the building, hence the community. */
export const ENROLLING_ACTION = { fn: 'accounts', action: 'registerResident' } as const

export const isEnrolling = (fn: string, request: unknown) =>
  fn === ENROLLING_ACTION.fn &&
  typeof request === 'object' &&
  request !== null &&
  (request as { action?: unknown }).action === ENROLLING_ACTION.action

/**
 * Creates the person for an OPENID and binds it, or returns the person another call bound first.
 * Input that is not a valid registration of a real building is refused here, with nothing written.
 */
export async function enrolNewcomer(
  db: CbDb,
  store: CloudbaseStore,
  deps: { ids: Ids; clock: Clock },
  openId: string,
  input: unknown,
): Promise<{ userId: string } | { error: ErrorBody }> {
  const parsed = RegisterResidentInput.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = [...issue.path, ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])].map(String).join('.') || 'input'
    return { error: { code: 'INVALID_INPUT', message: `${field}：${issue.message}`, field } }
  }
  const building = await store.read((repos) => repos.places.building(parsed.data.buildingId))
  if (!building) return { error: { code: 'INVALID_INPUT', message: '请选择本社区的楼栋', field: 'buildingId' } }
  const user: User = {
    id: deps.ids.next('u'),
    communityId: building.communityId,
    name: parsed.data.name,
    phone: null,
    roles: [],
    gridId: null,
    buildingId: null,
    room: null,
    member: null,
    rankingOptIn: false,
    createdAt: deps.clock.now(),
  }
  // the person first: a lost race below leaves an unbound person with no roles, never a dangling binding
  await store.write((repos) => repos.users.insert(user))
  const identities = db.collection(store.collection('identities'))
  try {
    await identities.add({ _id: openId, userId: user.id })
    return { userId: user.id }
  } catch (e) {
    if (!isDuplicateWrite(e)) throw e
    const bound = oneDoc((await identities.doc(openId).get()).data)
    if (typeof bound?.userId !== 'string') throw e
    return { userId: bound.userId }
  }
}
