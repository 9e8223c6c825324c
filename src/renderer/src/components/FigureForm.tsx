// Renderer: the figure form — value, unit, qualifier, metric, period, place, who said it — prefilled from
// detection and editable. Enter saves; Escape cancels, wherever focus is in the reader (not in a dialog, nor
// in another field being typed in), and focus goes back to where it was when the form opened.
import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { figureSchema, tagNameSchema } from '../../../shared/schemas'
import type { Figure, Tag } from '../../../shared/types'
import { clearDraft, writeDraft } from '../reader/drafts'
import DateInput from './DateInput'

export type FigureDraft = {
  start: number
  end: number
  quote: string
  figure: Partial<Figure>
  note: string
  editingId?: string
  /** What was typed into the form before a reload, kept as a draft (drafts.ts). */
  fields?: Partial<Fields>
  /** When it was last typed in (ISO): of two tabs' drafts, the newer is the one taken over. */
  at?: string
}

type Props = {
  draft: FigureDraft
  knownTags: Tag[]
  onSave: (figure: Figure, note: string) => void
  onCancel: () => void
  /** Where the form's typing is kept as it is typed, and how the reader learns the form holds edits. */
  draftKey?: string
  onDirty?: (dirty: boolean) => void
  /**
   * Saving leaves the draft in place for the caller to drop once the figure is on disk: a figure saved while the
   * server cannot be reached is not lost by a reload (the form comes back with what was typed).
   */
  keepDraftOnSave?: boolean
}

type Fields = Record<
  | 'value'
  | 'max'
  | 'unit'
  | 'qualifier'
  | 'metric'
  | 'periodStart'
  | 'periodEnd'
  | 'place'
  | 'attributedTo'
  | 'note',
  string
>

const QUALIFIERS = [
  'more than',
  'over',
  'nearly',
  'almost',
  'about',
  'around',
  'roughly',
  'approximately',
  'up to',
  'at least',
  'at most',
  'no more than',
  'less than',
  'fewer than',
  'some',
  'an estimated',
]

function toFields(d: FigureDraft): Fields {
  const f = d.figure
  const s = (v: string | number | undefined) => (v === undefined ? '' : String(v))
  return {
    value: s(f.value),
    max: s(f.max),
    unit: s(f.unit),
    qualifier: s(f.qualifier),
    metric: s(f.metric),
    periodStart: s(f.periodStart?.slice(0, 10)),
    periodEnd: s(f.periodEnd?.slice(0, 10)),
    place: s(f.place),
    attributedTo: s(f.attributedTo),
    note: d.note,
    ...d.fields,
  }
}

export function parseFields(fields: Fields): { figure?: Figure; problem?: string } {
  const num = (v: string) => (v.trim() === '' ? undefined : Number(v.replace(/[,\s]/g, '')))
  const text = (v: string) => v.trim() || undefined
  if (fields.metric.trim() && !tagNameSchema.safeParse(fields.metric.trim()).success) {
    return { problem: 'Metric must be a tag such as strikes/launched (no # or commas).' }
  }
  const candidate = {
    value: num(fields.value),
    max: num(fields.max),
    unit: text(fields.unit),
    qualifier: text(fields.qualifier),
    metric: text(fields.metric),
    periodStart: text(fields.periodStart),
    periodEnd: text(fields.periodEnd) ?? text(fields.periodStart),
    place: text(fields.place),
    attributedTo: text(fields.attributedTo),
  }
  if (candidate.value === undefined || Number.isNaN(candidate.value))
    return { problem: 'Value must be a number, e.g. 500 or 4.2.' }
  for (const [label, date] of [
    ['From', candidate.periodStart],
    ['To', candidate.periodEnd],
  ] as const) {
    if (date && !/^\d{4}-\d{2}-\d{2}/.test(date))
      return { problem: `${label} must be a date such as 10 Jan 2024 or 2024-01-10, not “${date}”.` }
  }
  if (candidate.periodStart && candidate.periodEnd && candidate.periodEnd < candidate.periodStart) {
    return { problem: 'The period ends before it starts.' }
  }
  const parsed = figureSchema.safeParse(
    Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined)),
  )
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { problem: `${issue.path.join('.') || 'Figure'}: ${issue.message}` }
  }
  return { figure: parsed.data }
}

