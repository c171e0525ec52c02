// 设置登录密码: the page a staff member's invitation opens (?token=). The person chooses a password,
// is signed in, and from then on signs in with their phone number and it. A new invitation resets it.
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { ACCOUNT_LIMITS as L } from '@shared/limits'
import Btn from '@/components/btn'
import Card from '@/components/card'
import { InputField } from '@/components/field'
import Screen from '@/components/screen'
import { useSignIn } from '@/hooks/useSignIn'
import { acceptInvite } from '@/services/auth'
import { toast } from '@/services/feedback'
import '@/styles/blocks.scss'

export default function AcceptInvite() {
  const token = useRouter().params.token ?? ''
  const [password, setPassword] = useState('')
  const [again, setAgain] = useState('')
  const { busy, submit: signIn } = useSignIn()
  const submit = async () => {
    if (password.length < L.password.min) return toast(`密码至少 ${L.password.min} 位`)
    if (password !== again) return toast('两次输入的密码不一样')
    await signIn(() => acceptInvite(token, password))
  }
  return (
    <Screen className="wb accept">
      <Card title="设置登录密码">
        <View className="wb-hint">设置好以后，用登记的手机号和这个密码登录。这个链接只能用一次。</View>
        <InputField
          label="密码"
          type="password"
          className="input-password"
          value={password}
          onChange={setPassword}
          maxLength={L.password.max}
          placeholder={`至少 ${L.password.min} 位`}
        />
        <InputField
          label="再输一次"
          type="password"
          className="input-password-again"
          value={again}
          onChange={setAgain}
          maxLength={L.password.max}
          placeholder="和上面一样"
        />
        <Btn type="primary" block className="btn-accept" loading={busy} onClick={() => void submit()}>
          设置并登录
        </Btn>
      </Card>
    </Screen>
  )
}
