// Renderer: the Tags manager — the hierarchy with counts; rename, merge, move, recolour, delete. Every
// change is applied by main across all articles and annotations.
import { useState } from 'react'
import { tagAncestry } from '../../../shared/tags'
import type { Tag } from '../../../shared/types'
import { api } from '../api'
import ColorSwatches from '../components/ColorSwatches'

type Props = { tags: Tag[]; onChanged: () => void; onFilter: (tag: string) => void }

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

export default function TagsView({ tags, onChanged, onFilter }: Props) {
  const [editing, setEditing] = useState<string | null>(null)
  const [draft, setDraft] = useState('')
  const [confirm, setConfirm] = useState<{ kind: 'merge' | 'delete'; from: string; to?: string } | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

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
  const rename = (from: string, to: string) => {
    if (!to || to === from) return setEditing(null)
    if (tags.some((t) => t.name === to)) return setConfirm({ kind: 'merge', from, to })
    void run(() => api['tags.rename']({ from, to }))
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
        <div className="bulk-confirm" role="alertdialog" aria-label="Confirm">
          <span>
            {confirm.kind === 'merge'
              ? `Merge “${confirm.from}” into “${confirm.to}”? Every article and annotation tagged “${confirm.from}” will carry “${confirm.to}”.`
              : `Delete “${confirm.from}” and its sub-tags from every article and annotation?`}
          </span>
          <button
            type="button"
            className="danger"
            onClick={() =>
              void run(() =>
                confirm.kind === 'merge'
                  ? api['tags.rename']({ from: confirm.from, to: confirm.to! })
                  : api['tags.delete']({ name: confirm.from }),
              )
            }
          >
            {confirm.kind === 'merge' ? 'Merge' : 'Delete'}
          </button>
          <button type="button" onClick={() => setConfirm(null)}>
            Cancel
          </button>
        </div>
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
          {tagTree(tags).map((t) => (
            <tr key={t.name} data-tag={t.name}>
              <td style={{ paddingLeft: 6 + depth(t.name) * 18 }}>
                {editing === t.name ? (
                  <form onSubmit={(e) => (e.preventDefault(), rename(t.name, draft.trim()))}>
                    <input
                      aria-label={`New name for ${t.name}`}
                      autoFocus
                      value={draft}
                      onChange={(e) => setDraft(e.target.value)}
                      onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
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
                <button type="button" onClick={() => (setEditing(t.name), setDraft(t.name))}>
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
