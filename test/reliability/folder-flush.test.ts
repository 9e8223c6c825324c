// Tests (Node): an acknowledged save survives a power cut — its annotations file is renamed into place and then
// the folder holding it is flushed (fsync of a descriptor opened on the folder) before the save is acknowledged.
// Until the folder is flushed, a power cut can undo the rename (ext4 commits its journal every ~5 s) and bring
// the old file back. Checked on the system calls of real saves: a bundled child makes them under strace, and the
// trace is read in order. Where strace is missing or cannot trace (a CI box without it, ptrace refused), these
// tests are skipped and say why; atomic-folder-flush.test.ts checks the order through the pool path everywhere.
import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serviceHarness } from '../service-harness'
import { tempDir } from '../temp-archive'
import { OPEN_MARK_FILE } from '../../src/main/archive/open-mark'
import { bundleChild } from './bundle-child'
import type { BundledChild } from './bundle-child'

const TEXTS = {
  Grid: 'The grid held at 70% of capacity overnight.\n\nRepairs went on in three regions.',
  Repairs: 'Crews restored 70% of the lines by noon.\n\nThe rest is due by Friday.',
}

/** Why strace cannot be used here, or null when it can. */
function straceMissing(): string | null {
  const probe = spawnSync('strace', ['-f', '-qq', '-o', '/dev/null', 'true'], { encoding: 'utf8' })
  if (probe.error) return `strace is not on this machine (${probe.error.message})`
  if (probe.status !== 0) return `strace cannot trace here: ${probe.stderr.trim().slice(0, 200)}`
  return null
}
const missing = straceMissing()
if (missing) console.warn(`folder-flush.test.ts skipped: ${missing}`)

/** One system call, as strace -f -y printed it: the thread, the call, its arguments and its result. */
type Call = { tid: number; name: string; args: string; ret: string }

/** Reads strace -f output, joining calls another thread interrupted (`<unfinished ...>` … `<... x resumed>`). */
function parseTrace(text: string): Call[] {
  const pending = new Map<number, string>()
  const calls: Call[] = []
  for (const line of text.split('\n')) {
    const m = /^(\d+)\s+(.*)$/.exec(line)
    if (!m) continue
    const tid = Number(m[1])
    let body = m[2]
    const resumed = /^<\.\.\. \w+ resumed>(.*)$/.exec(body)
    if (resumed) {
      body = (pending.get(tid) ?? '') + resumed[1]
      pending.delete(tid)
    } else if (body.endsWith('<unfinished ...>')) {
      pending.set(tid, body.slice(0, -'<unfinished ...>'.length).trimEnd())
      continue
    }
    const call = /^(\w+)\((.*)\)\s+=\s+(.*)$/.exec(body)
    if (call) calls.push({ tid, name: call[1], args: call[2], ret: call[3] })
  }
  return calls
}

const quoted = (args: string) => [...args.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1])
const RENAMES = new Set(['rename', 'renameat', 'renameat2'])

/** A rename into `root` not yet followed by a successful fsync of its folder. */
type Owed = { to: string; tid: number }

/**
 * Walks the trace in order: each successful rename into `root` is owed a successful fsync of a descriptor open
 * on its folder. Returns the renames of files under `watched`, each with the thread that flushed its folder (or
 * null), and the renames still owed at each `saved` line the child wrote, and at its end.
 */
function readSaves(calls: Call[], root: string, watched: string) {
  const owed: Owed[] = []
  const renamed: (Owed & { flushedBy: number | null })[] = []
  const unflushedAtAck: { ack: string; owed: string[] }[] = []
  for (const c of calls) {
    if (RENAMES.has(c.name) && c.ret === '0') {
      const to = quoted(c.args).at(-1) ?? ''
      if (!to.startsWith(`${root}/`)) continue
      owed.push({ to, tid: c.tid })
      if (to.startsWith(`${watched}/`)) renamed.push({ to, tid: c.tid, flushedBy: null })
    } else if ((c.name === 'fsync' || c.name === 'fdatasync') && c.ret === '0') {
      const folder = /^\d+<(.*)>$/.exec(c.args)?.[1]
      if (!folder) continue
      for (let i = owed.length - 1; i >= 0; i--) {
        if (dirname(owed[i].to) !== folder) continue
        const r = renamed.find((x) => x.to === owed[i].to && x.flushedBy === null)
        if (r) r.flushedBy = c.tid
        owed.splice(i, 1)
      }
    } else if (c.name === 'write' && /^1</.test(c.args)) {
      const ack = quoted(c.args)[0]?.replace(/\\n$/, '') ?? ''
      if (ack.startsWith('saved ') || ack === 'done')
        unflushedAtAck.push({ ack, owed: owed.map((o) => o.to) })
    }
  }
  return { renamed, unflushedAtAck }
}

