// Bench (Node): what the open mark (src/main/archive/open-mark.ts) costs. Every open that writes the archive
// writes the mark, flushed (median and worst of `--reps`); after a power cut, every article's counts are read
// again in the background (counts-check.ts): its wall and CPU time, with `--stale` articles' counts set wrong
// first (each must be mended), and the saves made while it runs (their latency against saves with no recount).
// `--root` is an archive folder this bench may write (it changes counts and saves annotations: a copy).
// `npx jiti bench/power-cut-recount.ts --root DIR [--reps 20] [--stale 100] [--saves 60] [--alone]`
import { writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { Archive } from '../src/main/archive/archive'
import { OPEN_MARK_FILE, bootedAt, writeOpenMark } from '../src/main/archive/open-mark'
import { stopWriters } from '../src/main/archive/atomic-thread'
import type { Annotation } from '../src/shared/types'
import { load, log, runMain } from './script'

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    reps: { type: 'string', default: '20' },
    stale: { type: 'string', default: '100' },
    saves: { type: 'string', default: '60' },
    /** The recount alone: no saves while it runs (its own CPU). */
    alone: { type: 'boolean', default: false },
  },
})

const cpuMsOf = (used: NodeJS.CpuUsage) => (used.user + used.system) / 1000
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
const at = (xs: number[], q: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * q))]
const ms = (x: number) => x.toFixed(2)

/** One save: a highlight on an annotated article (the same change a save makes in the app), timed to its acknowledgement. */
async function timedSave(archive: Archive, id: string, n: number): Promise<number> {
  const started = performance.now()
  await archive.changeAnnotations(id, (list: Annotation[]) => {
    const copy = { ...list[0], id: `bench${String(n).padStart(7, '0')}`, note: `recount bench ${n}` }
    list.push(copy)
  })
  return performance.now() - started
}

/** Saves one after another until `until` settles (or `count` are made), a few ms apart as a person's are not. */
async function savesDuring(archive: Archive, ids: string[], count: number, until?: Promise<void>) {
  let done = false
  void until?.then(() => (done = true))
  const times: number[] = []
  for (let n = 0; n < count && !(until && done); n++) {
    times.push(await timedSave(archive, ids[n % ids.length], n + (until ? 1_000_000 : 0)))
    await new Promise((r) => setTimeout(r, 5))
  }
  return times
}

async function main(): Promise<void> {
  const root = values.root!
  const marks: number[] = []
  for (let i = 0; i < Number(values.reps); i++) {
    const started = performance.now()
    await writeOpenMark(root, false)
    marks.push(performance.now() - started)
  }
  log(
    `mark written and flushed: median ${ms(at(marks, 0.5))} ms, worst ${ms(at(marks, 1))} ms, load ${load()}`,
  )

  // Counts set wrong on disk, as a power cut leaves them (the catalog written as before the saves).
  const before = await Archive.open(root)
  const annotated = before.list().filter((m) => m.counts.highlights > 0)
  const stale = annotated.slice(0, Number(values.stale))
  for (const m of stale)
    await before.catalog.put({ ...m, counts: { ...m.counts, highlights: m.counts.highlights + 1 } })
  await before.flush()
  const ids = annotated.slice(-50).map((m) => m.id)
  const quiet = await savesDuring(before, ids, Number(values.saves))
  await before.flush()
  log(
    `${before.catalog.size()} articles; saves with no recount: p50 ${ms(at(quiet, 0.5))} ms, p99 ${ms(at(quiet, 0.99))} ms (${quiet.length})`,
  )

  const cut = { pid: 4_194_400, host: hostname(), bootedAt: bootedAt() - 86_400_000, openedAt: '' }
  await writeFile(join(root, OPEN_MARK_FILE), JSON.stringify(cut))
  const cpu = process.cpuUsage()
  const started = performance.now()
  const archive = await Archive.open(root)
  const opened = performance.now() - started
  const checked = archive.countsChecked()
  const during = values.alone ? [] : await savesDuring(archive, ids, 100_000, checked)
  await checked
  const wall = performance.now() - started
  const cpuMs = cpuMsOf(process.cpuUsage(cpu))
  const wrong = stale.filter((m) => archive.meta(m.id).counts.highlights !== m.counts.highlights)
  if (wrong.length) throw new Error(`${wrong.length} of the ${stale.length} stale counts were not mended`)
  log(
    `recount after a power cut: open ${ms(opened)} ms, counts checked after ${(wall / 1000).toFixed(2)} s wall, ${(cpuMs / 1000).toFixed(2)} s CPU (the open and any saves included); ${stale.length} stale mended; load ${load()}`,
  )
  if (during.length)
    log(
      `saves during the recount: p50 ${ms(at(during, 0.5))} ms, p99 ${ms(at(during, 0.99))} ms, worst ${ms(at(during, 1))} ms (${during.length})`,
    )
  await stopWriters()
}

runMain(main)
