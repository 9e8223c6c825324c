// Tests (Node): a crafted archive's layout for the hostile-archive suites — a real archive beside a sibling
// folder that an attack would reach with `../`, and helpers to craft catalog entries and annotations.
import { access, mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Archive } from '../../src/main/archive/archive'
import type { Annotation, ArticleMeta } from '../../src/shared/types'
import { sampleTarget, tempDir } from '../temp-archive'

export const TEXT = 'Officials counted 500 strikes.\n\nThe grid held at 70% of capacity.'

export const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  )

/** A folder with the archive inside and a sibling folder an attack would reach with `../`. */
export async function layout() {
  const root = await tempDir('glossa-hostile-')
  const dir = join(root, 'archive')
  const outside = join(root, 'outside')
  await mkdir(outside, { recursive: true })
  await writeFile(
    join(outside, 'secret.json'),
    JSON.stringify({ version: 1, text: 'SECRET', annotations: [] }),
  )
  // A real archive first, so the crafted files sit beside genuine ones.
  const archive = await Archive.open(dir)
  const good = await archive.createArticle({ title: 'Good', text: TEXT, tags: ['war/air'] })
  await archive.flush()
  return { root, dir, outside, good }
}

export async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

export function meta(id: string, extra: Partial<ArticleMeta> = {}): Record<string, unknown> {
  return {
    id,
    title: 'Crafted',
    addedAt: '2024-01-01T00:00:00.000Z',
    tags: ['war/air'],
    textHash: 'x',
    length: 3,
    counts: { highlights: 1, figures: 0, notes: 0 },
    annotationTags: { 'war/air': 1 },
    ...extra,
  }
}

export async function writeCatalog(dir: string, bucket: string, articles: Record<string, unknown>) {
  await writeFile(join(dir, 'catalog', `${bucket}.json`), JSON.stringify({ version: 1, articles }))
}

export function annotation(articleId: string, extra: Record<string, unknown> = {}): Annotation {
  const stamp = '2024-01-01T00:00:00.000Z'
  return {
    id: 'ann1',
    articleId,
    kind: 'highlight',
    color: 'yellow',
    note: '',
    tags: ['war/air'],
    target: sampleTarget(TEXT, '500 strikes'),
    createdAt: stamp,
    updatedAt: stamp,
    ...extra,
  } as Annotation
}

export const TRAVERSAL = '../../outside/secret'

export async function snapshotFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const file of await filesIn(dir)) {
    if (file.endsWith('.lock')) continue
    out[file.slice(dir.length + 1)] = await readFile(file, 'utf8')
  }
  return out
}
