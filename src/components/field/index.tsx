// Labelled form fields with a character count; large text, full width.
import { Textarea, View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { cls } from '@/utils/cls'
import './index.scss'
import Tap from '@/components/tap'
import { TextInput } from './text-input'
import type { TextInputProps } from './types'

export function Field({
  label,
  hint,
  error,
  className,
  children,
}: PropsWithChildren<{ label: string; hint?: string; error?: string; className?: string }>) {
  return (
    <View className={cls('field', className)}>
      <View className="field__label">{label}</View>
      {children}
      {error ? <View className="field__error">{error}</View> : hint ? <View className="field__hint">{hint}</View> : null}
    </View>
  )
}

export interface TextAreaProps {
  value: string
  onChange: (v: string) => void
  placeholder?: string
  maxLength: number
  className?: string
}

export function TextArea({ value, onChange, placeholder, maxLength, className }: TextAreaProps) {
  return (
    <View className="textarea-wrap">
      <Textarea
        className={cls('textarea', className)}
        value={value}
        placeholder={placeholder}
        maxlength={maxLength}
        onInput={(e) => onChange(e.detail.value)}
      />
      <View className="textarea-count">
        {value.length}/{maxLength}
      </View>
    </View>
  )
}

export type { TextInputProps } from './types'
export { TextInput }

interface FieldText {
  label: string
  hint?: string
  error?: string
}

/**
 * A labelled one-line input (the class names the input, as tests and pages find it). Without a placeholder of
 * its own the label is the placeholder as well as the input's accessible name.
 */
export function InputField({ label, hint, error, placeholder, ...input }: FieldText & TextInputProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      <TextInput ariaLabel={label} placeholder={placeholder ?? label} {...input} />
    </Field>
  )
}

/** A labelled text area with its character count. */
export function AreaField({ label, hint, error, ...area }: FieldText & TextAreaProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      <TextArea {...area} />
    </Field>
  )
}

/** A row of quick choices ("尽快", "明天上午"…); tapping one fills the field. */
export function Chips<T extends string>({
  options,
  value,
  onChange,
  className,
}: {
  options: Array<{ value: T; label: string }>
  value?: T | null
  onChange: (v: T) => void
  className?: string
}) {
  return (
    <View className={cls('chips', className)}>
      {options.map((o) => (
        <Tap
          key={o.value}
          role="radio"
          on={o.value === value}
          className={cls('chip', o.value === value && 'chip--on')}
          onTap={() => onChange(o.value)}
        >
          {o.label}
        </Tap>
      ))}
    </View>
  )
}
