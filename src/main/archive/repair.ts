// Main process: repairing a damaged archive file from a snapshot. The damaged file is never overwritten: it
// is moved aside as <name>.corrupt-<time>, and a new one is written from the snapshot (and, for the
// catalog, from the bodies and annotations still on disk).
import { access, readdir, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { GlossaError } from '../../shared/errors'
import type { Backup } from '../../shared/export'
import type { Annotation } from '../../shared/types'
import { summarize } from './archive'
import type { Archive } from './archive'
import { writeAtomic } from './atomic'
import { belongsIn } from './catalog-layout'
import { articleFile, isPlainId, textHash } from './ids'
import { CURRENT_VERSION } from './migrations'
import { admitMeta } from './records'
import { readRegular } from './regular-file'

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  )

async function moveAside(archive: Archive, rel: string, now: Date): Promise<string | null> {
  const from = join(archive.dir, rel)
  if (!(await exists(from))) return null
  const aside = `${rel}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`
  await rename(from, join(archive.dir, aside))
  return aside
}

async function annotationsFor(archive: Archive, id: string, snapshot: Backup): Promise<Annotation[]> {
  return archive.listAnnotations(id).catch(() => snapshot.annotations.filter((a) => a.articleId === id))
}

async function repairCatalogBucket(archive: Archive, bucket: string, snapshot: Backup): Promise<void> {
  await archive.catalog.resetBucket(bucket)
  const fromSnapshot = snapshot.articles.filter((a) => belongsIn(a.id, bucket))
  const bodies = (await readdir(join(archive.dir, 'bodies'))).filter(
    (n) => n.startsWith(bucket.slice(0, 2)) && n.endsWith('.json'),
  )
  const onDisk = new Set(
    bodies.map((n) => n.slice(0, -'.json'.length)).filter((id) => isPlainId(id) && belongsIn(id, bucket)),
  )
  for (const { text, html, ...meta } of fromSnapshot) {
    if (!onDisk.has(meta.id)) await writeBody(archive, meta.id, { text, html })
    const admitted = admitMeta(meta).value
    await archive.catalog.put({ ...admitted, ...summarize(await annotationsFor(archive, meta.id, snapshot)) })
  }
  // Articles added after the snapshot still have their bodies: bring them back with what the body tells.
  for (const id of onDisk) {
    if (archive.catalog.has(id)) continue
    const text = await bodyText(archive, id)
    // Not a body Glossa wrote (a pipe, a link, damaged): left as it is, and not brought back.
    if (text === undefined) continue
    const title = text.split('\n')[0].slice(0, 120) || 'Recovered article'
    const annotations = await annotationsFor(archive, id, snapshot)
    await archive.catalog.put({
      id,
      title,
      tags: ['recovered'],
      addedAt: new Date().toISOString(),
      textHash: textHash(text),
      length: text.length,
      ...summarize(annotations),
    })
  }
}

/**
 * The text of a body on disk, read only as a regular file (a named pipe there made the repair wait forever) and
 * only when it is a string (a body of `{"text": 5}` failed the repair with an internal error).
 */
async function bodyText(archive: Archive, id: string): Promise<string | undefined> {
  try {
    const { text } = JSON.parse(await readRegular(articleFile(archive.dir, 'bodies', id))) as {
      text?: unknown
    }
    return typeof text === 'string' ? text : undefined
  } catch {
    return undefined
  }
}

/** A body from a snapshot, through the archive's one gate (a snapshot file is as hostile as any backup). */
async function writeBody(archive: Archive, id: string, body: { text: string; html?: string }) {
  const { text, html } = (await archive.admitBody(body, id)).value
  await writeAtomic(
    articleFile(archive.dir, 'bodies', id),
    JSON.stringify({ version: CURRENT_VERSION.body, id, text, ...(html ? { html } : {}) }),
  )
}

/** Repairs one damaged file; returns a sentence saying what was done. */
export async function repairFile(
  archive: Archive,
  rel: string,
  snapshot: Backup,
  now = new Date(),
): Promise<string> {
  const aside = await moveAside(archive, rel, now)
  const kept = aside ? ` The damaged file was kept as ${aside}.` : ''
  let match: RegExpExecArray | null
  if ((match = /^catalog\/([^/]+)\.json$/.exec(rel))) {
    await repairCatalogBucket(archive, match[1], snapshot)
  } else if ((match = /^annotations\/([^/]+)\.json$/.exec(rel))) {
    const id = match[1]
    archive.annotations.forget(id)
    const annotations = snapshot.annotations.filter((a) => a.articleId === id)
    await archive.changeAnnotations(id, (list) => list.splice(0, list.length, ...annotations))
  } else if ((match = /^bodies\/([^/]+)\.json$/.exec(rel))) {
    const article = snapshot.articles.find((a) => a.id === match![1])
    if (!article) throw new GlossaError('not_found', `The snapshot has no copy of article ${match[1]}.`)
    await writeBody(archive, article.id, article)
  } else if (rel === 'tags.json') {
    await archive.tagStore.load()
    for (const [name, color] of Object.entries(snapshot.tagColors))
      await archive.tagStore.setColor(name, color)
  } else if (rel === 'collections.json') {
    await archive.collections.load()
    for (const c of snapshot.collections) await archive.collections.put(c.id, c.name)
  } else {
    throw new GlossaError('invalid_argument', `Glossa does not know how to repair ${rel}.`)
  }
  archive.clearProblem(rel)
  return `Repaired ${rel} from the snapshot of ${snapshot.generatedAt.slice(0, 10)}.${kept}`
}