/** Two articles with a save's text each, and the trace of the child's saves on them (`--exit`: see the child). */
async function tracedSaves(options: { exit?: boolean } = {}) {
  const h = await serviceHarness()
  const ids: string[] = []
  for (const [title, text] of Object.entries(TEXTS))
    ids.push((await h.call('articles.create', { title, text, source: 'Wire' })).id)
  await h.archive.flush()

  const trace = join(await tempDir('glossa-trace-'), 'trace.txt')
  const run = spawnSync(
    'strace',
    [
      '-f',
      '-qq',
      '-y',
      '-s',
      '64',
      '-e',
      'trace=rename,renameat,renameat2,fsync,fdatasync,openat,write,unlink,unlinkat',
      '-o',
      trace,
      process.execPath,
      child.file,
      ...(options.exit ? ['--exit'] : []),
      h.dir,
      ...ids,
    ],
    { encoding: 'utf8', timeout: 90_000 },
  )
  expect(run.stdout.split('\n').filter((l) => l.startsWith('fail'))).toEqual([])
  expect(run.status, run.stderr).toBe(0)
  expect(run.stdout.trim().split('\n').at(-1)).toBe('done')
  return { h, ids, calls: parseTrace(await readFile(trace, 'utf8')) }
}

let child: BundledChild
beforeAll(async () => {
  if (!missing) child = await bundleChild('test/reliability/folder-flush-child.ts')
}, 60_000)
afterAll(() => child?.dispose())

describe.skipIf(missing !== null)('a save’s folder flushed after its rename, before the answer', () => {
  it('each annotations file renamed into place: its folder fsynced by the same thread, before the save’s answer', async () => {
    const { h, ids, calls } = await tracedSaves()
    const annotations = join(h.dir, 'annotations')
    const { renamed, unflushedAtAck } = readSaves(calls, h.dir, annotations)
    // Six saves (create, update, delete on two articles), each an annotations file renamed into place.
    expect(unflushedAtAck.map((a) => a.ack)).toEqual([
      'saved 1',
      'saved 2',
      'saved 3',
      'saved 4',
      'saved 5',
      'saved 6',
      'done',
    ])
    expect(renamed.length).toBeGreaterThanOrEqual(6)
    for (const id of ids) expect(renamed.some((r) => r.to === join(annotations, `${id}.json`))).toBe(true)
    // At every answer no annotations file's rename is still unflushed; at the end no rename in the archive is.
    for (const { ack, owed } of unflushedAtAck)
      expect({
        ack,
        owed: owed.filter((to) => ack === 'done' || to.startsWith(`${annotations}/`)),
      }).toEqual({
        ack,
        owed: [],
      })
    // The save's write stays one round trip: the worker thread that renamed the file flushed its folder.
    expect(renamed.filter((r) => r.flushedBy !== r.tid)).toEqual([])
  }, 120_000)

  it('a save’s catalog counts leave the catalog folder’s flush owed: made once, before the open mark goes at exit', async () => {
    const { h, calls } = await tracedSaves({ exit: true })
    const catalog = join(h.dir, 'catalog')
    const mark = join(h.dir, OPEN_MARK_FILE)
    const at = (test: (c: Call) => boolean) => calls.findIndex(test)
    const all = (test: (c: Call) => boolean) => calls.flatMap((c, i) => (test(c) ? [i] : []))
    const ok = (c: Call) => c.ret === '0'
    const acks = all(
      (c) => c.name === 'write' && /^1</.test(c.args) && quoted(c.args)[0]?.startsWith('saved '),
    )
    const renamedInto = (folder: string) => (c: Call) =>
      RENAMES.has(c.name) && ok(c) && dirname(quoted(c.args).at(-1) ?? '') === folder
    const flushOf = (folder: string) => (c: Call) =>
      (c.name === 'fsync' || c.name === 'fdatasync') &&
      ok(c) &&
      c.args === `${/^(\d+)</.exec(c.args)?.[1]}<${folder}>`
    const catalogRenames = all(renamedInto(catalog))
    const catalogFlushes = all(flushOf(catalog)).filter((i) => i > acks[0])
    const markGone = at(
      (c) => (c.name === 'unlink' || c.name === 'unlinkat') && ok(c) && quoted(c.args).at(-1) === mark,
    )
    expect(acks).toHaveLength(6)
    // The counts of the six saves were written (some folded into one write while another ran)…
    expect(catalogRenames.filter((i) => i > acks[0]).length).toBeGreaterThanOrEqual(2)
    // …and the catalog folder flushed once for all of them, after the last and before the open mark's removal.
    expect(catalogFlushes).toHaveLength(1)
    expect(catalogFlushes[0]).toBeGreaterThan(catalogRenames.at(-1)!)
    expect(markGone).toBeGreaterThan(catalogFlushes[0])
    // Safe only because the mark was on disk before the first save: renamed into place, its folder flushed.
    const markWritten = at((c) => renamedInto(h.dir)(c) && quoted(c.args).at(-1) === mark)
    const markFlushed = calls.findIndex((c, i) => i > markWritten && flushOf(h.dir)(c))
    const firstSave = at(renamedInto(join(h.dir, 'annotations')))
    expect(markWritten).toBeGreaterThanOrEqual(0)
    expect(markFlushed).toBeGreaterThan(markWritten)
    expect(markFlushed).toBeLessThan(firstSave)
  }, 120_000)
})
