// Tests (Node): the archive the contract fuzz runs against — a few articles, annotations, tags, collections and
// one article in the trash — built through the real service, and put back when the fuzz deletes part of it.
import { Archive } from '../../src/main/archive/archive'
import { ImportError } from '../../src/main/import'
import type { fetchPage } from '../../src/main/import'
import { Importer } from '../../src/main/importer'
import { createService } from '../../src/main/service'
import type { Handlers } from '../../src/shared/contract'
import { dispatch } from '../../src/shared/dispatch'
import { sampleTarget } from '../temp-archive'
import { typedCall } from '../typed-call'
import type { FuzzContext } from './fuzz-cases'

const TEXT =
  'In total there were 500 missile and drone strikes.\n\nUkraine was able to repulse 70% on average.'

/** The fuzz must never reach the network: import.url fails as it would offline. */
const offline: typeof fetchPage = async () => {
  throw new ImportError('fetch_failed', 'This test runs offline; the page was not downloaded.')
}

export type Fixture = { archive: Archive; handlers: Handlers; ctx: FuzzContext; heal: () => Promise<void> }

export async function fuzzFixture(dir: string): Promise<Fixture> {
  const archive = await Archive.open(dir)
  const handlers = createService({ archive, version: 'fuzz', importer: new Importer(archive, offline) })
  const call = typedCall(async (method, args) => {
    const result = await dispatch(handlers, method, args)
    if (!result.ok) throw new Error(`fixture: ${method} failed: ${result.error.message}`)
    return result.value
  })
  const article = async (title: string, text: string, tags: string[]) =>
    (await call('articles.create', { title, text, tags })).id
  const articles = [
    await article('Strikes', TEXT, ['war']),
    await article('Prices', 'Prices rose 4.2% in March, the statistics office said.', []),
    await article('Old news', 'An old report of 12 incidents.', ['obsolete', 'war']),
  ]
  const gone = await article('Gone', 'A deleted report of 3 incidents.', [])
  await call('articles.delete', { ids: [gone] })
  const target = sampleTarget(TEXT, '70%')
  const annotation = (articleId: string, extra: object) =>
    call('annotations.create', { articleId, target, tags: ['strikes'], ...extra })
  const saved = [
    await annotation(articles[0], { figure: { value: 70, unit: '%', metric: 'strikes/repelled' } }),
    await annotation(articles[0], { note: 'second', color: 'pink' }),
    await annotation(articles[1], { tags: ['obsolete'] }),
  ]
  const names = ['Reading list', 'Later']
  const collections = [
    (await call('collections.create', { name: names[0] })).id,
    (await call('collections.create', { name: names[1] })).id,
  ]
  await call('articles.bulkUpdate', { ids: [articles[1]], addCollections: [collections[1]] })
  await call('tags.setColor', { name: 'war', color: 'orange' })
  const snapshots = [(await call('backups.create', {})).id]

  /** Restores what accepted fuzz calls deleted, so later cases still reach deep code paths. */
  const heal = async () => {
    for (const id of articles) if (!archive.catalog.has(id)) await archive.restoreArticle(id).catch(() => {})
    if (archive.catalog.has(gone)) await archive.deleteArticle(gone)
    for (const a of saved) {
      if (!archive.catalog.has(a.articleId)) continue
      const present = (await archive.listAnnotations(a.articleId)).some((x) => x.id === a.id)
      if (!present) await archive.changeAnnotations(a.articleId, (list) => list.push(structuredClone(a)))
    }
    for (const [i, id] of collections.entries())
      if (!archive.collections.has(id)) await archive.collections.put(id, names[i]).catch(() => {})
    // Catalog counts are written after an annotation is acknowledged: let them land before comparing bytes.
    await archive.flush()
  }
  const ctx: FuzzContext = {
    text: TEXT,
    target,
    articles,
    annotations: saved.map((a) => ({ articleId: a.articleId, id: a.id })),
    collections,
    trashed: [gone],
    snapshots,
  }
  return { archive, handlers, ctx, heal }
}
