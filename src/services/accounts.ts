// accounts.* — who the caller is.
import type { Me } from '@shared/accounts'
import { session } from '@/store/session'
import { platform } from '@/platform'
import { type CallOptions, call } from './transport'

/** Load the signed-in person and keep the session copy fresh. */
export async function fetchMe(opts?: CallOptions): Promise<Me> {
  const me = await call('accounts', 'me', {}, opts)
  const s = session.get()
  // in WeChat the platform names the caller and there is no token to keep
  if (s.token || platform.signIn === 'wechat') session.signedIn(s.token, me)
  return me
}

/** 个人信息与隐私: everything the service holds about me. */
export function exportMyData() {
  return call('accounts', 'exportMyData', {}, { loading: false })
}

/** 注销账号: erases me (what is kept, anonymised, is in types/privacy.ts); signs out nowhere by itself. */
export function deleteMe(requestId: string) {
  return call('accounts', 'deleteMe', { confirm: true }, { requestId, loading: '正在注销' })
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
