// Local demo sign-in (H5 against the local gateway). In WeChat the platform identifies the caller.
import type { DemoUser, Me } from '@shared/accounts'
import { session } from '@/store/session'
import { setDemoClock } from './clock'
import { http } from './transport'

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
  session.clear()
  setDemoClock(false)
}
