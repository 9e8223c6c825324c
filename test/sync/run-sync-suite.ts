// Tests (Node): two archives syncing through a real CouchDB-protocol server (pouchdb-server, in memory), with the
// sync job running as the app runs it: a process of its own, from the bundled sync-worker. For the run-sync suites.
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { nodeProcess } from '../../src/main/jobs/job-process'
import { runSync } from '../../src/main/sync/run-sync'
import { bundleChild } from '../reliability/bundle-child'
import type { BundledChild } from '../reliability/bundle-child'
import { serviceHarness } from '../service-harness'
import { sampleTarget, tempDir } from '../temp-archive'
import { startCouch } from './couch-server'
import type { CouchServer } from './couch-server'

export const TEXT = 'The harbour plan costs 40 million euros, the council said on Tuesday.'
export const members = { ann: 'pw-ann', rob: 'pw-rob', ro: 'pw-ro' }

/**
 * Starts the server and bundles the worker before the calling file's tests, stops them after; `couch()` and
 * `worker()` give them to the tests, `team()` a fresh database with two archives (a, b) and `open` for more.
 */
export function syncSuite() {
  let couch: CouchServer
  let worker: BundledChild
  let dbCount = 0
  beforeAll(async () => {
    ;[couch, worker] = await Promise.all([startCouch(), bundleChild('src/main/sync/sync-worker.ts')])
  }, 120_000)
  afterAll(async () => {
    await couch?.stop()
    await worker?.dispose()
  })

  /** A database name no other test of the file uses. */
  const dbName = () => `team${++dbCount}`

  async function team() {
    // No design document: pouchdb-server 4.2.0's validation drops replicated (new_edits: false) writes to a
    // database that has a validate_doc_update, so only the read-only test's database has one.
    const url = await couch.team(dbName(), members)
    const open = async (dir?: string) => {
      const h = await serviceHarness(dir ?? (await tempDir()))
      const sync = (user = 'ann', password = members[user as keyof typeof members]) =>
        runSync(h.archive, { url, username: user, password }, () => nodeProcess(worker.file))
      return { ...h, sync }
    }
    return { url, open, a: await open(), b: await open() }
  }
  return { couch: () => couch, worker: () => worker, team, dbName }
}

/** One archive of a team (`team().a`, `team().b` or `team().open()`): the service harness with `sync`. */
export type Member = Awaited<ReturnType<ReturnType<typeof syncSuite>['team']>>['a']

/** An article of TEXT made in `member` with one note on "council", both sent to the team's database. */
export async function syncedNote(member: Member, note = 'first') {
  const article = await member.call('articles.create', { title: 'Harbour plan', text: TEXT })
  const annotation = await member.call('annotations.create', {
    articleId: article.id,
    note,
    target: sampleTarget(TEXT, 'council'),
  })
  await member.sync()
  return { article, note: annotation }
}

/** Headers for writing straight into the team's database as a member (rob unless named), not through Glossa. */
export function memberHeaders(user: keyof typeof members = 'rob') {
  const basic = Buffer.from(`${user}:${members[user]}`).toString('base64')
  return { Authorization: `Basic ${basic}`, 'Content-Type': 'application/json' }
}

/** Every file of an archive that sync should make equal (not the sync state, the lock or backups). */
export async function archiveFiles(dir: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {}
  for (const folder of ['catalog', 'bodies', 'annotations', 'trash']) {
    const names = await readdir(join(dir, folder)).catch(() => [] as string[])
    for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.')))
      // Parsed: the same record may list its keys in another order on each side.
      out[`${folder}/${name}`] = JSON.parse(await readFile(join(dir, folder, name), 'utf8'))
  }
  return out
}

/** A catalog file's entries without `addedAt`-independent noise: the catalog is compared entry by entry. */
export async function catalogOf(h: { archive: { list(): unknown[] } }) {
  return JSON.parse(JSON.stringify(h.archive.list())) as unknown[]
}
