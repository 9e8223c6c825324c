// Renderer: one article in the library list.
import type { CSSProperties } from 'react'
import type { ArticleMeta } from '../../../shared/types'
import { formatDate } from '../format'

type Props = { article: ArticleMeta; selected: boolean; onSelect: (id: string) => void; style: CSSProperties }

export default function ArticleRow({ article, selected, onSelect, style }: Props) {
  const { counts } = article
  return (
    <div
      role="option"
      aria-selected={selected}
      className={`article-row${selected ? ' selected' : ''}`}
      style={style}
      onClick={() => onSelect(article.id)}
      data-id={article.id}
    >
      <div className="article-row-title">{article.title}</div>
      <div className="article-row-meta">
        {article.source && <span>{article.source}</span>}
        {article.publishedAt && <span>{formatDate(article.publishedAt)}</span>}
        {counts.highlights > 0 && <span className="count">{counts.highlights} hl</span>}
        {counts.figures > 0 && <span className="count figures">{counts.figures} fig</span>}
      </div>
    </div>
  )
}
