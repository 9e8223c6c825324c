// Bench (Node): what a save and an imported page cost the process holding the archive as the catalog grows
// (#19 SHARD). `npx jiti bench/catalog-saves.ts --dir A [--dir B …] [--reps 300] [--pages 100]`: each archive
// is opened in a fresh process as the app opens it (with a catalog trust key), then 300 create / update / delete
// saves go through dispatch (bench/saves.ts), then saved pages are imported through the parse process, one after
// another. Reported per archive: the open's CPU, save median / p95 / p99 (wall), the holding process's CPU per
// rep of three saves (the unawaited catalog writes included: the loop ends with a flush), pages/s and CPU per
// page, and the catalog's bucket files before and after. The archives are changed (saves leave them as they
// were; imported pages are deleted again): run it on copies (`cp -al` of bodies/annotations, `cp -r` catalog).
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { Archive } from '../src/main/archive/archive'
import { removeTrash } from '../src/main/archive/trash'
import { Importer } from '../src/main/importer'
import { nodeProcess } from '../src/main/jobs/job-process'
import { processParser } from '../src/main/jobs/parse-service'
import { createService } from '../src/main/service'
import { savedNewsPage } from './html-page'
import { runSaves } from './saves'
import { summarize } from './stats'

const here = resolve(fileURLToPath(import.meta.url), '..')
const PARSE_WORKER = join(here, 'results', 'dist', 'parse-worker.js')

const { values } = parseArgs({
  options: {
    dir: { type: 'string', multiple: true, default: [] },
    reps: { type: 'string', default: '300' },
    pages: { type: 'string', default: '100' },
    key: { type: 'string', default: join(here, 'results', 'tmp', 'catalog-saves.key') },
    child: { type: 'string' },
    /** Writes a CPU profile of the saves (then of the import) to this file prefix. */
    profile: { type: 'string' },
  },
})

type Input = { dir: string; reps: number; pages: number; key: string; profile?: string }

/** Profiles `work` with the inspector when `file` is given (only the phase, not the open before it). */
async function profiled<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!file) return work()
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
  try {
    return await work()
  } finally {
    const { profile } = await session.post('Profiler.stop')
    writeFileSync(file, JSON.stringify(profile))
    session.disconnect()
  }
}

function bucketFiles(dir: string): { files: number; largestKB: number; meanKB: number } {
  const names = readdirSync(join(dir, 'catalog')).filter((n) => /^[^.].*\.json$/.test(n))
  const sizes = names.map((n) => statSync(join(dir, 'catalog', n)).size / 1024)
  const total = sizes.reduce((a, b) => a + b, 0)
  return {
    files: names.length,
    largestKB: Math.round(Math.max(0, ...sizes)),
    meanKB: Math.round((total / (names.length || 1)) * 10) / 10,
  }
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since)
  return (u.user + u.system) / 1000
}

async function child(input: Input) {
  const before = bucketFiles(input.dir)
  let cpu = process.cpuUsage()
  let t = performance.now()
  const archive = await Archive.open(input.dir, { trustKeyFile: input.key })
  const open = { wallMs: performance.now() - t, cpuMs: cpuMs(cpu), ...archive.catalog.trustStats() }
  // What opening left to do in the background: an older catalog's large buckets split (and the trust saved).
  cpu = process.cpuUsage()
  t = performance.now()
  await archive.flush()
  const afterOpen = { wallMs: performance.now() - t, cpuMs: cpuMs(cpu), buckets: bucketFiles(input.dir) }
  const service = createService({ archive, version: 'bench' })
  const ids = archive.list().map((a) => a.id)
  cpu = process.cpuUsage()
  t = performance.now()
  const saves = await profiled(input.profile && `${input.profile}-saves.cpuprofile`, async () => {
    const samples = await runSaves({
      handlers: service,
      articleIds: ids,
      reps: input.reps,
      warmup: 20,
      seed: 7,
    })
    await archive.flush()
    return samples
  })
  const reps = input.reps + 20
  const savesCpu = cpuMs(cpu) / reps
  const savesWall = (performance.now() - t) / reps
  const s = (op: 'create' | 'update' | 'delete') => {
    const x = summarize(saves[op])
    return { median: x.median, p95: x.p95, p99: x.p99 }
  }
  // Pages imported as the app imports them: parsed in the parse process, then stored by this one.
  const parser = processParser((execArgv) => nodeProcess(PARSE_WORKER, execArgv))
  const importer = new Importer(archive, undefined, parser)
  const pages = Array.from({ length: input.pages }, (_, i) => savedNewsPage(3, i))
  // The first page starts the parse process and builds the duplicate maps: not counted.
  const first = await importer.importBytes({
    name: 'warm.html',
    bytes: Buffer.from(savedNewsPage(4, 0).html),
  })
  const made: string[] = first.id ? [first.id] : []
  cpu = process.cpuUsage()
  t = performance.now()
  await profiled(input.profile && `${input.profile}-import.cpuprofile`, async () => {
    for (const page of pages) {
      const result = await importer.importBytes({ name: page.name, bytes: Buffer.from(page.html, 'utf8') })
      if (result.status === 'imported' && result.id) made.push(result.id)
    }
    await archive.flush()
  })
  const importWall = performance.now() - t
  const importCpu = cpuMs(cpu) / input.pages
  parser.close()
  const after = bucketFiles(input.dir)
  for (const id of made) {
    await archive.deleteArticle(id)
    await removeTrash(archive.dir, id)
  }
  await archive.flush()
  return {
    articles: ids.length,
    open,
    afterOpen,
    saves: {
      create: s('create'),
      update: s('update'),
      delete: s('delete'),
      cpuMsPerRep: savesCpu,
      wallMsPerRep: savesWall,
    },
    import: {
      pages: input.pages,
      imported: made.length - (first.id ? 1 : 0),
      pagesPerSecond: (input.pages / importWall) * 1000,
      cpuMsPerPage: importCpu,
    },
    buckets: { before, after },
    rssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }
}

function main(): void {
  const jiti = join(here, '..', 'node_modules', 'jiti', 'lib', 'jiti-cli.mjs')
  for (const dir of values.dir) {
    const input: Input = {
      dir: resolve(dir),
      reps: Number(values.reps),
      pages: Number(values.pages),
      key: values.key,
      profile: values.profile && `${resolve(values.profile)}-${dir.split('/').filter(Boolean).pop()}`,
    }
    const load = loadavg()[0]
    const out = spawnSync(
      process.execPath,
      [jiti, fileURLToPath(import.meta.url), '--child', JSON.stringify(input)],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    const last = out.stdout.trim().split('\n').pop() ?? ''
    console.log(
      JSON.stringify({ dir, loadBefore: load, loadAfter: loadavg()[0], ...JSON.parse(last || '{}') }),
    )
  }
}

if (values.child) {
  child(JSON.parse(values.child) as Input)
    .then((result) => console.log(JSON.stringify(result)))
    .catch((err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
      process.exitCode = 1
    })
} else main()
