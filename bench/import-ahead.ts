// Bench (Node): an import of saved pages into the cached archive as the app makes it (Importer.importBytes), one
// after another through one parse process ("one": before session 8) against parsed ahead through the default
// parse processes (Importer.importInOrder: two where there are two cores, "ahead"), alternating in one run,
// quiet and then with a second process keeping one core busy. Reports pages/s, this process's CPU and the parse
// processes' CPU (from /proc). Imported articles are deleted again after each batch, as the bench does.
// Build first (`npx vite build --config bench/vite.bench.config.ts --outDir bench/results/dist-se8`), then
// `npx jiti bench/import-ahead.ts --size full --pages 200 --rounds 2`.
import { loadavg } from 'node:os'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { Archive } from '../src/main/archive/archive'
import { removeTrash } from '../src/main/archive/trash'
import { Importer } from '../src/main/importer'
import type { ImportResult } from '../src/main/importer'
import { nodeProcess } from '../src/main/jobs/job-process'
import { defaultParseWorkers, processParser } from '../src/main/jobs/parse-service'
import { savedNewsPage } from './html-page'
import { busyCore, cachedArchive, procStats } from './job-bench'

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'full' },
    seed: { type: 'string', default: '1' },
    pages: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '2' },
    dist: { type: 'string', default: 'bench/results/dist-se8' },
    /** Only quiet, or only busy (default both). */
    only: { type: 'string' },
  },
})

type Mode = 'one' | 'ahead'

async function batch(archive: Archive, mode: Mode, pages: { name: string; bytes: Buffer }[]) {
  const worker = resolve(values.dist!, 'parse-worker.js')
  const pids: number[] = []
  const parser = processParser((execArgv) => nodeProcess(worker, execArgv, (pid) => pids.push(pid)), {
    workers: mode === 'one' ? 1 : defaultParseWorkers(),
  })
  const importer = new Importer(archive, undefined, parser)
  const cpu = process.cpuUsage()
  const t = performance.now()
  const results: ImportResult[] =
    mode === 'one'
      ? await (async () => {
          const out: ImportResult[] = []
          for (const page of pages) out.push(await importer.importBytes(page))
          return out
        })()
      : await importer.importInOrder(pages, (page) => importer.importBytes(page))
  const ms = performance.now() - t
  const used = process.cpuUsage(cpu)
  const parseCpu = (await Promise.all(pids.map(procStats))).reduce((n, s) => n + (s?.cpuMs ?? 0), 0)
  parser.close()
  const imported = results.filter((r) => r.status === 'imported')
  if (imported.length !== pages.length)
    throw new Error(`${pages.length - imported.length} pages not imported: ${JSON.stringify(results[0])}`)
  for (const r of imported) {
    await archive.deleteArticle(r.id!)
    await removeTrash(archive.dir, r.id!)
  }
  await archive.flush()
  return {
    pagesPerSecond: (pages.length / ms) * 1000,
    ms,
    cpuMs: (used.user + used.system) / 1000,
    parseCpuMs: parseCpu,
    processes: pids.length,
  }
}

async function main(): Promise<void> {
  const paths = await cachedArchive(values.size!, Number(values.seed))
  const archive = await Archive.open(paths.archive)
  await archive.flush()
  const pages = Array.from({ length: Number(values.pages) }, (_, i) => {
    const page = savedNewsPage(Number(values.seed), i)
    return { name: page.name, bytes: Buffer.from(page.html, 'utf8') }
  })
  console.log(
    `${values.size}: ${archive.list().length} articles, ${pages.length} pages a batch, ` +
      `${defaultParseWorkers()} parse processes by default`,
  )
  for (const busyRun of values.only === 'busy' ? [true] : values.only === 'quiet' ? [false] : [false, true]) {
    const busy = busyCore(busyRun)
    try {
      for (let round = 0; round < Number(values.rounds); round++) {
        for (const mode of (round % 2 ? ['ahead', 'one'] : ['one', 'ahead']) as Mode[]) {
          const load = loadavg()[0]
          const r = await batch(archive, mode, pages)
          console.log(
            `  ${busyRun ? 'busy ' : 'quiet'} ${mode.padEnd(5)} ${r.pagesPerSecond.toFixed(1)} pages/s ` +
              `(${r.ms.toFixed(0)} ms), this process CPU ${r.cpuMs.toFixed(0)} ms, ${r.processes} parse ` +
              `process(es) CPU ${r.parseCpuMs} ms, load ${load.toFixed(1)}`,
          )
        }
      }
    } finally {
      busy?.kill()
    }
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
  process.exitCode = 1
})
