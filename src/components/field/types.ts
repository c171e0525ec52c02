export interface TextInputProps {
  value: string
  onChange: (v: string) => void
  placeholder?: string
  maxLength: number
  /** `password`: the characters are hidden. */
  type?: 'text' | 'number' | 'password'
  className?: string
  /** The input's name to a screen reader (InputField gives its label). */
  ariaLabel?: string
}
