// Renderer: the article's metadata at the top of the reader, with its tags.
import { useState } from 'react'
import type { Article, Tag } from '../../../shared/types'
import { api } from '../api'
import { formatDate, hostOf } from '../format'
import TagInput from './TagInput'

type Props = { article: Article; knownTags: Tag[]; onTagsChanged: () => void }

export default function ArticleHeader({ article, knownTags, onTagsChanged }: Props) {
  const [tags, setTags] = useState(article.tags)
  const [problem, setProblem] = useState<string | null>(null)

  const saveTags = (next: string[]) => {
    const before = tags
    setTags(next)
    api['articles.update']({ id: article.id, tags: next }).then(
      () => {
        setProblem(null)
        onTagsChanged()
      },
      (err: Error) => {
        setTags(before)
        setProblem(`Tags not saved: ${err.message}`)
      },
    )
  }

  return (
    <header className="reader-header">
      <div className="kicker">{article.source ?? hostOf(article.url)}</div>
      <h1>{article.title}</h1>
      <div className="byline">
        {article.author && <span>{article.author}</span>}
        {article.publishedAt && <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>}
        {article.url && (
          <a href={article.url} target="_blank" rel="noopener noreferrer">
            {hostOf(article.url) || 'Original'}
          </a>
        )}
      </div>
      <div className="article-tags">
        <TagInput value={tags} known={knownTags} onChange={saveTags} label="Add article tag" />
        {problem && <div className="field-error">{problem}</div>}
      </div>
    </header>
  )
}
