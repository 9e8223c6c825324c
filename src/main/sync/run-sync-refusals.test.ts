// Two archives syncing through a real CouchDB-protocol server (test/sync/run-sync-suite.ts): what goes wrong
// — a wrong password, no server, no database, a server dropping connections, a read-only member — and the
// `glossa sync` command's output.
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { diffSnapshots, snapshot } from '../../../test/reliability/archive-snapshot'
import { serviceHarness } from '../../../test/service-harness'
import { TEXT, members, syncSuite } from '../../../test/sync/run-sync-suite'
import { sampleTarget, tempDir } from '../../../test/temp-archive'
import { runSyncCommand } from '../../cli/sync-command'
import { nodeProcess } from '../jobs/job-process'
import { runSync } from './run-sync'
import { readSyncState } from './state'

const { couch, worker, team, dbName } = syncSuite()

describe('glossa sync through pouchdb-server: refusals and the command', () => {
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
    const job = () => nodeProcess(worker().file)
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
        { url: `${couch().url}/no-such-db`, username: 'admin', password: 'admin-secret' },
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
            nodeProcess(worker().file),
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
    const url = await couch().team(dbName(), members, ['ro'])
    const job = () => nodeProcess(worker().file)
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
  it('glossa sync prints what moved, --json for scripts, and a clear message on a wrong password', async () => {
    const { url, a } = await team()
    await a.call('articles.create', { title: 'Harbour plan', text: TEXT })
    const lines: string[] = []
    const errors: string[] = []
    const run = (flags: { user?: string; json?: boolean }) =>
      runSyncCommand(
        a.archive,
        { remote: url, json: false, ...flags },
        () => nodeProcess(worker().file),
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
})
