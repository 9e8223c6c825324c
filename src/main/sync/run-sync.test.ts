// Two archives syncing through a real CouchDB-protocol server (pouchdb-server, in memory, started here), with
// the sync job running as the app runs it: a process of its own, from the bundled sync-worker.
import { spawn } from 'node:child_process'
import { readFile, readdir } from 'node:fs/promises'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleChild } from '../../../test/reliability/bundle-child'
import type { BundledChild } from '../../../test/reliability/bundle-child'
import { diffSnapshots, snapshot } from '../../../test/reliability/archive-snapshot'
import { serviceHarness } from '../../../test/service-harness'
import { sampleTarget, tempDir } from '../../../test/temp-archive'
import { startCouch } from '../../../test/sync/couch-server'
import type { CouchServer } from '../../../test/sync/couch-server'
import { runSyncCommand } from '../../cli/sync-command'
import { nodeProcess } from '../jobs/job-process'
import { resolveConflict } from './resolve'
import { runSync } from './run-sync'
import { readSyncState } from './state'

let couch: CouchServer
let worker: BundledChild
beforeAll(async () => {
  ;[couch, worker] = await Promise.all([startCouch(), bundleChild('src/main/sync/sync-worker.ts')])
}, 120_000)
afterAll(async () => {
  await couch?.stop()
  await worker?.dispose()
})

const TEXT = 'The harbour plan costs 40 million euros, the council said on Tuesday.'
let dbCount = 0
const members = { ann: 'pw-ann', rob: 'pw-rob', ro: 'pw-ro' }

async function team() {
  // No design document: pouchdb-server 4.2.0's validation drops replicated (new_edits: false) writes to a
  // database that has a validate_doc_update, so only the read-only test's database has one.
  const url = await couch.team(`team${++dbCount}`, members)
  const open = async (dir?: string) => {
    const h = await serviceHarness(dir ?? (await tempDir()))
    const sync = (user = 'ann', password = members[user as keyof typeof members]) =>
      runSync(h.archive, { url, username: user, password }, () => nodeProcess(worker.file))
    return { ...h, sync }
  }
  return { url, open, a: await open(), b: await open() }
}

