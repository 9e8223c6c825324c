// Renderer: a date typed and shown the way the app writes dates ("10 Jan 2024"), stored as an ISO day.
// The browser's own date input shows the machine's locale (mm/dd/yyyy); this one reads "10 Jan 2024",
// "10 January 2024", "Jan 10, 2024" or "2024-01-10".
import { useEffect, useRef, useState } from 'react'
import type { InputHTMLAttributes } from 'react'
import { formatDate, parseDate } from '../format'

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  /** An ISO day, '' for none, or text that is not a date yet (kept so a draft keeps what was typed). */
  value: string
  /** The ISO day when the text is one, '' when it is empty, the text itself otherwise. */
  onChange: (value: string) => void
}

const shown = (value: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value)

export default function DateInput({ value, onChange, onBlur, ...rest }: Props) {
  const [text, setText] = useState(() => shown(value))
  // What this input last reported: a value from anywhere else (a prefill, a reset) replaces the text.
  const reported = useRef(value)
  useEffect(() => {
    if (value !== reported.current) {
      reported.current = value
      setText(shown(value))
    }
  }, [value])
  const invalid = text.trim() !== '' && !parseDate(text)
  return (
    <input
      type="text"
      inputMode="text"
      autoComplete="off"
      placeholder="e.g. 10 Jan 2024"
      {...rest}
      value={text}
      aria-invalid={invalid || undefined}
      title={invalid ? 'Type a date such as 10 Jan 2024 or 2024-01-10' : undefined}
      onChange={(e) => {
        const typed = e.target.value
        const next = typed.trim() === '' ? '' : (parseDate(typed) ?? typed)
        setText(typed)
        reported.current = next
        onChange(next)
      }}
      onBlur={(e) => {
        // A date typed any way it is read reads back as the app writes it.
        if (parseDate(text)) setText(shown(parseDate(text)!))
        onBlur?.(e)
      }}
    />
  )
}
