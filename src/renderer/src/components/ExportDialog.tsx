// Renderer: "Export…" — format, scope and options, a live preview of the scope's first articles, then the
// export itself when asked for, and its files saved (a download in the browser; Electron asks where to save).
import { useEffect, useId, useState } from 'react'
import type { z } from 'zod'
import type { exportArgsSchema } from '../../../shared/contract-reading'
import type { LibraryFilter } from '../../../shared/library-query'
import type { Collection, Tag } from '../../../shared/types'
import { makesSeveralFiles, streamsToOneFile } from '../../../shared/export/streamable'
import { api, isBrowserMode } from '../api'
import { recountLine, useRecount } from '../hooks/useRecount'
import { downloadFrom } from './chart-export'
import Modal from './Modal'

type ExportArgs = z.infer<typeof exportArgsSchema>
type Format = ExportArgs['format']
export type ScopeChoice = 'article' | 'selection' | 'filter' | 'tag' | 'collection' | 'all'
type ExportFile = { name: string; content: string; mime: string }

const FORMATS: { value: Format; label: string; hint: string }[] = [
  {
    value: 'markdown',
    label: 'Markdown notes',
    hint: 'Quotes, notes, tags and figures with citations; Obsidian-friendly',
  },
  {
    value: 'figures-csv',
    label: 'Figures dataset (CSV)',
    hint: 'One row per figure: value, unit, metric, period, who said it…',
  },
  {
    value: 'highlights-csv',
    label: 'Highlights (CSV)',
    hint: 'One row per annotation with its quote and position',
  },
  { value: 'json', label: 'JSON backup', hint: 'Everything, to restore into Glossa' },
  { value: 'jsonld', label: 'W3C Web Annotations', hint: 'JSON-LD for other annotation tools' },
  { value: 'csl', label: 'CSL-JSON citations', hint: 'For Zotero, Pandoc and citeproc' },
]

type Props = {
  articleId: string | null
  selection: string[]
  filtered: string[]
  /** The library's filter: "the articles in the library list" is sent as it, not as their ids (capped at 10,000). */
  filter?: LibraryFilter
  tags: Tag[]
  collections: Collection[]
  initialScope: ScopeChoice
  onClose: () => void
}

