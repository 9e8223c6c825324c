// Renderer: the article's sanitized HTML. Rendered once per article: highlights are painted over it with
// the CSS Custom Highlight API, so this DOM (and the text model read from it) never changes underneath.
import DOMPurify from 'dompurify'
import { memo, useEffect, useLayoutEffect, useRef } from 'react'
import type { Article } from '../../../shared/types'
import { textToHtml } from '../../../shared/text-model'
import { readDomText } from '../reader/dom-text'
import './article-body.css'
import { loadArticleImages, onArticleClick, parkAssetSources } from './article-media'
import type { DomText } from '../reader/dom-text'

type Props = { article: Article; onModel: (model: DomText, container: HTMLElement) => void }

function ArticleBody({ article, onModel }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  // The article whose nodes the container holds: layout effects can run again for the same article (React
  // re-runs them when a Suspense boundary shows its content again), and the nodes, with any selection in
  // them, must then stay.
  const shown = useRef<Article | null>(null)
  useLayoutEffect(() => {
    const container = ref.current
    if (!container) return
    if (shown.current !== article) {
      // Stored HTML was sanitized on import; sanitizing again here is defence in depth, not the only guard. The
      // sanitized nodes are moved in as they are: serializing them to a string for React to parse again would
      // parse a long read twice.
      const body = DOMPurify.sanitize(
        article.html ? parkAssetSources(article.html) : textToHtml(article.text),
        {
          FORBID_TAGS: ['style', 'form'],
          FORBID_ATTR: ['style'],
          RETURN_DOM_FRAGMENT: true,
        },
      )
      container.replaceChildren(body)
      loadArticleImages(container, article.id)
      shown.current = article
    }
    onModel(readDomText(container), container)
  }, [article, onModel])
  useEffect(() => {
    const container = ref.current
    container?.addEventListener('click', onArticleClick)
    return () => container?.removeEventListener('click', onArticleClick)
  }, [])
  // React renders no children here, so it never touches the nodes put in above.
  return <div ref={ref} className="article-body" data-testid="article-body" />
}

export default memo(ArticleBody)
