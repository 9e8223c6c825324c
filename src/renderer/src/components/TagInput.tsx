// Renderer: tags as removable chips, with autocomplete from the archive's tags (hierarchy by "/").
import { useEffect, useId, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { tagNameProblem } from '../../../shared/vocabulary'
import { asTagDraft, clearDraft, readDraft, tagDraft, writeDraft } from '../reader/drafts'
import type { Tag } from '../../../shared/types'

type Props = {
  value: string[]
  known: Tag[]
  onChange: (tags: string[]) => void
  autoFocus?: boolean
  label?: string
  /** Where the typed, not yet added tag is kept, so a reload gives it back. */
  draftKey?: string
  onDraft?: (key: string, dirty: boolean) => void
}

export default function TagInput(props: Props) {
  const { value, known, onChange, autoFocus, label = 'Add tag', draftKey, onDraft } = props
  const [draft, setDraftState] = useState(() =>
    draftKey ? (asTagDraft(readDraft<unknown>(draftKey))?.text ?? '') : '',
  )
  const setDraft = (text: string) => {
    setDraftState(text)
    if (!draftKey) return
    // With when it was typed: of two tabs' drafts of one field, the newer is the one taken over.
    if (text) writeDraft(draftKey, tagDraft(text))
    else clearDraft(draftKey)
    onDraft?.(draftKey, text !== '')
  }
  // The key comes once drafts a closed tab left are moved to this tab (DraftSink.ready): the field, open since the
  // article opened, reads what is kept under it then, unless something is typed already.
  const [keyRead, setKeyRead] = useState(draftKey)
  if (draftKey !== keyRead) {
    setKeyRead(draftKey)
    if (draftKey && !draft) setDraftState(asTagDraft(readDraft<unknown>(draftKey))?.text ?? '')
  }
  const [problem, setProblem] = useState<string | null>(null)
  const listId = useId()
  // The kept draft outlives the field; the reader's status only follows fields on screen.
  useEffect(
    () => () => {
      if (draftKey) onDraft?.(draftKey, false)
    },
    [draftKey, onDraft],
  )

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