export default function FigureForm(props: Props) {
  const { draft, knownTags, onSave, onCancel, draftKey, onDirty, keepDraftOnSave } = props
  const [fields, setFields] = useState<Fields>(() => toFields(draft))
  const [problem, setProblem] = useState<string | null>(null)
  const ids = useId()
  const set = (key: keyof Fields) => (e: { target: { value: string } }) => {
    const next = { ...fields, [key]: e.target.value }
    setFields(next)
    const at = new Date().toISOString()
    if (draftKey) writeDraft(draftKey, { ...draft, fields: next, at } satisfies FigureDraft)
    onDirty?.(true)
  }
  // Closing the form one way or another ends its draft; an unmount by a reload keeps it to come back.
  const close = () => {
    if (draftKey) clearDraft(draftKey)
    onDirty?.(false)
  }
  useEffect(() => () => onDirty?.(false), [onDirty])
  const cancel = () => {
    close()
    onCancel()
  }
  const formRef = useRef<HTMLFormElement>(null)
  const latestCancel = useRef(cancel)
  latestCancel.current = cancel
  // Read while rendering, before the Value field's autofocus moves focus into the form.
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  )
  useEffect(() => {
    const form = formRef.current
    // Capture: the form's Escape is seen before the reader's own (which would only unfocus a highlight).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return
      const target = e.target instanceof HTMLElement ? e.target : null
      const inForm = !!target && !!form?.contains(target)
      if (target?.closest('dialog') || (!inForm && target && isField(target))) return
      e.preventDefault()
      latestCancel.current()
    }
    window.addEventListener('keydown', onKey, true)
    return () => {
      window.removeEventListener('keydown', onKey, true)
      const active = document.activeElement
      const lost = !active || active === document.body || !!form?.contains(active)
      if (lost && opener?.isConnected && opener !== document.body) opener.focus()
    }
  }, [opener])

  const submit = (e?: FormEvent) => {
    e?.preventDefault()
    const { figure, problem: why } = parseFields(fields)
    if (!figure) return setProblem(why ?? 'Check the fields.')
    if (keepDraftOnSave && draftKey) {
      writeDraft(draftKey, { ...draft, fields } satisfies FigureDraft)
      onDirty?.(false)
    } else close()
    onSave(figure, fields.note)
  }

  const field = (key: keyof Fields, label: string, props: Record<string, unknown> = {}) => (
    <label className={`figure-field-input field-${key}`}>
      <span>{label}</span>
      <input value={fields[key]} onChange={set(key)} {...props} />
    </label>
  )

  const dateField = (key: 'periodStart' | 'periodEnd', label: string) => (
    <label className={`figure-field-input field-${key}`}>
      <span>{label}</span>
      <DateInput value={fields[key]} onChange={(value) => set(key)({ target: { value } })} />
    </label>
  )

  return (
    <form
      ref={formRef}
      className="figure-form"
      aria-label="Figure"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'TEXTAREA' && (e.ctrlKey || e.metaKey))
          submit()
      }}
    >
      <h3>{draft.editingId ? 'Edit figure' : 'New figure'}</h3>
      <blockquote className="card-quote">{draft.quote}</blockquote>
      <div className="figure-grid">
        {field('qualifier', 'Qualifier', { list: `${ids}-q`, placeholder: 'more than' })}
        {field('value', 'Value', { inputMode: 'decimal', autoFocus: true, required: true })}
        {field('max', 'Max', { inputMode: 'decimal', placeholder: 'for ranges' })}
        {field('unit', 'Unit', { placeholder: '%, USD, drones…' })}
        {field('metric', 'Metric', { list: `${ids}-m`, placeholder: 'strikes/launched' })}
        {dateField('periodStart', 'From')}
        {dateField('periodEnd', 'To')}
        {field('place', 'Place')}
        {field('attributedTo', 'Said by')}
      </div>
      <datalist id={`${ids}-q`}>
        {QUALIFIERS.map((q) => (
          <option key={q} value={q} />
        ))}
      </datalist>
      <datalist id={`${ids}-m`}>
        {knownTags.map((t) => (
          <option key={t.name} value={t.name} />
        ))}
      </datalist>
      <label className="figure-field-input field-note">
        <span>Note</span>
        <textarea rows={2} value={fields.note} onChange={set('note')} placeholder="Markdown" />
      </label>
      {problem && (
        <div className="field-error" role="alert">
          {problem}
        </div>
      )}
      <div className="card-actions">
        <button type="button" onClick={cancel}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save figure
        </button>
      </div>
    </form>
  )
}

function isField(el: HTMLElement): boolean {
  return (
    el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable
  )
}
