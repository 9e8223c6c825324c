// Renderer: the library's filters; every one combines with the others.
import { useCallback, useId } from 'react'
import type { Collection, Tag } from '../../../shared/types'
import { api } from '../api'
import { useApiValue } from '../hooks/useApiValue'
import ColorSwatches from '../components/ColorSwatches'
import Popover from '../components/Popover'
import type { LibraryFilter } from './library-filter'
import { tagQuery } from './library-filter'

type Props = {
  filter: LibraryFilter
  tags: Tag[]
  collections: Collection[]
  onChange: (patch: Partial<LibraryFilter>) => void
  /** Escape closes the panel; focus goes back to the Filters button. */
  onClose: () => void
}

export default function FilterPanel({ filter, tags, collections, onChange, onClose }: Props) {
  // Worked out only while the panel is open, so the library's first render does not pay for it.
  // Asked for only while the panel is open: the main process holds the catalog (every source, A to Z).
  const { value } = useApiValue(useCallback(() => api['articles.sources']({}), []))
  const sources = value ?? []
  // Team members who annotated here: the person filter shows once anyone is named.
  const people = useApiValue(useCallback(() => api['articles.creators']({}), [])).value ?? []
  const id = useId()
  return (
    <Popover className="filter-panel" label="Filters" onDismiss={onClose}>
      <label>
        <span>Tag</span>
        <input
          key={filter.tag ?? ''}
          list={`${id}-tags`}
          aria-label="Filter by tag"
          placeholder="strikes (includes strikes/…)"
          defaultValue={filter.tag ?? ''}
          onKeyDown={(e) => e.key === 'Enter' && onChange({ tag: tagQuery(e.currentTarget.value) })}
          onBlur={(e) => onChange({ tag: tagQuery(e.currentTarget.value) })}
        />
        <datalist id={`${id}-tags`}>
          {tags.map((t) => (
            <option key={t.name} value={t.name} />
          ))}
        </datalist>
      </label>
      <label>
        <span>Source</span>
        <select
          aria-label="Filter by source"
          value={filter.source ?? ''}
          onChange={(e) => onChange({ source: e.target.value || undefined })}
        >
          <option value="">Any source</option>
          {sources.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      {(people.length > 0 || filter.creator) && (
        <label>
          <span>Person</span>
          <select
            aria-label="Filter by person"
            value={filter.creator ?? ''}
            onChange={(e) => onChange({ creator: e.target.value || undefined })}
          >
            <option value="">Anyone</option>
            {people.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
      )}
      <label>
        <span>Collection</span>
        <select
          aria-label="Filter by collection"
          value={filter.collection ?? ''}
          onChange={(e) => onChange({ collection: e.target.value || undefined })}
        >
          <option value="">Any collection</option>
          {collections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.count})
            </option>
          ))}
        </select>
      </label>
      <div className="filter-dates">
        <label>
          <span>Published from</span>
          <input
            type="date"
            aria-label="Published from"
            value={filter.from ?? ''}
            onChange={(e) => onChange({ from: e.target.value || undefined })}
          />
        </label>
        <label>
          <span>to</span>
          <input
            type="date"
            aria-label="Published to"
            value={filter.to ?? ''}
            onChange={(e) => onChange({ to: e.target.value || undefined })}
          />
        </label>
      </div>
      <div className="filter-checks">
        <label>
          <input
            type="checkbox"
            checked={!!filter.hasFigures}
            onChange={(e) => onChange({ hasFigures: e.target.checked || undefined })}
          />
          Has figures
        </label>
        <label>
          <input
            type="checkbox"
            checked={!!filter.hasNotes}
            onChange={(e) => onChange({ hasNotes: e.target.checked || undefined })}
          />
          Has notes
        </label>
      </div>
      <div className="filter-colors">
        <span>Highlight colour</span>
        <ColorSwatches
          value={filter.color}
          onPick={(color) => onChange({ color: filter.color === color ? undefined : color })}
        />
      </div>
    </Popover>
  )
}
