// Bench (Node): where the slowest saves' time goes (#19). Opens a cached bench archive as the bench's holding
// process does and makes the bench's saves (bench/saves.ts: create, update, delete through dispatch), timing
// each save's phases apart — the annotations file's write (open, write, fsync, close, rename), the files the
// save reads — and what ran beside it in the same process: the catalog's bucket writes (unawaited by the
// save), the library head's write (its fingerprint stats every bucket file), garbage collection. Prints the
// slowest 1% of saves with their phases and what overlapped them, and p50 / p99 / p99.9.
// `npx jiti bench/save-tail.ts --size full --reps 1000 [--busy]`; a profile: `node --cpu-prof
// node_modules/jiti/lib/jiti-cli.mjs bench/save-tail.ts …`.
import { spawn } from 'node:child_process'
import { readlinkSync } from 'node:fs'
import { stat, writeFile } from 'node:fs/promises'
import { Session } from 'node:inspector/promises'
import { createRequire } from 'node:module'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { PerformanceObserver } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { runSaves } from './saves'
import { SIZES, benchPaths } from './sizes'
import type { SizeName } from './sizes'
import { percentile } from './stats'

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'full' },
    reps: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    busy: { type: 'boolean', default: false },
    /** Wait this long after opening before saving (the bench saves at once). */
    settle: { type: 'string', default: '0' },
    /** Write a CPU profile of the saves alone (not the opening) to this file. */
    profile: { type: 'string' },
    /** Experiment: no catalog bucket writes at all (what they cost the saves, at most). */
    'no-catalog': { type: 'boolean', default: false },
    /** Experiment: without the saves-in-flight marker (saves-in-flight.ts), to tell its cost apart. */
    'no-marker': { type: 'boolean', default: false },
  },
})

/** A span of time something took, by kind (which file it touched and how). */
type Span = { kind: string; start: number; end: number }
const spans: Span[] = []

function kindOf(path: unknown): string {
  const p = String(path)
  if (p.includes('/annotations/')) return 'annotations'
  if (p.includes('.head.json')) return 'head'
  if (p.includes('/catalog/')) return 'catalog'
  if (p.includes('trust')) return 'trust'
  return 'other'
}

function timed<A extends unknown[], R>(
  name: string,
  fn: (...args: A) => Promise<R>,
  kind: (...args: A) => string,
) {
  return async (...args: A): Promise<R> => {
    const start = performance.now()
    try {
      return await fn(...args)
    } finally {
      spans.push({ kind: `${kind(...args)}:${name}`, start, end: performance.now() })
    }
  }
}

/** Times the file calls the archive makes (jiti turns named imports into property reads, so this reaches them). */
async function instrument(): Promise<void> {
  const m = createRequire(import.meta.url)('node:fs/promises') as Record<
    string,
    (...a: unknown[]) => Promise<unknown>
  >
  const real = { ...m }
  const handleKinds = new WeakMap<object, string>()
  m.open = async (...a: unknown[]) => {
    const start = performance.now()
    const h = (await real.open(...a)) as object
    spans.push({ kind: `${kindOf(a[0])}:open`, start, end: performance.now() })
    handleKinds.set(h, kindOf(a[0]))
    return h
  }
  for (const name of ['rename', 'stat', 'lstat', 'readdir', 'readFile', 'rm'])
    m[name] = timed(name, real[name], (p: unknown) => kindOf(p))
  const probe = await real.open(process.execPath, 'r')
  const proto = Object.getPrototypeOf(probe) as Record<string, (...a: unknown[]) => Promise<unknown>>
  await (probe as { close(): Promise<void> }).close()
  for (const name of ['writeFile', 'sync', 'close', 'read', 'stat']) {
    const fn = proto[name]
    proto[name] = async function (this: object, ...a: unknown[]) {
      // Which file the handle is open on, from /proc (named imports of `open` cannot be wrapped).
      let kind = handleKinds.get(this)
      if (kind === undefined) {
        const fd = (this as { fd: number }).fd
        kind = kindOf(fd >= 0 ? readlinkSync(`/proc/self/fd/${fd}`) : '')
        handleKinds.set(this, kind)
      }
      const start = performance.now()
      try {
        return await fn.apply(this, a)
      } finally {
        spans.push({ kind: `${kind}:fh.${name}`, start, end: performance.now() })
      }
    }
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      spans.push({ kind: `gc`, start: e.startTime, end: e.startTime + e.duration })
  }).observe({ entryTypes: ['gc'] })
}

