// Runs everywhere: what a sync may send when a member shares chosen collections only. An article is shared when it
// is in one of them, its annotations with it, the chosen collections themselves, and the colours of the tags those
// articles and annotations use (with their parent tags). Whatever was exchanged with the team before stays shared —
// an article a teammate sent, or one that left the collection — so its changes and its deletion still reach the
// team. What comes from the team is taken in whatever its collection.
import { parseDocId } from './doc-ids'

/** What the scope needs to know of a document: an article's collections and tags, an annotation's tags. */
export type ScopeFacts = { collections?: readonly string[]; tags?: readonly string[] }

/** `bud/harbour/east` and its parents `bud/harbour`, `bud`. */
function withParents(tag: string): string[] {
  const parts = tag.split('/')
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'))
}

/** The document ids (of `docs`) a sync may send. `share` undefined: the whole archive. */
export function sharedDocIds(
  docs: ReadonlyMap<string, ScopeFacts>,
  share: readonly string[] | undefined,
  exchanged: (docId: string) => boolean,
): Set<string> {
  if (!share) return new Set(docs.keys())
  const chosen = new Set(share)
  const keep = new Set<string>()
  const articles = new Set<string>()
  const tags = new Set<string>()
  const use = (facts: ScopeFacts) => {
    for (const tag of facts.tags ?? []) for (const t of withParents(tag)) tags.add(t)
  }
  for (const [id, facts] of docs) {
    const ref = parseDocId(id)
    if (ref?.type !== 'article') continue
    if (exchanged(id) || (facts.collections ?? []).some((c) => chosen.has(c))) {
      keep.add(id)
      articles.add(ref.id)
      use(facts)
    }
  }
  for (const [id, facts] of docs) {
    const ref = parseDocId(id)
    if (ref?.type === 'annotation' && (articles.has(ref.articleId) || exchanged(id))) {
      keep.add(id)
      use(facts)
    }
    if (ref?.type === 'collection' && (chosen.has(ref.id) || exchanged(id))) keep.add(id)
  }
  for (const id of docs.keys()) {
    const ref = parseDocId(id)
    if (ref?.type === 'tag' && (tags.has(ref.name) || exchanged(id))) keep.add(id)
  }
  return keep
}
