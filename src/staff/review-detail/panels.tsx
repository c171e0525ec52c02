// The forms the review page opens besides 派单: 转办 to a unit, the unit's answer, 街道 sending down, a
// 回访 after a low rating, and confirming for the resident in their own words. Each shows only when the
// order's `actions` (the server's transition table) offer it.
import { View } from '@tarojs/components'
import { useState } from 'react'
import { SEVERITIES, type Severity } from '@shared/enums'
import { SEVERITY_LABELS, UNIT_KIND_LABELS } from '@shared/labels'
import type { OrderDetail } from '@shared/orders'
import type { PointsRules } from '@shared/points'
import type { Span } from '@shared/limits'
import { ORDER_LIMITS as L } from '@shared/limits'
import Btn from '@/components/btn'
import Card from '@/components/card'
import { AreaField, Chips, Field } from '@/components/field'
import Stars from '@/components/stars'
import { LEVEL_LABEL } from '@/constants/labels'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { toast } from '@/services/feedback'
import { ordersApi } from '@/services/orders'
import { clockNow } from '@/utils/time'

type Done = (next: OrderDetail | undefined) => void

/** 一般 / 较大 / 重大, with what the community's rules make of each ("较大 · 社区办理"). */
export function SeverityChips({ rules, value, onChange }: { rules?: PointsRules; value: Severity; onChange: (s: Severity) => void }) {
  const start = rules?.severity[value]
  return (
    <Field
      label="情况轻重"
      hint={
        start
          ? `${SEVERITY_LABELS[value]}：由${LEVEL_LABEL[start.level]}办理${start.clockFactor < 1 ? `，时限按 ${Math.round(start.clockFactor * 100)}% 计` : ''}`
          : undefined
      }
    >
      <Chips
        className="severity-chips"
        options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))}
        value={value}
        onChange={onChange}
      />
    </Field>
  )
}

const HOUR = 3600_000
/** Deadlines offered for a referral; none picked: the severity's default from the rules. */
const DEADLINES = [
  { value: '24', label: '一天内' },
  { value: '72', label: '三天内' },
  { value: '168', label: '一周内' },
]

/** 转办: to a unit of the community's directory, with a deadline, a note, and (from 待审核) how serious it is. */
export function ReferForm({
  order,
  rules,
  onCancel,
  onDone,
}: {
  order: OrderDetail
  rules?: PointsRules
  onCancel: () => void
  onDone: Done
}) {
  const units = useRemote(() => ordersApi.units(), [], { refreshOnShow: false })
  const [unitId, setUnitId] = useState('')
  const [severity, setSeverity] = useState<Severity>(order.severity)
  const [hours, setHours] = useState('')
  const [note, setNote] = useState('')
  const fromReview = order.status === 'submitted'
  const byRules = rules?.severity[severity].referralHours
  const act = useAction((rid: string) =>
    ordersApi.refer(
      {
        orderId: order.id,
        unitId,
        ...(hours ? { deadline: new Date(clockNow() + Number(hours) * HOUR).toISOString() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(fromReview ? { severity } : {}),
      },
      rid,
    ),
  )
  const unit = units.data?.find((u) => u.id === unitId)
  const send = () => {
    if (!unit) return toast('请选择转给哪个单位')
    void act.exec({ ask: `确认转办给${unit.name}？`, confirmText: '转办', done: '已转办' }).then(onDone)
  }
  return (
    <Card title="转办给部门、物业或共建单位" className="refer-form">
      <Field label="转给谁" hint={unit?.contact ? `联系人：${unit.contact}${unit.phone ? ` ${unit.phone}` : ''}` : undefined}>
        <View className="unit-options">
          {(units.data ?? []).map((u) => (
            <View
              key={u.id}
              className={`member-option unit-option${u.id === unitId ? ' member-option--on' : ''}`}
              onClick={() => setUnitId(u.id)}
            >
              <View className="member-option__name">{u.name}</View>
              <View className="member-option__why">{UNIT_KIND_LABELS[u.kind]}</View>
            </View>
          ))}
          {units.data?.length === 0 && <View className="member-option__why">社区名录里还没有单位，请先让社区工作者添加。</View>}
        </View>
      </Field>
      {fromReview && <SeverityChips rules={rules} value={severity} onChange={setSeverity} />}
      <Field label="办理时限" hint={hours ? undefined : byRules ? `不选则按规则 ${byRules} 小时内答复` : undefined}>
        <Chips className="deadline-chips" options={DEADLINES} value={hours} onChange={(v) => setHours(v === hours ? '' : v)} />
      </Field>
      <AreaField
        label="交代几句（可以不写）"
        className="input-refer-note"
        value={note}
        onChange={setNote}
        placeholder="例：3号楼2单元楼道水管漏水，请尽快上门"
        maxLength={L.referralNote.max}
      />
      <View className="panel-buttons">
        <Btn onClick={onCancel}>不了</Btn>
        <Btn type="primary" className="btn-refer-submit" loading={act.busy} disabled={!unit} onClick={send}>
          转办
        </Btn>
      </View>
    </Card>
  )
}

/** One text, one button: the unit's answer, 街道's instruction, what a 回访 found. */
export function TextForm({
  title,
  label,
  placeholder,
  span,
  submit,
  className,
  ask,
  done,
  run,
  onDone,
}: {
  title: string
  label: string
  placeholder: string
  span: Span
  submit: string
  className: string
  ask: string
  done: string
  run: (text: string, requestId: string) => Promise<OrderDetail>
  onDone: Done
}) {
  const [text, setText] = useState('')
  const act = useAction((rid: string) => run(text.trim(), rid))
  const short = text.trim().length < span.min
  return (
    <Card title={title} className={className}>
      <AreaField
        label={label}
        className={`${className}__input`}
        value={text}
        onChange={setText}
        placeholder={placeholder}
        maxLength={span.max}
      />
      <Btn
        block
        type="primary"
        className={`${className}__submit`}
        loading={act.busy}
        disabled={short}
        onClick={() => void act.exec({ ask, confirmText: submit, done }).then(onDone)}
      >
        {submit}
      </Btn>
    </Card>
  )
}

/** 代为确认: staff for a resident who cannot use the app — the stars and the resident's own words. */
export function ConfirmForResident({ order, onDone }: { order: OrderDetail; onDone: Done }) {
  const [rating, setRating] = useState(0)
  const [words, setWords] = useState('')
  const act = useAction((rid: string) => ordersApi.confirmFor(order.id, rating, words.trim(), rid))
  const ready = rating > 0 && words.trim().length >= L.residentWords.min
  return (
    <Card title={`替${order.resident.name}确认`} className="confirm-for">
      <View className="confirm-for__hint">居民不方便在手机上确认时，问问居民满不满意，把居民的原话记下来。</View>
      <Stars value={rating} onChange={setRating} />
      <AreaField
        label="居民的原话"
        className="input-resident-words"
        value={words}
        onChange={setWords}
        placeholder="例：水龙头修好了，小郑很细心"
        maxLength={L.residentWords.max}
      />
      <Btn
        block
        type="primary"
        className="btn-confirm-for"
        disabled={!ready}
        loading={act.busy}
        onClick={() => void act.exec({ ask: `按居民的意思确认，评 ${rating} 星？`, confirmText: '确认', done: '已确认' }).then(onDone)}
      >
        代居民确认
      </Btn>
    </Card>
  )
}
