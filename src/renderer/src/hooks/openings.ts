// Renderer: an article's text and annotations are asked for the moment it is opened, while the reader's code
// may still be loading, and handed to the reader when it mounts. Only the latest opening is kept, and each
// answer is handed out once: a reader mounted later asks again, so nothing stale is ever shown. A navigation
// that stays on the article already open (a search hit inside it) asks nothing: its reader stays mounted.
// The app's instance is in article-openings.ts.
import type { ApiClient } from '../../../shared/contract'

type Client = Pick<ApiClient, 'articles.get' | 'annotations.list'>
type ArticleAnswer = ReturnType<ApiClient['articles.get']>
type AnnotationsAnswer = ReturnType<ApiClient['annotations.list']>
type Opening = { id: string; article?: ArticleAnswer; annotations?: AnnotationsAnswer }

/** A failure is reported by whoever takes the answer; until then it must not count as unhandled. */
function held<T>(answer: Promise<T>): Promise<T> {
  answer.catch(() => {})
  return answer
}

export function createOpenings(client: Client) {
  let opening: Opening | null = null
  /** The article the latest navigation shows (null: none). */
  let current: string | null = null

  const take = <K extends 'article' | 'annotations'>(id: string, key: K): Opening[K] => {
    if (opening?.id !== id) return undefined
    const answer = opening[key]
    opening = { ...opening, [key]: undefined }
    if (!opening.article && !opening.annotations) opening = null
    return answer
  }

  return {
    /** A navigation to `id` (null: to no article): starts loading it unless it is the one already open. */
    openArticle(id: string | null): void {
      if (id === current) return
      current = id
      opening = id
        ? {
            id,
            article: held(client['articles.get']({ id })),
            annotations: held(client['annotations.list']({ articleId: id })),
          }
        : null
    },
    loadArticle(id: string): ArticleAnswer {
      return take(id, 'article') ?? client['articles.get']({ id })
    },
    loadAnnotations(articleId: string): AnnotationsAnswer {
      return take(articleId, 'annotations') ?? client['annotations.list']({ articleId })
    },
  }
}
