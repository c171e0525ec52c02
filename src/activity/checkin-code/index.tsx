// 签到码 (staff, on site): a full-screen QR of the check-in token, fetched anew every ~25 s with a
// countdown to when it changes (a photo of it sent to a group is soon useless). Keeps the screen on.
import Taro, { useDidHide, useDidShow, useRouter, useUnload } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { CheckinCode } from '@shared/activities'
import Btn from '@/components/btn'
import Qr from '@/components/qr'
import Screen from '@/components/screen'
import { useRemote } from '@/hooks/useRemote'
import { platform } from '@/platform'
import { activitiesApi } from '@/services/activities'
import { toast } from '@/services/feedback'
import { type ApiError, toApiError } from '@/services/transport'
import { useSession } from '@/store/session'
import { clockNow, formatSpan } from '@/utils/time'
import './index.scss'

/** Ask for a fresh token this often (it rotates every 30 s; the previous one is still accepted). */
const REFRESH_MS = 25_000

export default function CheckinCodePage() {
  const id = useRouter().params.id ?? ''
  const { elder } = useSession()
  const activity = useRemote(() => activitiesApi.get(id), [id], { skip: !id })
  const [code, setCode] = useState<CheckinCode | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [fetchedAt, setFetchedAt] = useState(0)
  const [now, setNow] = useState(() => clockNow())
  const visible = useRef(true)
  const busy = useRef(false)

  const fetchCode = useCallback(async () => {
    if (!id || busy.current) return
    busy.current = true
    try {
      const next = await activitiesApi.checkinCode(id)
      setCode(next)
      setError(null)
      setFetchedAt(clockNow())
    } catch (e) {
      setError(toApiError(e))
      setCode(null)
    } finally {
      busy.current = false
    }
  }, [id])

  // one tick a second: the countdown, and a new token when it is due
  useEffect(() => {
    void fetchCode()
    const timer = setInterval(() => {
      if (!visible.current) return
      setNow(clockNow())
    }, 1000)
    return () => clearInterval(timer)
  }, [fetchCode])

  const expiresMs = code ? Date.parse(code.expiresAt) : 0
  const period = (code?.periodSeconds ?? 30) * 1000
  // trust expiresAt unless our clock and the server's disagree by more than a period
  const sane = code !== null && expiresMs - fetchedAt > 0 && expiresMs - fetchedAt <= period + 1000
  const nextFetchAt =
    code === null ? Number.POSITIVE_INFINITY : sane ? Math.min(fetchedAt + REFRESH_MS, expiresMs + 300) : fetchedAt + REFRESH_MS
  const left = code === null ? 0 : Math.max(0, (sane ? expiresMs : nextFetchAt) - now)
  const due = now >= nextFetchAt

  useEffect(() => {
    if (due) void fetchCode()
  }, [due, fetchCode])

  useDidShow(() => {
    visible.current = true
    platform.keepScreenOn(true)
    void fetchCode()
  })
  useDidHide(() => {
    visible.current = false
    platform.keepScreenOn(false)
  })
  useUnload(() => platform.keepScreenOn(false))

  const a = activity.data
  const checked = a?.roster?.filter((r) => r.checkedIn).length
  const size = elder ? 320 : 300

  const copy = () => {
    if (!code) return
    void Taro.setClipboardData({ data: code.token })
      .then(() => toast('已复制签到码'))
      .catch(() => undefined)
  }

  return (
    <Screen className="checkin-code">
      <View className="checkin-code__title">{a?.title ?? '活动签到'}</View>
      {a && (
        <View className="checkin-code__when">
          {formatSpan(a.startAt, a.endAt)} · {a.place.name}
        </View>
      )}

      {code && (
        <>
          <View className="checkin-code__qr checkin-qr" data-token={code.token}>
            <Qr text={code.token} size={size} />
          </View>
          <View className="checkin-code__countdown checkin-countdown">{Math.ceil(left / 1000)} 秒后换新码</View>
          <View className="checkin-code__hint">请党员打开「红网邻里」→ 活动详情 → 扫码签到。二维码会自动更换，截图无效。</View>
          {checked !== undefined && (
            <View className="checkin-code__counts">
              已签到 {checked} / {a?.signedCount ?? 0} 人
              <Btn size="small" className="btn-refresh-roster" onClick={() => void activity.reload()}>
                刷新
              </Btn>
            </View>
          )}
          {/* where members cannot scan, they paste the token */}
          {!platform.canScan && (
            <View className="checkin-code__token">
              <View>网页版签到码（党员可复制后粘贴签到）：</View>
              <Text className="checkin-token" userSelect>
                {code.token}
              </Text>
              <View>
                <Btn size="small" className="btn-copy-token" onClick={copy}>
                  复制签到码
                </Btn>
              </View>
            </View>
          )}
        </>
      )}

      {!code && !error && <View className="checkin-code__countdown">正在生成签到码…</View>}
      {error && (
        <View className="checkin-code__error checkin-error">
          <View>{error.message}</View>
          <Btn type="primary" className="btn-retry" onClick={() => void fetchCode()}>
            重试
          </Btn>
        </View>
      )}
    </Screen>
  )
}
