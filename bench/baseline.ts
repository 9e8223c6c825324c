// Bench (Node): the naive design the archive is compared with — ONE lowdb JSON file (JSONFilePreset, pretty
// printed as lowdb does) holding every article with its body and every annotation. Each save rewrites it all.
import { Low } from 'lowdb'
import { JSONFile, JSONFilePreset } from 'lowdb/node'
import { Archive } from '../src/main/archive/archive'
import type { Handlers } from '../src/shared/contract'
import { METHOD_NAMES } from '../src/shared/contract'
import { newAnnotation } from '../src/main/handlers/annotations'
import type { Annotation, Article } from '../src/shared/types'

export type BaselineDoc = { articles: Article[]; annotations: Annotation[] }

/** Copies the generated archive into the one-file layout (setup, not measured). */
export async function buildBaseline(archiveDir: string, file: string): Promise<void> {
  const archive = await Archive.open(archiveDir)
  const doc: BaselineDoc = { articles: [], annotations: [] }
  for (const meta of archive.list()) {
    doc.articles.push(await archive.getArticle(meta.id))
    doc.annotations.push(...(await archive.listAnnotations(meta.id)))
  }
  await new Low<BaselineDoc>(new JSONFile(file), doc).write()
}

export async function openBaseline(file: string): Promise<Low<BaselineDoc>> {
  // JSONFilePreset swaps in an in-memory adapter when NODE_ENV is 'test'; the baseline must hit the disk.
  if (process.env.NODE_ENV === 'test') delete process.env.NODE_ENV
  return JSONFilePreset<BaselineDoc>(file, { articles: [], annotations: [] })
}

/** The reader's five methods implemented the naive way; every other method is refused. */
export function baselineHandlers(db: Low<BaselineDoc>): Handlers {
  const refuse = async () => {
    throw new Error('not part of the baseline')
  }
  const article = (id: string) => {
    const found = db.data.articles.find((a) => a.id === id)
    if (!found) throw new Error(`no article ${id}`)
    return found
  }
  const recount = (articleId: string) => {
    const list = db.data.annotations.filter((a) => a.articleId === articleId)
    const counts = { highlights: 0, figures: 0, notes: 0 }
    for (const a of list) {
      if (a.kind === 'figure') counts.figures++
      else counts.highlights++
      if (a.note.trim()) counts.notes++
    }
    article(articleId).counts = counts
  }
  const indexOf = (id: string) => {
    const index = db.data.annotations.findIndex((a) => a.id === id)
    if (index < 0) throw new Error(`no annotation ${id}`)
    return index
  }
  const handlers = Object.fromEntries(METHOD_NAMES.map((m) => [m, refuse])) as unknown as Handlers
  return {
    ...handlers,
    'articles.get': async ({ id }) => article(id),
    'annotations.list': async ({ articleId }) => db.data.annotations.filter((a) => a.articleId === articleId),
    'annotations.create': async (args) => {
      const annotation = newAnnotation(args, new Date().toISOString())
      const { articleId } = args
      db.data.annotations.push(annotation)
      recount(articleId)
      await db.write()
      return annotation
    },
    'annotations.update': async ({ articleId, id, figure: _figure, ...patch }) => {
      const index = indexOf(id)
      const next = { ...db.data.annotations[index], ...patch, updatedAt: new Date().toISOString() }
      db.data.annotations[index] = next as Annotation
      recount(articleId)
      await db.write()
      return db.data.annotations[index]
    },
    'annotations.delete': async ({ articleId, id }) => {
      db.data.annotations.splice(indexOf(id), 1)
      recount(articleId)
      await db.write()
      return { ok: true as const }
    },
  }
}
