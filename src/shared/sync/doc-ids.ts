// Runs everywhere: the stable CouchDB document id of each archive record. An id says what the record is and
// which one, so two archives that never met give the same record the same document.
import { ID_PATTERN, tagNameSchema } from '../schemas'

export type DocRef =
  | { type: 'article'; id: string }
  | { type: 'annotation'; articleId: string; id: string }
  | { type: 'tag'; name: string }
  | { type: 'collection'; id: string }

export const articleDocId = (id: string) => `article:${id}`
export const annotationDocId = (articleId: string, id: string) => `annotation:${articleId}:${id}`
export const tagDocId = (name: string) => `tag:${name}`
export const collectionDocId = (id: string) => `collection:${id}`

export function docIdOf(ref: DocRef): string {
  switch (ref.type) {
    case 'article':
      return articleDocId(ref.id)
    case 'annotation':
      return annotationDocId(ref.articleId, ref.id)
    case 'tag':
      return tagDocId(ref.name)
    case 'collection':
      return collectionDocId(ref.id)
  }
}

/** What a document id names, or undefined for an id Glossa never makes (a design document, anything else). */
export function parseDocId(docId: string): DocRef | undefined {
  const colon = docId.indexOf(':')
  if (colon < 0) return undefined
  const prefix = docId.slice(0, colon)
  const rest = docId.slice(colon + 1)
  if (prefix === 'article' && ID_PATTERN.test(rest)) return { type: 'article', id: rest }
  if (prefix === 'collection' && ID_PATTERN.test(rest)) return { type: 'collection', id: rest }
  if (prefix === 'tag' && tagNameSchema.safeParse(rest).success && rest === rest.trim())
    return { type: 'tag', name: rest }
  if (prefix === 'annotation') {
    const [articleId, id, ...more] = rest.split(':')
    if (!more.length && ID_PATTERN.test(articleId ?? '') && ID_PATTERN.test(id ?? ''))
      return { type: 'annotation', articleId: articleId!, id: id! }
  }
  return undefined
}
