// accounts.* — who the caller is.
import type { Me } from '@shared/accounts'
import { session } from '@/store/session'
import { call, identifiedByPlatform } from './transport'

/** Load the signed-in person and keep the session copy fresh. */
export async function fetchMe(): Promise<Me> {
  const me = await call('accounts', 'me')
  const s = session.get()
  if (s.token || identifiedByPlatform) session.signedIn(s.token, me)
  return me
}

/** Staff only: members of the community, for direct assignment. */
export async function listMembers() {
  const data = await call('accounts', 'listMembers')
  return data.items
}

/** My own settings; today only whether I appear in the personal points ranking. */
export async function setRankingOptIn(rankingOptIn: boolean, requestId: string): Promise<Me> {
  const me = await call('accounts', 'updateProfile', { rankingOptIn }, { requestId, loading: false })
  session.setUser(me)
  return me
}
