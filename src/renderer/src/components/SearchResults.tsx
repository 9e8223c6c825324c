// Renderer: search results with the matched words highlighted in each snippet. A note's snippet is Markdown,
// shown through the app's one Markdown renderer; its matched words are painted with the CSS Custom Highlight API
// (the rendered text no longer has the snippet's offsets). Close matches are said to be close; results from an
// index still being built say so, and how far the build is.
import { useEffect, useRef } from 'react'
import type { SearchHit, SearchOutcome } from '../hooks/useSearch'
import Markdown from './Markdown'

const FIELD: Record<SearchHit['field'], string> = { title: 'title', text: 'text', note: 'note', tags: 'tag' }
const NOTE_MARKS = 'search-mark'

function Snippet({ text, marks }: { text: string; marks: [number, number][] }) {
  const parts: (string | { mark: string })[] = []
  let at = 0
  for (const [start, end] of [...marks].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue
    parts.push(text.slice(at, start), { mark: text.slice(start, end) })
    at = end
  }
  parts.push(text.slice(at))
  return (
    <div className="snippet">
      {parts.map((p, i) => (typeof p === 'string' ? p : <mark key={i}>{p.mark}</mark>))}
    </div>
  )
}

/** Ranges over each whole-word occurrence of `words` in the text under `root`. */
function wordRanges(root: HTMLElement, words: Set<string>): Range[] {
  const ranges: Range[] = []
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of (node.textContent ?? '').matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
      if (!words.has(m[0].toLowerCase())) continue
      const range = document.createRange()
      range.setStart(node, m.index)
      range.setEnd(node, m.index + m[0].length)
      ranges.push(range)
    }
  }
  return ranges
}

function NoteSnippet({ text, marks }: { text: string; marks: [number, number][] }) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const root = box.current
    if (!root || typeof Highlight === 'undefined') return
    const words = new Set(marks.map(([a, b]) => text.slice(a, b).toLowerCase()))
    const ranges = wordRanges(root, words)
    const highlight = CSS.highlights.get(NOTE_MARKS) ?? new Highlight()
    CSS.highlights.set(NOTE_MARKS, highlight)
    for (const r of ranges) highlight.add(r)
    return () => {
      for (const r of ranges) highlight.delete(r)
    }
  }, [text, marks])
  return (
    <div ref={box}>
      <Markdown className="snippet snippet-note" source={text} />
    </div>
  )
}

const count = (n: number) => n.toLocaleString('en-US')

/** While the index is first built: how far it is, and that these results come from a part of the archive. */
function Partial({ outcome }: { outcome: SearchOutcome }) {
  const { partial, indexing } = outcome
  if (!partial) return null
  const indexed = Math.max(indexing?.indexed ?? 0, partial.searched)
  return (
    <p className="search-close search-partial pad" role="status">
      <strong>
        Indexing {count(indexed)} of {count(partial.total)} articles
      </strong>
      <br />
      Results from {count(partial.searched)} of {count(partial.total)} articles — indexing continues; the list
      updates when it is done.
    </p>
  )
}

type Props = { outcome: SearchOutcome | null; error: string | null; onOpen: (hit: SearchHit) => void }

export default function SearchResults({ outcome, error, onOpen }: Props) {
  if (error) return <p className="error pad">{error}</p>
  if (!outcome) return <p className="muted pad">Searching…</p>
  const { hits, match } = outcome
  const partial = outcome.partial && <Partial outcome={outcome} />
  if (!hits.length)
    return (
      <>
        {partial}
        <p className="muted pad">
          {outcome.partial
            ? 'No hits in the articles indexed so far.'
            : 'No exact hits, and no close matches. Check the spelling, or add * to a word to find the words ' +
              'that start with it.'}
        </p>
      </>
    )
  return (
    <>
      {partial}
      {match === 'close' && (
        <p className="search-close pad" role="status">
          No exact hits; close matches:
        </p>
      )}
      <ol className="search-results" aria-label="Search results">
        {hits.map((hit) => (
          <li key={`${hit.articleId}-${hit.annotationId ?? ''}`}>
            <button type="button" className="search-hit" onClick={() => onOpen(hit)}>
              <span className="hit-title">{hit.title}</span>
              <span className="hit-field">in {FIELD[hit.field]}</span>
              {hit.field === 'note' ? (
                <NoteSnippet text={hit.snippet} marks={hit.marks} />
              ) : (
                <Snippet text={hit.snippet} marks={hit.marks} />
              )}
            </button>
          </li>
        ))}
      </ol>
    </>
  )
}
