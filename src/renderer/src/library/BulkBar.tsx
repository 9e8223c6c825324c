// Renderer: what to do with the selected articles — tag, add to a collection, delete (with undo).
import { useState } from 'react'
import type { Collection, Tag } from '../../../shared/types'
import { plural } from '../format'
import Popover from '../components/Popover'
import TagInput from '../components/TagInput'
import { useArchiveId, withArchive } from '../hooks/archive-info'
import { clearDraft, newCollectionDraftKey, readDraft, writeDraft } from '../reader/drafts'

type Props = {
  count: number
  tags: Tag[]
  collections: Collection[]
  onTag: (tags: string[]) => void
  onCollect: (collectionId: string | { name: string }) => void
  onDelete: () => void
  onExport: () => void
  onClear: () => void
}

export default function BulkBar({
  count,
  tags,
  collections,
  onTag,
  onCollect,
  onDelete,
  onExport,
  onClear,
}: Props) {
  const [mode, setMode] = useState<'tag' | 'collect' | 'confirm' | null>(null)
  const [newName, setNewName] = useState('')
  // The new collection's name is a draft until the collection is on disk (the App drops it then): closing the
  // picker or reloading keeps it, and the picker opens with it.
  const archive = useArchiveId()
  const draftKey = archive ? newCollectionDraftKey(archive) : null
  const typeName = (text: string) => {
    setNewName(text)
    withArchive(archive, (folder) => {
      const key = newCollectionDraftKey(folder)
      if (text.trim()) writeDraft(key, text)
      else clearDraft(key)
    })
  }
  const openCollect = () => {
    if (mode !== 'collect') setNewName((draftKey && readDraft<string>(draftKey)) || '')
    setMode(mode === 'collect' ? null : 'collect')
  }
  return (
    <div className="bulk-bar" role="region" aria-label="Selected articles">
      <div className="bulk-row">
        <strong>{plural(count, 'article')} selected</strong>
        <button type="button" onClick={onClear} aria-label="Clear selection">
          ×
        </button>
      </div>
      <div className="bulk-row">
        <button type="button" onClick={() => setMode(mode === 'tag' ? null : 'tag')}>
          Tag…
        </button>
        <button type="button" onClick={openCollect}>
          Add to collection…
        </button>
        <button type="button" onClick={onExport}>
          Export…
        </button>
        <button type="button" className="danger" onClick={() => setMode('confirm')}>
          Delete…
        </button>
      </div>
      {mode === 'tag' && (
        <Popover className="bulk-tag" label="Tag selected articles" onDismiss={() => setMode(null)}>
          <TagInput
            value={[]}
            known={tags}
            autoFocus
            label="Tag selected articles"
            onChange={(added) => {
              onTag(added)
              setMode(null)
            }}
          />
        </Popover>
      )}
      {mode === 'collect' && (
        <Popover className="bulk-collect" label="Add to collection" onDismiss={() => setMode(null)}>
          {collections.map((c) => (
            <button key={c.id} type="button" onClick={() => (onCollect(c.id), setMode(null))}>
              {c.name}
            </button>
          ))}
          <form
            onSubmit={(e) => {
              e.preventDefault()
              if (!newName.trim()) return
              onCollect({ name: newName.trim() })
              setMode(null)
            }}
          >
            <input
              aria-label="New collection"
              placeholder="New collection…"
              value={newName}
              onChange={(e) => typeName(e.target.value)}
            />
          </form>
        </Popover>
      )}
      {mode === 'confirm' && (
        <Popover
          className="bulk-confirm"
          role="alertdialog"
          label="Confirm delete"
          onDismiss={() => setMode(null)}
        >
          <span>Delete {plural(count, 'article')} with their highlights and figures? You can undo this.</span>
          <button type="button" className="danger" onClick={() => (onDelete(), setMode(null))}>
            Delete
          </button>
          <button type="button" data-autofocus onClick={() => setMode(null)}>
            Keep
          </button>
        </Popover>
      )}
    </div>
  )
}
