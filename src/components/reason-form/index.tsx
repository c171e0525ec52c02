// Ask for a reason (不受理, 退单, 还没解决, 撤销): quick templates, free text, then submit.
import { View } from '@tarojs/components'
import { useState } from 'react'
import Btn from '../btn'
import { Field, TextArea } from '../field'
import './index.scss'
import { ORDER_LIMITS, type Span } from '@shared/limits'
import Tap from '@/components/tap'

export interface ReasonFormProps {
  title: string
  placeholder?: string
  templates?: string[]
  /** Length after trimming (a minimum of 0 = optional); the schema's own limits from types/limits.ts. */
  span?: Span
  submitText: string
  submitClassName?: string
  busy?: boolean
  onSubmit: (reason: string) => void
  onCancel: () => void
}

export default function ReasonForm({
  title,
  placeholder,
  templates = [],
  span = ORDER_LIMITS.reason,
  submitText,
  submitClassName,
  busy,
  onSubmit,
  onCancel,
}: ReasonFormProps) {
  const [text, setText] = useState('')
  const trimmed = text.trim()
  const { min, max } = span
  const tooShort = trimmed.length < min
  return (
    <View className="reason-form">
      <Field label={title} hint={min > 0 ? `至少 ${min} 个字` : '可以不填'}>
        {templates.length > 0 && (
          <View className="reason-form__templates">
            {templates.map((t) => (
              <Tap key={t} className="reason-form__template" onTap={() => setText(t)}>
                {t}
              </Tap>
            ))}
          </View>
        )}
        <TextArea value={text} onChange={setText} placeholder={placeholder ?? '请写明原因'} maxLength={max} className="reason-input" />
      </Field>
      <View className="reason-form__buttons">
        <Btn onClick={onCancel}>不了</Btn>
        <Btn type="primary" className={submitClassName} disabled={tooShort} loading={busy} onClick={() => onSubmit(trimmed)}>
          {submitText}
        </Btn>
      </View>
    </View>
  )
}
