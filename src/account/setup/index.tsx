// 创建社区: the one-time link a new server prints (?token=). The first admin names the community and
// themself, chooses a password, and lands in the workbench's 社区设置 to import the rest.
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { ACCOUNT_LIMITS as L } from '@shared/limits'
import Btn from '@/components/btn'
import Card from '@/components/card'
import { InputField } from '@/components/field'
import Screen from '@/components/screen'
import { ROUTES } from '@/constants/routes'
import { useSignIn } from '@/hooks/useSignIn'
import { setupCommunity } from '@/services/auth'
import { toast } from '@/services/feedback'
import '@/styles/blocks.scss'

export default function Setup() {
  const token = useRouter().params.token ?? ''
  const [form, setForm] = useState({ communityName: '', name: '', phone: '', password: '' })
  const { busy, submit: signIn } = useSignIn({ url: ROUTES.rosterSetup, tab: false, greeting: () => '社区已创建' })
  const set = (key: keyof typeof form) => (v: string) => setForm({ ...form, [key]: v })
  const submit = async () => {
    if (form.communityName.trim().length < L.communityName.min) return toast('请填写社区名称')
    if (form.name.trim().length < L.name.min) return toast('请填写您的姓名')
    if (!/^1[3-9]\d{9}$/.test(form.phone)) return toast('请填写 11 位手机号')
    if (form.password.length < L.password.min) return toast(`密码至少 ${L.password.min} 位`)
    await signIn(() => setupCommunity({ token, ...form, communityName: form.communityName.trim(), name: form.name.trim() }))
  }
  return (
    <Screen className="wb setup">
      <Card title="创建社区">
        <View className="wb-hint">您是这个社区的第一位管理员。创建后，请在「社区设置」导入网格、楼栋、居民、党员和工作人员。</View>
        <InputField
          label="社区名称"
          className="input-community"
          value={form.communityName}
          onChange={set('communityName')}
          maxLength={L.communityName.max}
          placeholder="如 红星社区"
        />
        <InputField
          label="您的姓名"
          className="input-name"
          value={form.name}
          onChange={set('name')}
          maxLength={L.name.max}
          placeholder="真实姓名"
        />
        <InputField
          label="手机号（登录账号）"
          className="input-phone"
          type="number"
          value={form.phone}
          onChange={set('phone')}
          maxLength={11}
          placeholder="11 位手机号"
        />
        <InputField
          label="登录密码"
          className="input-password"
          type="password"
          value={form.password}
          onChange={set('password')}
          maxLength={L.password.max}
          placeholder={`至少 ${L.password.min} 位`}
        />
        <Btn type="primary" block className="btn-setup" loading={busy} onClick={() => void submit()}>
          创建社区
        </Btn>
      </Card>
    </Screen>
  )
}
