// 核销 (staff): type the 8-digit pickup code (or scan the member's QR in WeChat), see who and what,
// then 确认核销 and hand the good over.
import { View } from '@tarojs/components'
import { useState } from 'react'
import type { PickupView } from '@shared/mall'
import Btn from '@/components/btn'
import Card, { InfoRow } from '@/components/card'
import { InputField } from '@/components/field'
import Screen from '@/components/screen'
import { useAction } from '@/hooks/useAction'
import { platform } from '@/platform'
import { toast } from '@/services/feedback'
import { mallApi } from '@/services/mall'
import { type ApiError, toApiError } from '@/services/transport'
import { formatDateTime, formatTime } from '@/utils/time'
import './index.scss'

/** Digits only, at most 8 ("1234 5678", pasted with spaces, still works). */
const digits = (text: string) => text.replace(/\D/g, '').slice(0, 8)

export default function Verify() {
  const [code, setCode] = useState('')
  const [found, setFound] = useState<PickupView | null>(null)
  const [done, setDone] = useState<PickupView | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [looking, setLooking] = useState(false)
  const verify = useAction((rid: string, c: string) => mallApi.verify(c, rid))

  const lookup = async (raw: string) => {
    const c = digits(raw)
    setCode(c)
    setFound(null)
    setDone(null)
    setError(null)
    if (c.length !== 8) {
      toast('这不是核销码，核销码是 8 位数字')
      return
    }
    setLooking(true)
    try {
      setFound(await mallApi.lookup(c))
    } catch (e) {
      setError(toApiError(e))
    } finally {
      setLooking(false)
    }
  }

  const scan = async () => {
    const text = await platform.scanQr()
    if (text !== null) void lookup(text)
  }

  const confirmPickup = () => {
    if (!found) return
    void verify
      .exec({ ask: `确认核销？请把「${found.goodsName}」交给 ${found.member.name}。`, confirmText: '确认核销', done: '已核销' }, found.code)
      .then((r) => {
        if (r) {
          setDone(r)
          setFound(null)
          setCode('')
        }
      })
  }

  const again = () => {
    setDone(null)
    setFound(null)
    setError(null)
    setCode('')
  }

  return (
    <Screen className="verify">
      {done && (
        <View className="verify__done verify-done">
          <View className="verify__done-title">✓ 已核销</View>
          <View>
            请把「{done.goodsName}」交给 {done.member.name}
          </View>
        </View>
      )}

      {!found && !done && (
        <Card>
          <InputField
            label="核销码"
            hint="请党员出示「我的兑换」里的 8 位核销码"
            className="input-verify-code verify__input"
            type="number"
            value={code}
            onChange={(v) => setCode(digits(v))}
            placeholder="8 位数字"
            maxLength={9}
          />
          <View className="verify__buttons">
            <Btn
              block
              type="primary"
              size="large"
              className="btn-verify-lookup"
              loading={looking}
              disabled={code.length !== 8}
              onClick={() => void lookup(code)}
            >
              查询
            </Btn>
            {platform.canScan && (
              <Btn block size="large" className="btn-verify-scan" onClick={() => void scan()}>
                扫码
              </Btn>
            )}
          </View>
        </Card>
      )}

      {error && <View className="verify__error verify-error">{error.message}</View>}

      {found && (
        <Card title="请核对" className="verify__found verify-found">
          <View className="verify__who">{found.member.name}</View>
          <View className="verify__goods">兑换：{found.goodsName}</View>
          <InfoRow label="积分" value={`${found.price} 分`} />
          <InfoRow label="兑换时间" value={formatTime(found.createdAt)} />
          <InfoRow label="领取期限" value={`${formatDateTime(found.expiresAt)} 前`} />
          <InfoRow label="核销码" value={found.code.replace(/^(\d{4})(\d{4})$/, '$1 $2')} />
          {verify.error && <View className="verify__error verify-error">{verify.error.message}</View>}
          <Btn block type="primary" size="large" className="btn-verify-confirm" loading={verify.busy} onClick={confirmPickup}>
            确认核销
          </Btn>
          <Btn block className="btn-verify-cancel" onClick={again}>
            不是这个，重新输入
          </Btn>
        </Card>
      )}

      {done && (
        <Btn block type="primary" size="large" className="btn-verify-next" onClick={again}>
          核销下一个
        </Btn>
      )}
    </Screen>
  )
}
