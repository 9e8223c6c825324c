// Renderer: tags as removable chips, with autocomplete from the archive's tags (hierarchy by "/").
import { useId, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { tagNameProblem } from '../../../shared/vocabulary'
import type { Tag } from '../../../shared/types'

type Props = {
  value: string[]
  known: Tag[]
  onChange: (tags: string[]) => void
  autoFocus?: boolean
  label?: string
}

export default function TagInput({ value, known, onChange, autoFocus, label = 'Add tag' }: Props) {
  const [draft, setDraft] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const listId = useId()

  const add = () => {
    const name = draft.trim()
    if (!name) return
    const problem = tagNameProblem(name)
    if (problem) {
      setProblem(`Tag ${problem}`)
      return
    }
    if (!value.includes(name)) onChange([...value, name])
    setDraft('')
    setProblem(null)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault()
      add()
    } else if (e.key === 'Backspace' && draft === '' && value.length) {
      onChange(value.slice(0, -1))
    }
  }

  return (
    <div className="tag-input">
      {value.map((tag) => (
        <span key={tag} className="chip" data-color={known.find((k) => k.name === tag)?.color}>
          {tag}
          <button
            type="button"
            aria-label={`Remove tag ${tag}`}
            onClick={() => onChange(value.filter((t) => t !== tag))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        aria-label={label}
        placeholder={
          value.length
            ? ''
            : label === 'Add article tag'
              ? '+ tag this article'
              : 'tag, e.g. strikes/launched'
        }
        list={listId}
        value={draft}
        autoFocus={autoFocus}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={add}
      />
      <datalist id={listId}>
        {known
          .filter((t) => !value.includes(t.name))
          .map((t) => (
            <option key={t.name} value={t.name}>{`${t.count}`}</option>
          ))}
      </datalist>
      {problem && <div className="field-error">{problem}</div>}
    </div>
  )
}
