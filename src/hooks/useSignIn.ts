// The sign-in forms' one submit (登录, 设置登录密码, 创建社区): busy while the door answers, the transport
// toasts a refusal, and a success greets the person and takes them on: back to the page they were
// going to when the app asked who they are (a shared card, a page whose session ran out), else `next`.
import { useState } from 'react'
import type { Me } from '@shared/accounts'
import { ROUTES } from '@/constants/routes'
import { toast } from '@/services/feedback'
import { goOnAfterSignIn } from '@/store/return-to'

export function useSignIn(next: { url: string; tab: boolean; greeting?: (me: Me) => string } = { url: ROUTES.home, tab: true }) {
  const [busy, setBusy] = useState(false)
  const submit = async (open: () => Promise<Me>) => {
    setBusy(true)
    try {
      const me = await open()
      toast(next.greeting?.(me) ?? `欢迎，${me.name}`, 'success')
      goOnAfterSignIn(me.id, next)
    } catch {
      // the transport toasted the reason
    } finally {
      setBusy(false)
    }
  }
  return { busy, submit }
}
