// Bench (Node): where an import of saved pages spends its time (#19), as bench/measure-import.ts imports them
// (Importer.importBytes: the parse process sniffs, runs Readability, sanitizes and builds the text; this process
// checks for a duplicate and stores the article), with a CPU profile of this process (the saves alone) and of
// the parse process. Imported articles are deleted again at the end, as the bench does.
// Build first (bench/export-profile.ts says how), then
// `npx jiti bench/import-profile.ts --size full --pages 100 --profile DIR [--busy]`.
import { writeFile } from 'node:fs/promises'
import { Session } from 'node:inspector/promises'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { Archive } from '../src/main/archive/archive'
import { removeTrash } from '../src/main/archive/trash'
import { Importer } from '../src/main/importer'
import { processParser } from '../src/main/jobs/parse-service'
import { savedNewsPage } from './html-page'
import { busyCore, cachedArchive, profiledJob } from './job-bench'

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'full' },
    seed: { type: 'string', default: '1' },
    pages: { type: 'string', default: '100' },
    dist: { type: 'string', default: 'bench/results/dist-se7' },
    profile: { type: 'string', default: 'bench/results/import-profile' },
    busy: { type: 'boolean', default: false },
    /** More Node flags for the parse process (space-separated). */
    flags: { type: 'string', default: '' },
  },
})

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000

async function main(): Promise<void> {
  const paths = await cachedArchive(values.size!, Number(values.seed))
  const profileDir = resolve(values.profile!)
  const busy = busyCore(values.busy)
  try {
    const archive = await Archive.open(paths.archive)
    const pages = Array.from({ length: Number(values.pages) }, (_, i) => {
      const page = savedNewsPage(Number(values.seed), i)
      return { name: page.name, bytes: Buffer.from(page.html, 'utf8') }
    })
    // The parse process, ended by closing its channel so that it exits and writes its profile.
    const worker = resolve(values.dist!, 'parse-worker.js')
    const parser = processParser(
      (execArgv) =>
        profiledJob(worker, [
          ...execArgv,
          ...values.flags!.split(' ').filter(Boolean),
          '--cpu-prof',
          `--cpu-prof-dir=${profileDir}`,
        ]),
      { workers: 1 },
    )
    const importer = new Importer(archive, undefined, parser)
    // The first page starts the parse process: not profiled here.
    const first = await importer.importBytes(pages[0])
    const ids = first.id ? [first.id] : []
    const session = new Session()
    session.connect()
    await session.post('Profiler.enable')
    await session.post('Profiler.start')
    const load = loadavg()[0]
    const cpu = process.cpuUsage()
    const t = performance.now()
    for (const page of pages.slice(1)) {
      const result = await importer.importBytes(page)
      if (result.id) ids.push(result.id)
    }
    const ms = performance.now() - t
    const used = cpuMs(process.cpuUsage(cpu))
    const { profile } = await session.post('Profiler.stop')
    await writeFile(join(profileDir, 'holder.cpuprofile'), JSON.stringify(profile))
    session.disconnect()
    const parseStats = await parser.stats()
    parser.close()
    console.log(
      `${pages.length - 1} pages in ${ms.toFixed(0)} ms (${(((pages.length - 1) / ms) * 1000).toFixed(1)} pages/s), ` +
        `this process CPU ${used.toFixed(0)} ms; parse process ${JSON.stringify(parseStats)}; ` +
        `load ${load.toFixed(1)} → ${loadavg()[0].toFixed(1)}${busy ? ', --busy' : ''}`,
    )
    for (const id of ids) {
      await archive.deleteArticle(id)
      await removeTrash(archive.dir, id)
    }
    await archive.flush()
  } finally {
    busy?.kill()
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
  process.exitCode = 1
})