function download(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: `${file.mime};charset=utf-8` }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export default function ExportDialog({
  articleId,
  selection,
  filtered,
  filter,
  tags,
  collections,
  initialScope,
  onClose,
}: Props) {
  const ids = useId()
  const [format, setFormat] = useState<Format>('markdown')
  const [scope, setScope] = useState<ScopeChoice>(initialScope)
  const [tag, setTag] = useState('')
  const [collection, setCollection] = useState(collections[0]?.id ?? '')
  const [metric, setMetric] = useState('')
  const [layout, setLayout] = useState<'combined' | 'per-article'>('combined')
  const [groupBy, setGroupBy] = useState<'article' | 'tag'>('article')
  const [bom, setBom] = useState(false)
  // The preview belongs to the choices it was made for: after any change it is stale until the new one is in,
  // and Export runs only once the preview for the current choices is in. The preview formats the scope's first
  // articles only: at 100,000 articles, exporting everything at each change of an option took minutes.
  const [made, setMade] = useState<{ key: string; files: ExportFile[] } | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [exporting, setExporting] = useState(false)
  // After an unexpected shutdown the export chooses articles once their counts are read again: said while it waits.
  const recount = useRecount()

  const args = ((): ExportArgs | null => {
    const s: ExportArgs['scope'] = {}
    if (scope === 'article') {
      if (!articleId) return null
      s.articleIds = [articleId]
    } else if (scope === 'filter' && filter) {
      if (!filtered.length) return null
      s.filter = filter
    } else if (scope === 'selection' || scope === 'filter') {
      const list = scope === 'selection' ? selection : filtered
      if (!list.length) return null
      s.articleIds = list
    } else if (scope === 'tag') {
      if (!tag.trim()) return null
      s.tag = tag.trim()
    } else if (scope === 'collection') {
      if (!collection) return null
      s.collection = collection
    }
    if (format === 'figures-csv' && metric.trim()) s.metric = metric.trim()
    return { format, scope: s, options: { layout, groupBy, bom } }
  })()
  const key = JSON.stringify(args)

  useEffect(() => {
    if (!key || key === 'null') return
    let live = true
    const timer = setTimeout(() => {
      const args = JSON.parse(key) as ExportArgs
      api['export.run']({ ...args, options: { ...args.options, preview: true } }).then(
        (result) => live && (setMade({ key, files: result }), setProblem(null)),
        (err: Error) => live && (setMade(null), setProblem(err.message)),
      )
    }, 150)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [key])

  const files = made && made.key === key ? made.files : null
  const preview = files?.[0]?.content.split('\n').slice(0, 40).join('\n') ?? ''
  const run = () => {
    if (!args) return
    setExporting(true)
    // In the browser an export is made on disk by the server and downloaded as a stream: a 160 MB Markdown
    // file never passes through the page's memory; per-article Markdown comes as one zip of its files (but
    // one article's file as itself). The desktop app gets the files and saves them.
    if (isBrowserMode && streamsToOneFile(args) && !(makesSeveralFiles(args) && scope === 'article')) {
      api['export.download'](args).then(
        (offered) => {
          // Browser mode: a file the server made and offers once, downloaded as it streams in (nothing held by the page).
          downloadFrom(offered.url, offered.name)
          setExporting(false)
        },
        (err: Error) => {
          setProblem(err.message)
          setExporting(false)
        },
      )
      return
    }
    api['export.run'](args).then(
      (result) => {
        result.forEach(download)
        setExporting(false)
      },
      (err: Error) => {
        setProblem(err.message)
        setExporting(false)
      },
    )
  }

  return (
    <Modal title="Export" label="Export" wide onClose={onClose}>
      <div className="export-grid">
        <fieldset>
          <legend>Format</legend>
          {FORMATS.map((f) => (
            <label key={f.value} className="format-choice">
              <input
                type="radio"
                name={`${ids}-format`}
                value={f.value}
                checked={format === f.value}
                onChange={() => setFormat(f.value)}
              />
              <span>
                <strong>{f.label}</strong>
                <small>{f.hint}</small>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>What</legend>
          <select aria-label="Scope" value={scope} onChange={(e) => setScope(e.target.value as ScopeChoice)}>
            {articleId && <option value="article">This article</option>}
            {selection.length > 0 && (
              <option value="selection">Selected articles ({selection.length})</option>
            )}
            <option value="filter">Articles in the library list ({filtered.length})</option>
            <option value="tag">A tag…</option>
            <option value="collection" disabled={!collections.length}>
              A collection…
            </option>
            <option value="all">Everything</option>
          </select>
          {scope === 'tag' && (
            <input
              aria-label="Tag to export"
              list={`${ids}-tags`}
              placeholder="strikes"
              value={tag}
              onChange={(e) => setTag(e.target.value)}
            />
          )}
          <datalist id={`${ids}-tags`}>
            {tags.map((t) => (
              <option key={t.name} value={t.name} />
            ))}
          </datalist>
          {scope === 'collection' && (
            <select
              aria-label="Collection to export"
              value={collection}
              onChange={(e) => setCollection(e.target.value)}
            >
              {collections.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
          <legend>Options</legend>
          {format === 'markdown' && (
            <>
              <select
                aria-label="Markdown layout"
                value={layout}
                onChange={(e) => setLayout(e.target.value as typeof layout)}
              >
                <option value="combined">One combined file</option>
                <option value="per-article">One file per article</option>
              </select>
              <select
                aria-label="Group by"
                value={groupBy}
                onChange={(e) => setGroupBy(e.target.value as typeof groupBy)}
              >
                <option value="article">Grouped by article</option>
                <option value="tag">Grouped by tag</option>
              </select>
            </>
          )}
          {format === 'figures-csv' && (
            <input
              aria-label="Only this metric"
              list={`${ids}-tags`}
              placeholder="Only this metric (optional)"
              value={metric}
              onChange={(e) => setMetric(e.target.value)}
            />
          )}
          {(format === 'figures-csv' || format === 'highlights-csv') && (
            <label className="check">
              <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} /> UTF-8 with
              BOM (for Excel)
            </label>
          )}
        </fieldset>
      </div>
      <section className="export-preview" aria-label="Preview">
        <div className="preview-title">
          {files ? (
            `${files.length === 1 ? files[0].name : `${files[0]?.name ?? ''}…`}${scope === 'article' ? '' : ' (preview of the first articles)'}`
          ) : problem ? (
            ''
          ) : recount ? (
            <span role="status">{recountLine(recount, 'The export')}</span>
          ) : (
            'Preparing preview…'
          )}
        </div>
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
        <pre data-testid="export-preview">{preview}</pre>
      </section>
      <div className="card-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!files?.length || exporting} onClick={run}>
          {exporting ? 'Exporting…' : 'Export'}
        </button>
      </div>
    </Modal>
  )
}
