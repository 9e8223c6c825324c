// Two archives syncing through a real CouchDB-protocol server (test/sync/run-sync-suite.ts): a sync killed at
// any moment and run again, and what arrives from the remote passing the records gate.
import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { bundleChild } from '../../../test/reliability/bundle-child'
import { TEXT, archiveFiles, syncSuite } from '../../../test/sync/run-sync-suite'
import { sampleTarget } from '../../../test/temp-archive'

const { worker, team } = syncSuite()

describe('glossa sync through pouchdb-server: kills and hostile documents', () => {
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
        const proc = spawn(process.execPath, [child.file, dir, url, 'ann', 'pw-ann', worker().file], {
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
