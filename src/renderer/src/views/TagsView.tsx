// Renderer: the Tags manager — the hierarchy with counts; rename, merge, move, recolour, delete. Every
// change is applied by main across all articles and annotations.
import { useEffect, useState } from 'react'
import { tagAncestry } from '../../../shared/tags'
import type { Tag } from '../../../shared/types'
import { api } from '../api'
import ColorSwatches from '../components/ColorSwatches'
import Popover from '../components/Popover'
import type { ToastMessage } from '../components/Toast'
import { plural } from '../format'
import { useArchiveId, withArchive } from '../hooks/archive-info'
import { clearDraft, draftsUnder, readDraft, tagRenameDraftKey, writeDraft } from '../reader/drafts'

type Props = {
  tags: Tag[]
  onChanged: () => void
  onFilter: (tag: string) => void
  /** Says what a rename or merge did, with Undo (as deleting articles does in the library). */
  onToast: (message: ToastMessage) => void
}

type Confirm = { kind: 'merge'; from: string; to: string; items: number } | { kind: 'delete'; from: string }

function depth(name: string): number {
  return name.split('/').length - 1
}

/** Every tag with the parents its name implies (`strikes` for `strikes/launched`), counting descendants. */
export function tagTree(tags: Tag[]): (Tag & { total: number })[] {
  const rows = new Map<string, Tag & { total: number }>()
  for (const t of tags) {
    for (const name of tagAncestry(t.name)) {
      const row = rows.get(name) ?? { name, count: 0, total: 0 }
      row.total += t.count
      if (name === t.name) Object.assign(row, { count: t.count, ...(t.color ? { color: t.color } : {}) })
      rows.set(name, row)
    }
  }
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name))
}

export default function TagsView({ tags, onChanged, onFilter, onToast }: Props) {
  const [editing, setEditing] = useState<string | null>(null)
  const [draft, setDraft] = useState('')
  const [confirm, setConfirm] = useState<Confirm | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const tree = tagTree(tags)
  // A new name being typed is a draft until the rename is on disk: leaving the view or reloading keeps it,
  // and the view opens it again; Escape gives it up.
  const archive = useArchiveId()
  const keyOf = (from: string) => (archive ? tagRenameDraftKey(archive, from) : null)
  const type = (from: string, text: string) => {
    setDraft(text)
    withArchive(archive, (folder) => {
      const key = tagRenameDraftKey(folder, from)
      if (text.trim() && text !== from) writeDraft(key, text)
      else clearDraft(key)
    })
  }
  const drop = (from: string) => {
    const key = keyOf(from)
    if (key) clearDraft(key)
  }
  useEffect(() => {
    if (!archive || editing !== null || confirm) return
    for (const [from, text] of draftsUnder(tagRenameDraftKey(archive, ''))) {
      if (typeof text !== 'string' || !tags.some((t) => t.name === from || t.name.startsWith(`${from}/`)))
        continue
      setEditing(from)
      setDraft(text)
      return
    }
  }, [archive, tags, editing, confirm])

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work()
      setProblem(null)
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err))
    }
    setEditing(null)
    setConfirm(null)
    onChanged()
  }
  /** Renames, then offers Undo: the items it moved go back (main keeps which ones). */
  const move = (from: string, to: string, merge: boolean) =>
    run(async () => {
      const { moved, undo } = await api['tags.rename']({ from, to })
      drop(from)
      const done = `${merge ? 'Merged' : 'Renamed'} “${from}” into “${to}”: ${plural(moved, 'item')}`
      onToast({
        text: done,
        ...(undo && {
          action: {
            label: 'Undo',
            run: () =>
              void api['tags.undoRename']({ undo }).then(
                (back) => (
                  onToast({ text: `Moved ${plural(back.moved, 'item')} back to “${from}”` }),
                  onChanged()
                ),
                (err: Error) => (onToast({ text: err.message }), onChanged()),
              ),
          },
        }),
      })
    })
  const rename = (from: string, to: string) => {
    if (!to || to === from) return (drop(from), setEditing(null))
    // Onto a tag that exists (or a parent its sub-tags imply): a merge, asked first with what it moves.
    const target = tree.find((t) => t.name === to)
    const items = tree.find((t) => t.name === from)?.total ?? 0
    if (target) return setConfirm({ kind: 'merge', from, to, items })
    void move(from, to, false)
  }

  return (
    <div className="tags-view">
      <header className="figures-header">
        <h1>Tags</h1>
        <span className="muted">
          Rename a tag to move it in the hierarchy (strikes/launched) or to merge it into another.
        </span>
      </header>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {confirm && (
        <Popover
          className="bulk-confirm"
          role="alertdialog"
          label={confirm.kind === 'merge' ? 'Confirm merge' : 'Confirm delete'}
          onDismiss={() => setConfirm(null)}
        >
          <span>
            {confirm.kind === 'merge' ? (
              <>
                <strong>
                  Merge “{confirm.from}” into “{confirm.to}”? {plural(confirm.items, 'item')}
                </strong>{' '}
                — every article and annotation tagged “{confirm.from}” will carry “{confirm.to}”. You can undo
                this.
              </>
            ) : (
              `Delete “${confirm.from}” and its sub-tags from every article and annotation?`
            )}
          </span>
          <button
            type="button"
            className="danger"
            onClick={() =>
              void (confirm.kind === 'merge'
                ? move(confirm.from, confirm.to, true)
                : run(() => api['tags.delete']({ name: confirm.from })))
            }
          >
            {confirm.kind === 'merge' ? 'Merge' : 'Delete'}
          </button>
          <button type="button" data-autofocus onClick={() => setConfirm(null)}>
            Cancel
          </button>
        </Popover>
      )}
      <table className="figures-table tags-table">
        <thead>
          <tr>
            <th>Tag</th>
            <th>Uses</th>
            <th>Colour</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {tree.map((t) => (
            <tr key={t.name} data-tag={t.name}>
              <td style={{ paddingLeft: 6 + depth(t.name) * 18 }}>
                {editing === t.name ? (
                  <form onSubmit={(e) => (e.preventDefault(), rename(t.name, draft.trim()))}>
                    <input
                      aria-label={`New name for ${t.name}`}
                      autoFocus
                      value={draft}
                      onChange={(e) => type(t.name, e.target.value)}
                      onKeyDown={(e) => e.key === 'Escape' && (drop(t.name), setEditing(null))}
                    />
                  </form>
                ) : (
                  <button
                    type="button"
                    className="link"
                    onClick={() => onFilter(t.name)}
                    title="Show articles with this tag"
                  >
                    {depth(t.name) ? t.name.slice(t.name.lastIndexOf('/') + 1) : t.name}
                  </button>
                )}
              </td>
              <td className="num" title={`${t.count} direct, ${t.total} with sub-tags`}>
                {t.total}
              </td>
              <td>
                <ColorSwatches
                  value={t.color}
                  onPick={(color) =>
                    void run(() =>
                      api['tags.setColor']({ name: t.name, color: t.color === color ? null : color }),
                    )
                  }
                />
              </td>
              <td className="row-actions">
                <button
                  type="button"
                  onClick={() => {
                    const key = keyOf(t.name)
                    setEditing(t.name)
                    setDraft((key && readDraft<string>(key)) || t.name)
                  }}
                >
                  Rename
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => setConfirm({ kind: 'delete', from: t.name })}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {tags.length === 0 && (
        <p className="muted pad">No tags yet. Tag an article or a highlight and it appears here.</p>
      )}
    </div>
  )
}
