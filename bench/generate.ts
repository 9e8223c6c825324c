// Bench (Node): builds the synthetic archive through the real Archive code (createArticle, then one
// changeAnnotations per article), reproducibly from a seed. Article ids and addedAt come from the archive.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { Archive } from '../src/main/archive/archive'
import { escapeHtml } from '../src/shared/text-model'
import { newsStory } from './news-text'
import { createRandom, forItem } from './random'
import type { BenchPaths, Size } from './sizes'
import { syntheticAnnotations } from './synthetic-annotations'

/** Bump when the generator changes, so archives made by an older one are rebuilt. */
const GENERATOR_VERSION = 1
// Articles made at once through the real Archive code: the writes (fsync and rename per file) overlap in the
// thread pool. CatalogStore.writable() shares a bucket's pending open, so concurrent first writes are safe
// (it was not, and generation ran one article at a time; 10,000 took 2 minutes, 100,000 would take 25+).
const CONCURRENCY = 16

export type BenchManifest = {
  generator: number
  size: string
  seed: number
  articles: number
  annotations: number
  longReadId: string
  generatedInMs: number
  complete: true
}

export async function readManifest(paths: BenchPaths): Promise<BenchManifest | null> {
  try {
    const m = JSON.parse(await readFile(paths.manifest, 'utf8')) as BenchManifest
    return m.complete && m.generator === GENERATOR_VERSION ? m : null
  } catch {
    return null
  }
}

/** Annotations per article: skewed like real reading (many untouched, a few heavily marked), exact total. */
function annotationCounts(seed: number, articles: number, total: number): number[] {
  const r = createRandom(seed ^ 0x5eed)
  const mean = total / articles
  const cap = Math.ceil(mean * 6)
  const counts = Array.from({ length: articles }, () =>
    Math.min(cap, Math.floor(-mean * Math.log(1 - r.next()))),
  )
  let diff = total - counts.reduce((a, b) => a + b, 0)
  while (diff !== 0) {
    const i = r.int(0, articles - 1)
    if (diff > 0 && counts[i] < cap) {
      counts[i]++
      diff--
    } else if (diff < 0 && counts[i] > 0) {
      counts[i]--
      diff++
    }
  }
  return counts
}

export async function generateArchive(
  paths: BenchPaths,
  size: Size,
  seed: number,
  log: (line: string) => void,
): Promise<BenchManifest> {
  const started = performance.now()
  await rm(paths.root, { recursive: true, force: true })
  await mkdir(paths.root, { recursive: true })
  const archive = await Archive.open(paths.archive)
  // Article 0 is the long read with evenly spread highlights; the rest share the remaining annotations.
  const counts = [
    size.longReadHighlights,
    ...annotationCounts(seed, size.articles - 1, size.annotations - size.longReadHighlights),
  ]
  const baseTime = Date.UTC(2024, 0, 1)
  let longReadId = ''
  let made = 0
  let annotated = 0
  const makeOne = async (i: number) => {
    const r = forItem(seed, 'article', i)
    const story = newsStory(r, i === 0 ? size.longReadLength : r.int(3500, 6500))
    const text = story.paragraphs.join('\n\n')
    const meta = await archive.createArticle({
      title: story.title,
      text,
      html: story.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
      source: story.source,
      url: story.url,
      author: story.author,
      publishedAt: story.publishedAt,
      language: 'en',
      excerpt: story.standfirst,
      tags: r.chance(0.5) ? [story.topic.tag] : [],
    })
    if (i === 0) longReadId = meta.id
    const annotations = syntheticAnnotations(forItem(seed, 'annotations', i), {
      articleId: meta.id,
      text,
      count: counts[i],
      topicTag: story.topic.tag,
      evenly: i === 0,
      stamp: new Date(baseTime + i * 60_000).toISOString(),
    })
    if (annotations.length) await archive.changeAnnotations(meta.id, (list) => void list.push(...annotations))
    annotated += annotations.length
    if (++made % 1000 === 0) log(`  generated ${made}/${size.articles} articles, ${annotated} annotations`)
  }
  let next = 0
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < size.articles) await makeOne(next++)
    }),
  )
  // The catalog counts follow each annotations write unawaited: wait for the last of them before checking.
  await archive.flush()
  await verify(paths.archive, size.articles, size.annotations)
  const manifest: BenchManifest = {
    generator: GENERATOR_VERSION,
    size: size.name,
    seed,
    articles: archive.catalog.size(),
    annotations: annotated,
    longReadId,
    generatedInMs: performance.now() - started,
    complete: true,
  }
  await writeFile(paths.manifest, JSON.stringify(manifest, null, 2))
  return manifest
}

/** Reopens the archive from disk and checks that everything generated is there. */
async function verify(dir: string, articles: number, annotations: number): Promise<void> {
  const archive = await Archive.open(dir)
  const list = archive.list()
  let found = 0
  for (const meta of list) found += meta.counts.highlights + meta.counts.figures
  if (list.length !== articles || found !== annotations) {
    throw new Error(`generated archive is incomplete: ${list.length} articles, ${found} annotations on disk`)
  }
}
