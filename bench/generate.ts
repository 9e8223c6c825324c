// Bench (Node): builds the synthetic archive through the real Archive code (createArticle, then one
// changeAnnotations per article, in the archive's bulk mode), reproducibly from a seed. Article ids and addedAt
// come from the archive. The archive is checked as the app checks one before it is kept.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { Archive, readBody } from '../src/main/archive/archive'
import { CURRENT_VERSION } from '../src/main/archive/migrations'
import { scanForDamage } from '../src/main/archive/scan'
import { escapeHtml } from '../src/shared/text-model'
import { newsStory } from './news-text'
import { createRandom, forItem } from './random'
import type { BenchPaths, Size } from './sizes'
import { syntheticAnnotations } from './synthetic-annotations'

/** Bump when the generator changes, so archives made by an older one are rebuilt. */
const GENERATOR_VERSION = 2
/**
 * The archive's own format: every kind of file's schema version (migrations.ts). A cached archive written in
 * another format is generated again, so a format change never leaves the bench measuring files the app would
 * migrate or refuse.
 */
const FORMAT = Object.entries(CURRENT_VERSION)
  .map(([kind, version]) => `${kind}:${version}`)
  .sort()
  .join(',')
// Articles made at once through the real Archive code, in its bulk mode: their files are written in batches
// whose flushes overlap (WriteBatch), so the more are under way, the larger each batch. CatalogStore.writable()
// shares a bucket's pending open, so concurrent first writes are safe.
const CONCURRENCY = 64

export type BenchManifest = {
  generator: number
  /** The archive format it was written in (FORMAT above). */
  format: string
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
    return m.complete && m.generator === GENERATOR_VERSION && m.format === FORMAT ? m : null
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
  // Written by one Archive, checked by another opened afresh: the first is let go before the check.
  const written = await writeArchive(paths, size, seed, log)
  log(`  written in ${((performance.now() - started) / 1000).toFixed(1)} s; checking it as the app opens it`)
  await verify(paths.archive, size.articles, size.annotations)
  const manifest: BenchManifest = {
    generator: GENERATOR_VERSION,
    format: FORMAT,
    size: size.name,
    seed,
    ...written,
    generatedInMs: performance.now() - started,
    complete: true,
  }
  await writeFile(paths.manifest, JSON.stringify(manifest, null, 2))
  return manifest
}

async function writeArchive(
  paths: BenchPaths,
  size: Size,
  seed: number,
  log: (line: string) => void,
): Promise<{ articles: number; annotations: number; longReadId: string }> {
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
  // Bulk mode: each catalog bucket is written once at the end, annotations files are not kept open.
  await archive.bulk(() =>
    Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < size.articles) await makeOne(next++)
      }),
    ),
  )
  await archive.flush()
  return { articles: archive.catalog.size(), annotations: annotated, longReadId }
}

/**
 * Reopens the archive from disk as the app does and runs the archive's own checks: every catalog entry against
 * the schema (no trust key: nothing taken on trust), the startup scan (every annotations file through the
 * schema, its counts against the catalog's), every body through its check. Throws on anything found.
 */
async function verify(dir: string, articles: number, annotations: number): Promise<void> {
  const archive = await Archive.open(dir)
  const list = archive.list()
  let found = 0
  for (const meta of list) found += meta.counts.highlights + meta.counts.figures
  if (list.length !== articles || found !== annotations) {
    throw new Error(`generated archive is incomplete: ${list.length} articles, ${found} annotations on disk`)
  }
  const changes = archive.catalog.changes
  const damaged = await scanForDamage(archive)
  // The scan puts stale counts right: any change to the catalog means the files and the counts disagreed.
  if (damaged || archive.catalog.changes !== changes)
    throw new Error(
      `generated archive fails the startup scan: ${damaged} damaged annotations files, ${archive.catalog.changes - changes} counts put right`,
    )
  let next = 0
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < list.length) await readBody(dir, list[next++].id)
    }),
  )
  await archive.flush()
  if (archive.problems.length)
    throw new Error(`generated archive has problems: ${archive.problems.map((p) => p.message).join('; ')}`)
}
