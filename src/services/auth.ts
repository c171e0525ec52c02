// Sign-in in the browser: the self-hosted door (phone and password, an invitation, a new server's setup
// link) and the local demo's people. In WeChat the platform identifies the caller.
import type { InputOf } from '@shared/api'
import type { DemoUser, Me, SignedIn } from '@shared/accounts'
import { session } from '@/store/session'
import { setDemoClock } from './clock'
import { call, http } from './transport'

/** A fresh id per attempt: a sign-in keeps nothing of its request, so a retry simply signs in again. */
const attempt = () => `signin-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`

function signedIn(data: SignedIn): Me {
  session.signedIn(data.token, data.user)
  setDemoClock(false)
  return data.user
}

export async function passwordSignIn(login: string, password: string): Promise<Me> {
  return signedIn(await call('accounts', 'signIn', { login, password }, { requestId: attempt(), loading: '正在登录' }))
}

export async function acceptInvite(token: string, password: string): Promise<Me> {
  return signedIn(await call('accounts', 'acceptInvite', { token, password }, { requestId: attempt(), loading: '正在设置' }))
}

export async function setupCommunity(input: InputOf<'accounts', 'setupCommunity'>): Promise<Me> {
  return signedIn(await call('accounts', 'setupCommunity', input, { requestId: attempt(), loading: '正在创建社区' }))
}

/** Ends this session on the server too (a session already gone is fine), then forgets it here. */
export async function signOutEverywhere(): Promise<void> {
  await call('accounts', 'signOutEverywhere', {}, { requestId: attempt(), loading: '正在退出' }).catch(() => undefined)
  signOut()
}

export async function listDemoUsers(): Promise<DemoUser[]> {
  const data = await http<{ users: DemoUser[] }>('GET', '/api/auth/demo-users')
  return data.users
}

export async function demoLogin(userId: string): Promise<Me> {
  const data = await http<{ token: string; user: Me }>('POST', '/api/auth/demo-login', { userId }, { loading: '正在登录' })
  session.signedIn(data.token, data.user)
  setDemoClock(true)
  return data.user
}

export function signOut() {
  // the server ends the session as well; a failure (offline, already ended) still signs out here
  if (session.get().token)
    void call('accounts', 'signOut', {}, { requestId: attempt(), loading: false, quiet: true }).catch(() => undefined)
  session.clear()
  setDemoClock(false)
}
