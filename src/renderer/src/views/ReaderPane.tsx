// Renderer: one article, with comfortable typography.
import DOMPurify from 'dompurify'
import { useMemo } from 'react'
import { textToHtml } from '../../../shared/text-model'
import { formatDate, hostOf } from '../format'
import { useArticle } from '../hooks/useArticle'

export default function ReaderPane({ id }: { id: string }) {
  const { article, error } = useArticle(id)
  // Stored HTML was sanitized on import; sanitizing again here is defence in depth, not the only guard.
  const html = useMemo(
    () =>
      article
        ? DOMPurify.sanitize(article.html ?? textToHtml(article.text), {
            FORBID_TAGS: ['style', 'form'],
            FORBID_ATTR: ['style'],
          })
        : '',
    [article],
  )

  if (error)
    return (
      <p className="error pad" role="alert">
        {error}
      </p>
    )
  if (!article) return <p className="muted pad">Loading…</p>

  return (
    <article className="reader" lang={article.language}>
      <header className="reader-header">
        <div className="kicker">{article.source ?? hostOf(article.url)}</div>
        <h1>{article.title}</h1>
        <div className="byline">
          {article.author && <span>{article.author}</span>}
          {article.publishedAt && (
            <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
          )}
          {article.url && (
            <a href={article.url} target="_blank" rel="noopener noreferrer">
              {hostOf(article.url) || 'Original'}
            </a>
          )}
        </div>
      </header>
      <div className="article-body" data-testid="article-body" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  )
}
