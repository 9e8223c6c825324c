// Bench (Node): a seeded corpus for the search index alone — N news articles (bench/news-text.ts, 3.5–6.5 KB of
// text each) and about ten annotations per article (a quarter with a note, 40% tagged), as search documents and
// as the catalog entries, bodies and annotations the query code reads for filters and snippets. Nothing is
// written to disk: article i is made again from the seed whenever it is asked for, so 100,000 articles cost no
// archive. Ids are the article's number in 12 hex digits.
import type { ArchiveReader } from '../src/main/archive/reader'
import { annotationDocs, articleDoc } from '../src/main/search/documents'
import type { SearchDoc } from '../src/main/search/documents'
import type { Annotation, ArticleMeta } from '../src/shared/types'
import { newsStory } from './news-text'
import { forItem } from './random'
import { NOTE_LINES } from './vocabulary'

const TAGS = ['energy', 'economy', 'housing', 'transport', 'figures/checked', 'figures/disputed', 'quote']

export type CorpusArticle = { meta: ArticleMeta; text: string; annotations: Annotation[] }

export function articleId(i: number): string {
  return i.toString(16).padStart(12, '0')
}

export function corpusArticle(seed: number, i: number): CorpusArticle {
  const r = forItem(seed, 'search-article', i)
  const story = newsStory(r, r.int(3500, 6500))
  const text = [story.standfirst, ...story.paragraphs].join('\n\n')
  const id = articleId(i)
  const count = r.int(0, 20)
  const annotations: Annotation[] = []
  for (let k = 0; k < count; k++) {
    const start = r.int(0, Math.max(0, text.length - 40))
    const tags = r.chance(0.4) ? [r.pick(TAGS)] : []
    annotations.push({
      id: `${id.slice(0, 6)}${k.toString(16).padStart(6, '0')}`,
      articleId: id,
      kind: 'highlight',
      color: 'yellow',
      note: r.chance(0.25) ? r.pick(NOTE_LINES) : '',
      tags,
      target: {
        quote: { exact: text.slice(start, start + 40), prefix: '', suffix: '' },
        position: { start, end: start + 40 },
      },
      createdAt: story.publishedAt,
      updatedAt: story.publishedAt,
    } as unknown as Annotation)
  }
  const meta = {
    id,
    title: story.title,
    source: story.source,
    publishedAt: story.publishedAt,
    addedAt: `${story.publishedAt}T12:00:00.000Z`,
    tags: r.chance(0.3) ? [r.pick(TAGS)] : [],
    textHash: `h${i}`,
    length: text.length,
    counts: { highlights: count, figures: 0, notes: annotations.filter((a) => a.note).length },
    annotationTags: Object.fromEntries(annotations.flatMap((a) => a.tags).map((t) => [t, 1])),
    annotationColors: count ? ['yellow'] : [],
  } as unknown as ArticleMeta
  return { meta, text, annotations }
}

/** The article's search documents, as IndexState makes them. */
export function corpusDocs(a: CorpusArticle): SearchDoc[] {
  return [articleDoc(a.meta, a.text), ...annotationDocs(a.meta.id, a.annotations)]
}

/**
 * The catalog and files of the corpus: metas kept, an article's text and annotations made again from the seed
 * the first time they are read and then kept (as the app's text cache and the page cache would hold them; a
 * query's time is then the index's and the snippets', not the generator's).
 */
export function corpusReader(seed: number, count: number): ArchiveReader {
  const made = new Map<number, CorpusArticle>()
  const article = (i: number) => {
    let a = made.get(i)
    if (!a) {
      a = corpusArticle(seed, i)
      made.set(i, a)
    }
    return a
  }
  const metas: ArticleMeta[] = []
  for (let i = 0; i < count; i++) metas.push(corpusArticle(seed, i).meta)
  const index = (id: string) => {
    const i = Number.parseInt(id, 16)
    if (!/^[0-9a-f]{12}$/.test(id) || i >= count) throw new Error(`no article ${id}`)
    return i
  }
  return {
    dir: '/nonexistent',
    list: () => metas,
    has: (id) => /^[0-9a-f]{12}$/.test(id) && Number.parseInt(id, 16) < count,
    meta: (id) => metas[index(id)],
    getArticle: async (id) => {
      const a = article(index(id))
      return { ...a.meta, text: a.text } as never
    },
    readAnnotations: async (id) => article(index(id)).annotations,
  }
}
