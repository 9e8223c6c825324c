// Renderer: an article's text and annotations are asked for the moment it is opened, while the reader's code
// may still be loading, and handed to the reader when it mounts. One opening is remembered at a time, and each
// answer is handed out once: a later reader asks afresh, so nothing stale is ever shown.
import type { ApiClient } from '../../../shared/contract'
import { api } from '../api'

type ArticleAnswer = ReturnType<ApiClient['articles.get']>
type AnnotationsAnswer = ReturnType<ApiClient['annotations.list']>
type Opening = { id: string; article?: ArticleAnswer; annotations?: AnnotationsAnswer }

let opening: Opening | null = null

/** A failure is reported by whoever takes the answer; until then it must not count as unhandled. */
function held<T>(answer: Promise<T>): Promise<T> {
  answer.catch(() => {})
  return answer
}

/** Starts loading the article being opened (null: none is, forget any earlier one). */
export function openArticle(id: string | null): void {
  if (opening?.id === id) return
  opening = id
    ? {
        id,
        article: held(api['articles.get']({ id })),
        annotations: held(api['annotations.list']({ articleId: id })),
      }
    : null
}

function take<K extends 'article' | 'annotations'>(id: string, key: K): Opening[K] {
  if (opening?.id !== id) return undefined
  const answer = opening[key]
  opening = { ...opening, [key]: undefined }
  if (!opening.article && !opening.annotations) opening = null
  return answer
}

export function loadArticle(id: string): ArticleAnswer {
  return take(id, 'article') ?? api['articles.get']({ id })
}

export function loadAnnotations(articleId: string): AnnotationsAnswer {
  return take(articleId, 'annotations') ?? api['annotations.list']({ articleId })
}
