// Main process: an article's body file (bodies/<id>.json) as read, and the catalog's summary of an article's
// annotations (counts, tags, colours, people).
import { GlossaError } from '../../shared/errors'
import type { Annotation, ArticleMeta, HighlightColor } from '../../shared/types'
import { articleFile } from './ids'
import { checkBodyFile } from './records'
import { openShard } from './shard'

export type BodyFile = { version: number; id: string; text: string; html?: string }

/** Reads an article's body file; writes nothing. Throws a `corrupt_file` GlossaError when it is missing or damaged. */
export async function readBody(dir: string, id: string): Promise<BodyFile> {
  const body = await openShard<BodyFile>(
    dir,
    articleFile(dir, 'bodies', id),
    'body',
    () => ({ version: 0, id, text: '' }),
    (b) => checkBodyFile(b, id),
  )
  if (body.data.version === 0) throw new GlossaError('corrupt_file', `bodies/${id}.json is missing.`)
  return body.data
}

/** The catalog keeps at most this many people per article (articleMetaSchema's annotationCreators). */
const MAX_CREATORS = 1000

export function summarize(
  list: Annotation[],
): Pick<ArticleMeta, 'counts' | 'annotationTags' | 'annotationColors' | 'annotationCreators'> {
  const counts = { highlights: 0, figures: 0, notes: 0 }
  // A Map, not an object literal: tags such as 'constructor' or '__proto__' would read Object.prototype.
  const annotationTags = new Map<string, number>()
  const colors = new Set<HighlightColor>()
  const creators = new Set<string>()
  for (const a of list) {
    colors.add(a.color)
    if (a.creator) creators.add(a.creator)
    if (a.kind === 'figure') counts.figures++
    else counts.highlights++
    if (a.note.trim()) counts.notes++
    const tags = new Set(a.tags)
    if (a.figure?.metric) tags.add(a.figure.metric)
    for (const t of tags) annotationTags.set(t, (annotationTags.get(t) ?? 0) + 1)
  }
  return {
    counts,
    annotationTags: Object.fromEntries(annotationTags),
    annotationColors: [...colors].sort(),
    // Undefined (not written) when no one is named: a solo archive's catalog stays as it was. At most what the
    // catalog's schema keeps (annotations from a team or a backup may name more people): a longer list would be
    // refused at the next open, hiding the article and leaving its bucket read-only.
    annotationCreators: creators.size ? [...creators].sort().slice(0, MAX_CREATORS) : undefined,
  }
}

/** Whether the catalog entry already holds this summary (so nothing needs writing). */
export function sameSummary(meta: ArticleMeta, summary: ReturnType<typeof summarize>): boolean {
  return (
    JSON.stringify([
      meta.counts,
      meta.annotationTags,
      meta.annotationColors ?? [],
      meta.annotationCreators ?? [],
    ]) ===
    JSON.stringify([
      summary.counts,
      summary.annotationTags,
      summary.annotationColors,
      summary.annotationCreators ?? [],
    ])
  )
}
