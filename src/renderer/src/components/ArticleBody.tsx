// Renderer: the article's sanitized HTML. Rendered once per article: highlights are painted over it with
// the CSS Custom Highlight API, so this DOM (and the text model read from it) never changes underneath.
import DOMPurify from 'dompurify'
import { memo, useLayoutEffect, useMemo, useRef } from 'react'
import type { Article } from '../../../shared/types'
import { textToHtml } from '../../../shared/text-model'
import { readDomText } from '../reader/dom-text'
import type { DomText } from '../reader/dom-text'

type Props = { article: Article; onModel: (model: DomText, container: HTMLElement) => void }

function ArticleBody({ article, onModel }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  // Stored HTML was sanitized on import; sanitizing again here is defence in depth, not the only guard.
  const html = useMemo(
    () =>
      DOMPurify.sanitize(article.html ?? textToHtml(article.text), {
        FORBID_TAGS: ['style', 'form'],
        FORBID_ATTR: ['style'],
      }),
    [article],
  )
  useLayoutEffect(() => {
    if (ref.current) onModel(readDomText(ref.current), ref.current)
  }, [html, onModel])
  return (
    <div
      ref={ref}
      className="article-body"
      data-testid="article-body"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  )
}

export default memo(ArticleBody)
