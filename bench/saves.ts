// Bench (Node): the save loop, run alike on the sharded archive and on the one-file baseline — through the
// real `dispatch` (contract validation included), as Electron's IPC and browser mode call the service.
import type { Handlers } from '../src/shared/contract'
import { describe } from '../src/shared/anchoring'
import { dispatch } from '../src/shared/dispatch'
import type { Annotation, Article } from '../src/shared/types'
import { createRandom } from './random'

export type SaveSamples = { create: number[]; update: number[]; delete: number[] }

async function call<T>(handlers: Handlers, method: string, args: unknown): Promise<T> {
  const result = await dispatch(handlers, method, args)
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`)
  return result.value as T
}

/**
 * For each repetition: open an article as the reader does (articles.get, annotations.list — not timed), then
 * time the three saves the researcher makes: create a highlight, add a note and tags to it, delete it.
 * The archive ends as it began. Warm-up repetitions run first and are not recorded.
 */
export async function runSaves(opts: {
  handlers: Handlers
  articleIds: string[]
  reps: number
  warmup: number
  seed: number
  /** Hears every save (warm-up included): which, when it started (performance.now()) and how long it took. */
  onSave?: (op: 'create' | 'update' | 'delete', start: number, ms: number) => void
}): Promise<SaveSamples> {
  const { handlers, articleIds } = opts
  const r = createRandom(opts.seed)
  const samples: SaveSamples = { create: [], update: [], delete: [] }
  for (let i = 0; i < opts.warmup + opts.reps; i++) {
    const articleId = r.pick(articleIds)
    const article = await call<Article>(handlers, 'articles.get', { id: articleId })
    await call<Annotation[]>(handlers, 'annotations.list', { articleId })
    const start = r.int(0, Math.max(0, article.text.length - 120))
    const target = describe(article.text, start, Math.min(article.text.length, start + r.int(20, 110)))

    let t = performance.now()
    const created = await call<Annotation>(handlers, 'annotations.create', {
      articleId,
      target,
      color: 'green',
    })
    const create = performance.now() - t
    opts.onSave?.('create', t, create)

    t = performance.now()
    await call(handlers, 'annotations.update', {
      articleId,
      id: created.id,
      note: 'Check this figure against the ministry’s release.',
      tags: ['bench/edited', 'to-check'],
    })
    const update = performance.now() - t
    opts.onSave?.('update', t, update)

    t = performance.now()
    await call(handlers, 'annotations.delete', { articleId, id: created.id })
    const remove = performance.now() - t
    opts.onSave?.('delete', t, remove)

    if (i < opts.warmup) continue
    samples.create.push(create)
    samples.update.push(update)
    samples.delete.push(remove)
  }
  return samples
}
