// Bench (Node): the app's export of every annotation to figures.csv and to combined Markdown, as the bench's
// holding process makes it (bench/measure-export.ts: the export process streams the file, asking the app for
// the articles a slice at a time), beside the same export gathered and formatted in this process — each
// `--rounds` times, alternating, in one run. Reports the wall time, this process's CPU, the export process's
// CPU and peak RSS; `--profile DIR` writes that process's CPU profile there (`--cpu-prof`). `--only by-tag` or
// `--only per-article` (a zip) profiles those streamed exports instead; `--root DIR` opens the archive from a copy.
// Build first: `npx vite build --config bench/vite.bench.config.ts --outDir bench/results/dist-se7`, then
// `npx jiti bench/export-profile.ts --size full --dist bench/results/dist-se7 [--busy]`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { Archive } from '../src/main/archive/archive'
import { processFileExporter } from '../src/main/export/job'
import { archiveExportSource, gatherBundle } from '../src/main/export/run'
import type { ExportArgs } from '../src/main/export/run'
import { nodeProcess } from '../src/main/jobs/job-process'
import { exportFiguresCsv, exportMarkdown } from '../src/shared/export'
import { busyCore, cachedArchive, profiledJob } from './job-bench'

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'full' },
    seed: { type: 'string', default: '1' },
    dist: { type: 'string', default: 'bench/results/dist-se7' },
    rounds: { type: 'string', default: '2' },
    busy: { type: 'boolean', default: false },
    profile: { type: 'string' },
    /** Node flags for the export process (space-separated). */
    flags: { type: 'string', default: '' },
    /** Keep the last round's files here (to compare them byte for byte with another build's). */
    keep: { type: 'string' },
    /** Only the streamed export (no gathered baseline). */
    'streamed-only': { type: 'boolean', default: false },
    /** Only this format (figures.csv, Markdown, by-tag or per-article; the last two are streamed only). */
    only: { type: 'string' },
    /** The folder holding the cached archives (`<size>-seed<seed>`), e.g. a copy in /tmp: opening one writes to it. */
    root: { type: 'string' },
  },
})

const FORMATS: { name: string; file: string; args: ExportArgs; streamedOnly?: boolean }[] = [
  { name: 'figures.csv', file: 'figures.csv', args: { format: 'figures-csv', scope: {} } },
  {
    name: 'Markdown',
    file: 'notes.md',
    args: { format: 'markdown', scope: {}, options: { layout: 'combined', groupBy: 'article' } },
  },
  {
    name: 'by-tag',
    file: 'notes-by-tag.md',
    args: { format: 'markdown', scope: {}, options: { layout: 'combined', groupBy: 'tag' } },
    streamedOnly: true,
  },
  {
    name: 'per-article',
    file: 'notes.zip',
    args: { format: 'markdown', scope: {}, options: { layout: 'per-article', groupBy: 'article' } },
    streamedOnly: true,
  },
]

const cpuMs = (used: NodeJS.CpuUsage) => (used.user + used.system) / 1000
const GENERATED_AT = '2026-12-07T10:00:00.000Z'

async function main(): Promise<void> {
  const size = values.size!
  const paths = await cachedArchive(size, Number(values.seed), values.root)
  const worker = resolve(values.dist!, 'export-worker.js')
  const busy = busyCore(values.busy)
  const out = await mkdtemp(join(tmpdir(), 'glossa-export-profile-'))
  try {
    const archive = await Archive.open(paths.archive)
    await archive.flush()
    const flags = [
      ...values.flags!.split(' ').filter(Boolean),
      ...(values.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values.profile)}`] : []),
    ]
    // With a profile, ended by closing its channel rather than by a signal: it exits and writes the profile.
    // The app's own flags for the process (EXPORT_PROCESS_FLAGS), then --flags (later ones win).
    const exporter = processFileExporter((own) =>
      values.profile ? profiledJob(worker, [...own, ...flags]) : nodeProcess(worker, [...own, ...flags]),
    )
    console.log(
      `${size}: ${archive.list().length} articles; load ${loadavg()[0].toFixed(1)}${busy ? ', --busy' : ''}`,
    )
    for (let round = 0; round < Number(values.rounds); round++) {
      // Without --only: figures.csv and Markdown, as before; by-tag and per-article only when asked for.
      for (const f of FORMATS.filter((f) => (values.only ? f.name === values.only : !f.streamedOnly))) {
        if (!values['streamed-only'] && !f.streamedOnly) {
          const cpu = process.cpuUsage()
          const t = performance.now()
          const bundle = await gatherBundle(archiveExportSource(archive), {}, GENERATED_AT)
          const gatherMs = performance.now() - t
          const text =
            f.args.format === 'figures-csv'
              ? exportFiguresCsv(bundle).content
              : exportMarkdown(bundle, { layout: 'combined', groupBy: 'article' })[0].content
          await writeFile(join(out, `gathered-${f.file}`), text)
          console.log(
            `  ${f.name} gathered in this process: ${(performance.now() - t).toFixed(0)} ms ` +
              `(gather ${gatherMs.toFixed(0)}), CPU ${cpuMs(process.cpuUsage(cpu)).toFixed(0)} ms, ` +
              `${bundle.annotations.length} annotations`,
          )
        }
        const cpu = process.cpuUsage()
        const t = performance.now()
        const target = join(values.keep ?? out, f.file)
        const done = await exporter(archive, f.args, GENERATED_AT, target)
        console.log(
          `  ${f.name} streamed by the export process: ${(performance.now() - t).toFixed(0)} ms, ` +
            `this process CPU ${cpuMs(process.cpuUsage(cpu)).toFixed(0)} ms, export process CPU ` +
            `${done.cpuMs?.toFixed(0)} ms, peak RSS ${done.peakRssMB.toFixed(0)} MB, ${done.file.bytes} bytes`,
        )
      }
    }
    console.log(`load after ${loadavg()[0].toFixed(1)}`)
  } finally {
    busy?.kill()
    await rm(out, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
  process.exitCode = 1
})
