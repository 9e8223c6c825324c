// Renderer: search results with the matched words highlighted in each snippet.
import type { SearchHit } from '../hooks/useSearch'

const FIELD: Record<SearchHit['field'], string> = { title: 'title', text: 'text', note: 'note', tags: 'tag' }

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

type Props = { hits: SearchHit[] | null; error: string | null; onOpen: (hit: SearchHit) => void }

export default function SearchResults({ hits, error, onOpen }: Props) {
  if (error) return <p className="error pad">{error}</p>
  if (!hits) return <p className="muted pad">Searching…</p>
  if (!hits.length)
    return <p className="muted pad">Nothing matches. Try fewer words or the start of a word.</p>
  return (
    <ol className="search-results" aria-label="Search results">
      {hits.map((hit) => (
        <li key={`${hit.articleId}-${hit.annotationId ?? ''}`}>
          <button type="button" className="search-hit" onClick={() => onOpen(hit)}>
            <span className="hit-title">{hit.title}</span>
            <span className="hit-field">in {FIELD[hit.field]}</span>
            <Snippet text={hit.snippet} marks={hit.marks} />
          </button>
        </li>
      ))}
    </ol>
  )
}
