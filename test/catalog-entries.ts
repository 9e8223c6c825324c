// Tests (Node): catalog entries made to fill buckets (catalog-layout.ts splits a bucket past 64 KB) or to sort and
// filter the library by, and what the bucket files on disk hold, read without the archive's code.
import { randomBytes } from 'node:crypto'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleMeta } from '../src/shared/types'

/**
 * A valid entry of about 3 KB of JSON: 22 of them pass a bucket's split size. With `people`, 200 characters more
 * for each (the crash test's entries: 21 KB with 90, so a bucket splits at its fourth).
 */
export function bigMeta(id: string, n = 0, people = 0): ArticleMeta {
  return {
    ...(people
      ? { annotationCreators: Array.from({ length: people }, (_, i) => `${i}`.padStart(200, 'p')) }
      : {}),
    id,
    title: `Article ${n} `.padEnd(1000, 'x'),
    excerpt: 'A long excerpt. '.repeat(125),
    addedAt: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
    tags: ['war/air'],
    textHash: 'x',
    length: 3,
    counts: { highlights: 0, figures: 0, notes: 0 },
    annotationTags: {},
  }
}

/** `count` ids starting with `prefix`, the rest hex digits from `next` (a seeded source in the crash child). */
export function idsUnder(prefix: string, count: number, next: () => number = Math.random): string[] {
  return Array.from({ length: count }, () => {
    let id = prefix
    while (id.length < 12) id += Math.floor(next() * 16).toString(16)
    return id
  })
}

/** An old catalog bucket file (as a Glossa that did not split wrote it). */
export async function writeBucket(dir: string, bucket: string, metas: ArticleMeta[]): Promise<void> {
  const articles = Object.fromEntries(metas.map((m) => [m.id, m]))
  await writeFile(join(dir, 'catalog', `${bucket}.json`), JSON.stringify({ version: 1, articles }))
}

/** Every bucket file's name (without .json), its size, and the ids it holds. */
export async function bucketsOnDisk(dir: string): Promise<{ name: string; bytes: number; ids: string[] }[]> {
  const names = (await readdir(join(dir, 'catalog'))).filter((n) => /^[^.].*\.json$/.test(n)).sort()
  return Promise.all(
    names.map(async (n) => {
      const text = await readFile(join(dir, 'catalog', n), 'utf8')
      const data = JSON.parse(text) as { articles: Record<string, unknown> }
      return { name: n.slice(0, -5), bytes: text.length, ids: Object.keys(data.articles) }
    }),
  )
}

/**
 * What a catalog on disk must be once opened and flushed: every id in exactly one file, the file its name
 * says, and no file beside a file its name starts with (a split not finished). Returns the problems found.
 */
export async function layoutProblems(
  dir: string,
  limit = 64 * 1024,
): Promise<{ ids: Set<string>; problems: string[] }> {
  const files = await bucketsOnDisk(dir)
  const names = new Set(files.map((f) => f.name))
  const ids = new Set<string>()
  const problems: string[] = []
  for (const f of files) {
    for (let n = 2; n < f.name.length; n++)
      if (names.has(f.name.slice(0, n))) problems.push(`${f.name} beside ${f.name.slice(0, n)}`)
    if (f.bytes > limit) problems.push(`${f.name} is ${f.bytes} characters`)
    for (const id of f.ids) {
      if (ids.has(id)) problems.push(`${id} twice`)
      ids.add(id)
      if (!id.startsWith(f.name.slice(0, 2)) || !/^[0-9a-f]*$/.test(id.slice(2)) || !id.startsWith(f.name))
        problems.push(`${id} in ${f.name}`)
    }
  }
  return { ids, problems }
}

const SOURCES = ['Harbour Times', 'Daily Meridian', '']
const TAGS = ['port', 'port/cranes', 'strikes', 'ärger/ÉTÉ']
const COLORS = ['yellow', 'blue', 'green'] as const

/** A catalog entry with a bit of everything the library sorts and filters by (its `n`-th). */
export function libraryEntry(n: number): ArticleMeta {
  const id = `r${n.toString(16).padStart(5, '0')}${randomBytes(3).toString('hex')}`
  const source = SOURCES[n % 3]
  return {
    id,
    title: n % 7 === 0 ? `Écluse ${n}` : `Article ${n} of the harbour`,
    ...(source ? { source } : { url: `https://www.site${n % 4}.example/${n}` }),
    ...(n % 5 ? { publishedAt: `2024-0${1 + (n % 9)}-1${n % 10}` } : {}),
    addedAt: new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toISOString(),
    tags: n % 4 ? [TAGS[n % 4]] : [],
    textHash: `h${n}`,
    length: 100 + n,
    counts: { highlights: n % 3, figures: n % 2, notes: n % 4 === 1 ? 2 : 0 },
    annotationTags: n % 3 ? { [`figures/${TAGS[n % 3]}`]: 1 + (n % 3), 'to-check': 1 } : {},
    ...(n % 3 ? { annotationColors: COLORS.slice(0, 1 + (n % 3)) as ArticleMeta['annotationColors'] } : {}),
    ...(n % 6 === 0 ? { annotationCreators: ['ana', `reader${n % 12}`] } : {}),
    ...(n % 8 === 0 ? { collections: ['col1', 'col2'] } : {}),
  }
}
