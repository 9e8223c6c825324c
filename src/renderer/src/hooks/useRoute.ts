// Renderer: where the researcher is, kept in the URL so reloads and links return to it:
// #/article/<id>[/<annotationId>], #/figures or #/tags.
import { useCallback, useEffect, useState } from 'react'
import { openArticle } from './article-openings'

export type Route =
  | { view: 'library'; articleId: string | null; annotationId?: string; at?: { start: number; end: number } }
  | { view: 'figures' }
  | { view: 'tags' }

function fromHash(): Route {
  if (window.location.hash.startsWith('#/figures')) return { view: 'figures' }
  if (window.location.hash.startsWith('#/tags')) return { view: 'tags' }
  const match = /^#\/article\/([a-z0-9_-]+)(?:\/([a-z0-9_-]+))?(?:@(\d+)-(\d+))?/.exec(window.location.hash)
  return match
    ? {
        view: 'library',
        articleId: match[1],
        annotationId: match[2],
        ...(match[3] ? { at: { start: Number(match[3]), end: Number(match[4]) } } : {}),
      }
    : { view: 'library', articleId: null }
}

/** The route, with the article it opens already on its way (see openings.ts). */
function arrive(route: Route): Route {
  openArticle(route.view === 'library' ? route.articleId : null)
  return route
}

function toHash(route: Route): string {
  if (route.view === 'figures') return '#/figures'
  if (route.view === 'tags') return '#/tags'
  if (!route.articleId) return window.location.pathname
  const at = route.at ? `@${route.at.start}-${route.at.end}` : ''
  return `#/article/${route.articleId}${route.annotationId ? `/${route.annotationId}` : ''}${at}`
}

export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => arrive(fromHash()))

  useEffect(() => {
    const onHash = () => setRoute(arrive(fromHash()))
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  const go = useCallback((next: Route) => {
    history.replaceState(null, '', toHash(next))
    setRoute(arrive(next))
  }, [])
  return [route, go]
}
