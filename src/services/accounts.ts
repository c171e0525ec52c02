// accounts.* — who the caller is.
import type { Me } from '@shared/accounts'
import type { PostType } from '@shared/enums'
import { session } from '@/store/session'
import { call } from './transport'

export interface MemberOption {
  id: string
  name: string
  gridName: string | null
  posts: PostType[]
  skills: string[]
}

/** Load the signed-in person and keep the session copy fresh. */
export async function fetchMe(): Promise<Me> {
  const me = await call<Me>('accounts', 'me')
  const s = session.get()
  if (s.token || process.env.TARO_ENV === 'weapp') session.signedIn(s.token, me)
  return me
}

/** Staff only: members of the community, for direct assignment. */
export async function listMembers(): Promise<MemberOption[]> {
  const data = await call<{ items: MemberOption[] }>('accounts', 'listMembers')
  return data.items
}

/** My own settings; today only whether I appear in the personal points ranking. */
export async function setRankingOptIn(rankingOptIn: boolean, requestId: string): Promise<Me> {
  const me = await call<Me>('accounts', 'updateProfile', { rankingOptIn }, { requestId, loading: false })
  session.setUser(me)
  return me
}