async function main(): Promise<void> {
  const size = SIZES[values.size as SizeName]
  // Run from the project root by jiti: sizes.ts finds the root from the built bundle's place, not this file's.
  const root = join(process.cwd(), 'bench', 'results', 'archives', `${size.name}-seed${values.seed}`)
  const paths = benchPaths(size.name, Number(values.seed), root)
  const busy = values.busy ? spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }) : null
  try {
    if (!(await stat(paths.manifest).catch(() => null))) throw new Error(`no cached archive at ${root}`)
    // The file calls are wrapped before the archive's modules load (they keep what they imported).
    await instrument()
    const { Archive } = await import('../src/main/archive/archive')
    const { createService } = await import('../src/main/service')
    const archive = await Archive.open(paths.archive)
    spans.length = 0
    if (values['no-catalog'])
      (archive.catalog as unknown as { files: { write: () => Promise<void> } }).files.write = async () => {}
    if (values['no-marker']) {
      const { SavesInFlight } = await import('../src/main/archive/saves-in-flight')
      ;(archive as unknown as { inFlight: unknown }).inFlight = SavesInFlight.off()
    }
    const service = createService({ archive, version: 'bench' })
    const ids = archive.list().map((a) => a.id)
    if (Number(values.settle)) await new Promise((r) => setTimeout(r, Number(values.settle)))
    const session = values.profile ? new Session() : null
    if (session) {
      session.connect()
      await session.post('Profiler.enable')
      await session.post('Profiler.start')
    }
    const load = loadavg()[0]
    const cpu = process.cpuUsage()
    const reps = Number(values.reps)
    const windows: { op: string; start: number; ms: number }[] = []
    const t0 = performance.now()
    const saves = await runSaves({
      handlers: service,
      articleIds: ids,
      reps,
      warmup: 20,
      seed: 7,
      onSave: (op, start, ms) => windows.push({ op, start, ms }),
    })
    await archive.flush()
    const used = process.cpuUsage(cpu)
    if (session) {
      const { profile } = await session.post('Profiler.stop')
      await writeFile(values.profile!, JSON.stringify(profile))
      session.disconnect()
    }
    const all = [...saves.create, ...saves.update, ...saves.delete]
    const line = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b)
      return `${percentile(s, 50).toFixed(2)} / ${percentile(s, 99).toFixed(2)} / ${percentile(s, 99.9).toFixed(2)} ms`
    }
    console.log(
      `${size.name} (${ids.length} articles)${values.busy ? ' --busy' : ''}, ${reps} reps; p50 / p99 / p99.9: ` +
        `create ${line(saves.create)}; update ${line(saves.update)}; delete ${line(saves.delete)}; all ${line(all)}; ` +
        `CPU ${((used.user + used.system) / 1000).toFixed(0)} ms over ${(performance.now() - t0).toFixed(0)} ms; ` +
        `load ${load.toFixed(1)} → ${loadavg()[0].toFixed(1)}`,
    )
    // What each of the slowest 1% of saves overlapped, summed by kind (ms of overlap).
    const measured = windows.slice(windows.length - all.length)
    const slow = [...measured]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, Math.max(3, Math.ceil(measured.length / 100)))
    const totals = new Map<string, number>()
    const countWith = new Map<string, number>()
    for (const w of slow) {
      const end = w.start + w.ms
      const here = new Map<string, number>()
      for (const s of spans) {
        const o = Math.min(end, s.end) - Math.max(w.start, s.start)
        if (o > 0) here.set(s.kind, (here.get(s.kind) ?? 0) + o)
      }
      for (const [k, v] of here) {
        totals.set(k, (totals.get(k) ?? 0) + v)
        countWith.set(k, (countWith.get(k) ?? 0) + 1)
      }
      const parts = [...here].sort((a, b) => b[1] - a[1]).slice(0, 8)
      console.log(
        `  ${w.op} ${w.ms.toFixed(2)} ms at ${(w.start - t0).toFixed(0)} ms: ` +
          parts.map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', '),
      )
    }
    // The same for the median save, as the baseline.
    const typical = new Map<string, number>()
    for (const w of measured) {
      const end = w.start + w.ms
      for (const s of spans) {
        const o = Math.min(end, s.end) - Math.max(w.start, s.start)
        if (o > 0) typical.set(s.kind, (typical.get(s.kind) ?? 0) + o)
      }
    }
    console.log(
      `slowest ${slow.length}: overlap by kind (ms total, saves with it): ` +
        [...totals]
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => `${k} ${v.toFixed(1)} (${countWith.get(k)})`)
          .join(', '),
    )
    console.log(
      `every save, mean overlap by kind (ms): ` +
        [...typical]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 14)
          .map(([k, v]) => `${k} ${(v / measured.length).toFixed(3)}`)
          .join(', '),
    )
  } finally {
    busy?.kill()
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
  process.exitCode = 1
})
