// Renderer: one article in the library list.
import type { CSSProperties, MouseEvent } from 'react'
import type { ArticleListItem } from '../../../shared/types'
import { formatDate } from '../format'

type Props = {
  article: ArticleListItem
  open: boolean
  checked: boolean
  selecting: boolean
  onOpen: (id: string) => void
  onCheck: (id: string, event: MouseEvent) => void
  style: CSSProperties
}

export default function ArticleRow({ article, open, checked, selecting, onOpen, onCheck, style }: Props) {
  const { counts } = article
  return (
    <div
      role="option"
      aria-selected={open}
      className={`article-row${open ? ' selected' : ''}${checked ? ' checked' : ''}`}
      style={style}
      onClick={(e) =>
        e.ctrlKey || e.metaKey || e.shiftKey || selecting ? onCheck(article.id, e) : onOpen(article.id)
      }
      data-id={article.id}
    >
      <input
        type="checkbox"
        className="row-check"
        aria-label={`Select ${article.title}`}
        checked={checked}
        onClick={(e) => {
          e.stopPropagation()
          onCheck(article.id, e)
        }}
        onChange={() => {}}
      />
      <div className="row-main">
        <div className="article-row-title" elementtiming="library-row">
          {article.title}
        </div>
        <div className="article-row-meta">
          {article.source && <span>{article.source}</span>}
          {article.publishedAt && <span>{formatDate(article.publishedAt)}</span>}
          {counts.highlights > 0 && <span className="count">{counts.highlights} hl</span>}
          {counts.figures > 0 && <span className="count figures">{counts.figures} fig</span>}
          {article.tags.slice(0, 2).map((t) => (
            <span key={t} className="row-tag">
              #{t}
            </span>
          ))}
        </div>
      </div>
    </div>
  )
}