/** Every file of an archive that sync should make equal (not the sync state, the lock or backups). */
async function archiveFiles(dir: string): Promise<Record<string, unknown>> {
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
async function catalogOf(h: { archive: { list(): unknown[] } }) {
  return JSON.parse(JSON.stringify(h.archive.list())) as unknown[]
}

describe('glossa sync through pouchdb-server', () => {
  it('an article and an annotation made in A appear in B with the same ids and fields', async () => {
    const { a, b } = await team()
    const article = await a.call('articles.create', { title: 'Harbour plan', text: TEXT, tags: ['budget'] })
    const note = await a.call('annotations.create', {
      articleId: article.id,
      note: 'Check the **40 million**',
      tags: ['budget/harbour'],
      target: sampleTarget(TEXT, '40 million euros'),
    })
    await a.call('tags.setColor', { name: 'budget', color: 'green' })
    const coll = await a.call('collections.create', { name: 'Port' })
    await a.archive.updateArticle(article.id, { collections: [coll.id] })

    const sent = await a.sync()
    expect(sent.sent).toBe(4)
    const got = await b.sync()
    expect(got.received).toBe(4)

    expect(await b.call('annotations.list', { articleId: article.id })).toEqual([note])
    const inB = await b.call('articles.get', { id: article.id })
    expect(inB).toEqual(await a.call('articles.get', { id: article.id }))
    expect(await b.call('collections.list', {})).toEqual(await a.call('collections.list', {}))
    expect((await b.call('tags.list', {})).find((t) => t.name === 'budget')?.color).toBe('green')
    expect(await catalogOf(b)).toEqual(await catalogOf(a))

    // Nothing changed since: a second sync on either side sends and takes in nothing.
    expect((await a.sync()).sent).toBe(0)
    expect(await b.sync()).toMatchObject({ sent: 0, received: 0 })
  }, 60_000)

  it('a deletion propagates: annotation, then article to the trash, then restored', async () => {
    const { a, b } = await team()
    const article = await a.call('articles.create', { title: 'Harbour plan', text: TEXT })
    const note = await a.call('annotations.create', {
      articleId: article.id,
      note: 'x',
      target: sampleTarget(TEXT, 'council'),
    })
    await a.sync()
    await b.sync()
    await b.call('annotations.delete', { articleId: article.id, id: note.id })
    await b.sync()
    await a.sync()
    expect(await a.call('annotations.list', { articleId: article.id })).toEqual([])

    await a.call('articles.delete', { ids: [article.id] })
    await a.sync()
    await b.sync()
    expect(b.archive.catalog.has(article.id)).toBe(false)
    expect(await b.call('articles.restore', { ids: [article.id] })).toHaveLength(1)
    await b.sync()
    await a.sync()
    expect(a.archive.catalog.has(article.id)).toBe(true)
    expect(await archiveFiles(a.dir)).toEqual(await archiveFiles(b.dir))
  }, 60_000)

  it('concurrent edits of one note: one conflict on both sides, both texts kept', async () => {
    const { a, b } = await team()
    const article = await a.call('articles.create', { title: 'Harbour plan', text: TEXT })
    const note = await a.call('annotations.create', {
      articleId: article.id,
      note: 'first',
      target: sampleTarget(TEXT, 'council'),
    })
    await a.sync()
    await b.sync()
    await a.call('annotations.update', { articleId: article.id, id: note.id, note: 'text from A' })
    await b.call('annotations.update', { articleId: article.id, id: note.id, note: 'text from B' })
    await a.sync()
    const inB = await b.sync()
    await a.sync()
    expect(inB.conflicts).toEqual([{ id: `annotation:${article.id}:${note.id}`, losers: 1 }])
    for (const side of [a, b]) {
      const [kept] = await side.call('annotations.list', { articleId: article.id })
      const state = await readSyncState(side.dir)
      const conflict = state.conflicts[`annotation:${article.id}:${note.id}`]!
      const loser = conflict.losers[0]!.doc as { annotation: { note: string } }
      expect([kept!.note, loser.annotation.note].sort()).toEqual(['text from A', 'text from B'])
    }
    expect(await archiveFiles(a.dir)).toEqual(await archiveFiles(b.dir))

    // B merges the two texts; after a sync each way the conflict is gone everywhere and the merge is kept.
    const docId = `annotation:${article.id}:${note.id}`
    const [current] = await b.call('annotations.list', { articleId: article.id })
    await resolveConflict(b.archive, docId, {
      doc: { type: 'annotation', annotation: { ...current, note: 'text from A\n\ntext from B' } },
    })
    await b.sync()
    const inA = await a.sync()
    expect(inA.conflicts).toEqual([])
    expect((await b.sync()).conflicts).toEqual([])
    for (const side of [a, b])
      expect((await side.call('annotations.list', { articleId: article.id }))[0]!.note).toBe(
        'text from A\n\ntext from B',
      )
    expect(await archiveFiles(a.dir)).toEqual(await archiveFiles(b.dir))
  }, 90_000)

  it('refuses a wrong password, an unreachable server and a missing database, changing nothing here', async () => {
    const { url, a } = await team()
    const article = await a.call('articles.create', { title: 'Harbour plan', text: TEXT })
    await a.call('annotations.create', {
      articleId: article.id,
      note: 'n',
      target: sampleTarget(TEXT, 'council'),
    })
    await a.archive.flush()
    const before = await snapshot(a.dir)
    const job = () => nodeProcess(worker.file)
    await expect(a.sync('ann', 'wrong')).rejects.toMatchObject({
      code: 'unauthorized',
      message: expect.stringContaining('refused user “ann”'),
    })
    const closed = url.replace(/:\d+\//, ':9/')
    await expect(
      runSync(a.archive, { url: closed, username: 'ann', password: 'x' }, job),
    ).rejects.toMatchObject({
      code: 'unreachable',
      message: expect.stringContaining('Could not reach http://127.0.0.1:9/'),
    })
    await expect(
      runSync(
        a.archive,
        { url: `${couch.url}/no-such-db`, username: 'admin', password: 'admin-secret' },
        job,
      ),
    ).rejects.toMatchObject({ code: 'no_database' })
    expect(diffSnapshots(before, await snapshot(a.dir))).toEqual([])
  }, 60_000)

  it('a server that drops every connection mid-request is "Could not reach", not a crashed sync', async () => {
    // What a team server stopped during a sync looks like: the connection is taken, then reset.
    // The first request (the database's info) is answered; every later one is reset.
    let answered = 0
    const server = createServer((socket) =>
      socket.once('data', () => {
        if (answered++ > 0) return socket.resetAndDestroy()
        const body = JSON.stringify({ db_name: 'team', doc_count: 0, update_seq: '0' })
        socket.end(
          `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
        )
      }),
    )
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    const { port } = server.address() as AddressInfo
    try {
      const a = await serviceHarness(await tempDir())
      await a.call('articles.create', { title: 'Harbour plan', text: TEXT })
      await a.archive.flush()
      const before = await snapshot(a.dir)
      for (let i = 0; i < 3; i++) {
        answered = 0
        await expect(
          runSync(a.archive, { url: `http://127.0.0.1:${port}/team/`, username: 'ann', password: 'x' }, () =>
            nodeProcess(worker.file),
          ),
        ).rejects.toMatchObject({
          code: 'unreachable',
          message: expect.stringContaining(`Could not reach http://127.0.0.1:${port}/`),
        })
      }
      // Nothing of the archive changed (the sync's own local replica may have been made).
      const changed = diffSnapshots(before, await snapshot(a.dir))
      expect(changed.filter((line) => !line.includes('sync/replica/'))).toEqual([])
    } finally {
      server.close()
    }
  }, 60_000)

  it('a read-only member receives everything and cannot send; the change stays and waits', async () => {
    const url = await couch.team(`team${++dbCount}`, members, ['ro'])
    const job = () => nodeProcess(worker.file)
    const a = await serviceHarness(await tempDir())
    const r = await serviceHarness(await tempDir())
    const article = await a.call('articles.create', { title: 'Harbour plan', text: TEXT })
    await a.call('annotations.create', {
      articleId: article.id,
      note: 'n',
      target: sampleTarget(TEXT, 'council'),
    })
    await runSync(a.archive, { url, username: 'ann', password: 'pw-ann' }, job)
    const got = await runSync(r.archive, { url, username: 'ro', password: 'pw-ro' }, job)
    expect(got.received).toBe(2)
    const mine = await r.call('annotations.create', {
      articleId: article.id,
      note: 'only mine',
      target: sampleTarget(TEXT, 'harbour'),
    })
    const report = await runSync(r.archive, { url, username: 'ro', password: 'pw-ro' }, job)
    expect(report.waiting).toEqual([
      { id: `annotation:${article.id}:${mine.id}`, reason: 'read-only member of this database' },
    ])
    expect((await r.call('annotations.list', { articleId: article.id })).map((x) => x.note)).toContain(
      'only mine',
    )
    const state = await readSyncState(r.dir)
    expect(Object.keys(state.waiting)).toEqual([`annotation:${article.id}:${mine.id}`])
    // Offered again next time, still refused, still kept.
    expect((await runSync(r.archive, { url, username: 'ro', password: 'pw-ro' }, job)).waiting).toHaveLength(
      1,
    )
  }, 60_000)

  it('1,000 annotations made on each side converge to identical files', async () => {
    const { a, b } = await team()
    const article = await a.call('articles.create', { title: 'Harbour plan', text: TEXT })
    await a.sync()
    await b.sync()
    const many = (side: string) =>
      Array.from({ length: 1000 }, (_, i) => ({
        id: `${side}${String(i).padStart(5, '0')}`,
        articleId: article.id,
        kind: 'highlight' as const,
        color: 'yellow' as const,
        note: `${side} note ${i}`,
        tags: [],
        target: sampleTarget(TEXT, 'council'),
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i, side === 'a' ? 0 : 500)).toISOString(),
        updatedAt: '2026-01-01T00:00:00.000Z',
      }))
    await a.archive.changeAnnotations(article.id, (list) => list.push(...many('a')))
    await b.archive.changeAnnotations(article.id, (list) => list.push(...many('b')))
    await a.sync()
    await b.sync()
    await a.sync()
    expect(await a.call('annotations.list', { articleId: article.id })).toHaveLength(2000)
    expect(await archiveFiles(a.dir)).toEqual(await archiveFiles(b.dir))
  }, 180_000)

  it('a sync killed at any moment, then run again: identical archives, nothing lost or duplicated', async () => {
    const child = await bundleChild('test/sync/sync-child.ts')
    try {
      const { url, open, a, b } = await team()
      const article = await a.call('articles.create', { title: 'Harbour plan', text: TEXT })
      await a.archive.changeAnnotations(article.id, (list) => {
        for (let i = 0; i < 300; i++)
          list.push({
            id: `note${String(i).padStart(4, '0')}`,
            articleId: article.id,
            kind: 'highlight',
            color: 'green',
            note: `note ${i}`,
            tags: [],
            target: sampleTarget(TEXT, 'council'),
            createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
            updatedAt: '2026-01-01T00:00:00.000Z',
          })
      })
      await a.archive.flush()
      for (const [dir, delay] of [
        [a.dir, 300],
        [a.dir, 1500],
        [b.dir, 900],
        [b.dir, 2500],
      ] as const) {
        const proc = spawn(process.execPath, [child.file, dir, url, 'ann', 'pw-ann', worker.file], {
          stdio: ['ignore', 'pipe', 'inherit'],
        })
        await new Promise((resolve) => proc.stdout.once('data', resolve))
        await new Promise((resolve) => setTimeout(resolve, delay))
        proc.kill('SIGKILL')
        await new Promise((resolve) =>
          proc.exitCode !== null || proc.signalCode ? resolve(null) : proc.once('exit', resolve),
        )
      }
      const a2 = await open(a.dir)
      const b2 = await open(b.dir)
      await a2.sync()
      await b2.sync()
      await a2.sync()
      const notes = await b2.call('annotations.list', { articleId: article.id })
      expect(notes).toHaveLength(300)
      expect(new Set(notes.map((n) => n.id)).size).toBe(300)
      expect(await archiveFiles(a2.dir)).toEqual(await archiveFiles(b2.dir))
      expect(await a2.sync()).toMatchObject({ sent: 0, received: 0, conflicts: [] })
    } finally {
      await child.dispose()
    }
  }, 180_000)

  it('glossa sync prints what moved, --json for scripts, and a clear message on a wrong password', async () => {
    const { url, a } = await team()
    await a.call('articles.create', { title: 'Harbour plan', text: TEXT })
    const lines: string[] = []
    const errors: string[] = []
    const run = (flags: { user?: string; json?: boolean }) =>
      runSyncCommand(
        a.archive,
        { remote: url, json: false, ...flags },
        () => nodeProcess(worker.file),
        (line) => lines.push(line),
        (line) => errors.push(line),
      )
    process.env.GLOSSA_SYNC_PASSWORD = 'pw-ann'
    expect(await run({ user: 'ann' })).toBe(0)
    expect(lines).toEqual([`Synced with ${url}: 1 sent, 0 received.`])
    lines.length = 0
    expect(await run({ user: 'ann', json: true })).toBe(0)
    expect(JSON.parse(lines.join('\n'))).toMatchObject({ ok: true, sent: 0, received: 0, conflicts: [] })
    process.env.GLOSSA_SYNC_PASSWORD = 'nope'
    expect(await run({ user: 'ann' })).toBe(1)
    expect(errors).toEqual([
      `glossa sync: The server at ${url} refused user “ann”: check the user name and password (the password is read from GLOSSA_SYNC_PASSWORD).`,
    ])
    delete process.env.GLOSSA_SYNC_PASSWORD
    expect(await run({ user: 'ann' })).toBe(2)
    expect(errors.at(-1)).toBe('Set GLOSSA_SYNC_PASSWORD to the password of “ann”.')
  }, 60_000)

  it('what arrives from the remote passes the gate: HTML sanitized, bad addresses dropped, bad docs refused', async () => {
    const { url, b } = await team()
    const auth = { Authorization: `Basic ${Buffer.from('ann:pw-ann').toString('base64')}` }
    const meta = { id: 'hostile1', title: 'Hostile', addedAt: '2026-01-01T00:00:00Z', tags: [] }
    const docs = [
      {
        _id: 'article:hostile1',
        type: 'article',
        meta: { ...meta, url: 'javascript:alert(1)' },
        text: 'Plain words here.',
        html: '<p onclick="x()">Plain words here.</p><script>alert(1)</script>',
      },
      { _id: 'article:hostile2', type: 'article', meta: { ...meta, id: 'other99' }, text: 'x' },
      { _id: 'annotation:hostile1:ann00001', type: 'annotation', annotation: { id: 'ann00001', note: 5 } },
      { _id: 'annotation:nowhere1:ann00002', type: 'annotation', annotation: { id: 'ann00002' } },
      { _id: 'tag:x', type: 'tag', name: 'x', color: 'url(javascript:1)' },
      { _id: 'something-else', type: 'article' },
    ]
    const res = await fetch(`${url}/_bulk_docs`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs }),
    })
    expect(res.status).toBe(201)
    const report = await b.sync()
    const article = await b.call('articles.get', { id: 'hostile1' })
    expect(article.html).toBe('<p>Plain words here.</p>')
    expect(article.url).toBeUndefined()
    expect(report.refused.map((r) => r.id).sort()).toEqual([
      'annotation:hostile1:ann00001',
      'annotation:nowhere1:ann00002',
      'article:hostile2',
      'something-else',
      'tag:x',
    ])
    expect(report.refused.find((r) => r.id === 'article:hostile2')?.reason).toContain(
      'holds "article:other99"',
    )
    expect(b.archive.list().map((m) => m.id)).toEqual(['hostile1'])
  }, 60_000)
})
