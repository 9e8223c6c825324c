// Bench (Node): the export job process's memory and CPU at 10,000 and 100,000 articles (#19) — every annotation
// of a cached bench archive exported (`--formats`: figures.csv, combined Markdown, Markdown by tag or per article,
// the JSON backup), streamed to a file by the export process as the app runs it, its RSS sampled as the file
// grows; `--articles 1000,5000` exports only the first N articles, for each N, to see memory grow with the
// export. `--keep DIR` keeps the files (with a fixed `generatedAt`) so two builds' files can be compared byte
// for byte (`cmp`).
// Build: `npx vite build --config bench/vite.bench.config.ts --outDir bench/results/dist-export`, then
// `node bench/results/dist-export/export-memory.js --sizes full,large [--keep DIR]`. Never in tests or CI.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { Archive } from '../src/main/archive/archive'
import { FILE_NAMES, exportSampled, exportToFolderSampled } from './export-process'
import type { ExportMeasure } from './export-process'
import { benchPaths } from './sizes'
import type { SizeName } from './sizes'
import { log, load, runMain } from './script'
import { peakRss } from './stats'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'full,large' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'string' },
    formats: { type: 'string', default: 'figures-csv,markdown' },
    /** The export process answers the file's text (export.run) instead of streaming it to the file. */
    whole: { type: 'boolean', default: false },
    /** Export only the archive's first N articles, for each N given (how memory grows with the export). */
    articles: { type: 'string' },
    /** The folder holding the cached archives (`<size>-seed<seed>`), e.g. a copy in /tmp: opening one writes to it. */
    root: { type: 'string' },
  },
})

const GENERATED_AT = '2026-12-07T00:00:00.000Z'
const FOLDER = 'markdown-per-article-folder'

async function main(): Promise<void> {
  const rows: unknown[] = []
  for (const size of values.sizes.split(',') as SizeName[]) {
    const paths = benchPaths(
      size,
      Number(values.seed),
      values.root ? join(values.root, `${size}-seed${values.seed}`) : undefined,
    )
    let cpu = process.cpuUsage()
    const t = performance.now()
    const archive = await Archive.open(paths.archive)
    const used = process.cpuUsage(cpu)
    log(
      `${size}: opened ${archive.list().length} articles in ${Math.round(performance.now() - t)} ms (${Math.round((used.user + used.system) / 1000)} ms CPU), load ${load()}`,
    )
    const counts = values.articles ? values.articles.split(',').map(Number) : [null]
    // `markdown-per-article-folder`: per-article Markdown into a folder, in this process as `glossa export` does.
    for (const format of values.formats.split(',') as (ExportMeasure['format'] | typeof FOLDER)[])
      for (const count of counts) {
        const scope =
          count === null
            ? {}
            : {
                articleIds: archive
                  .list()
                  .slice(0, count)
                  .map((a) => a.id),
              }
        const loadBefore = load()
        cpu = process.cpuUsage()
        const keep =
          values.keep && format !== FOLDER ? join(values.keep, `${size}-${FILE_NAMES[format]}`) : undefined
        if (values.keep) await mkdir(values.keep, { recursive: true })
        const m =
          format === FOLDER
            ? await exportToFolderSampled(archive, {
                generatedAt: GENERATED_AT,
                scope,
                keep: values.keep && join(values.keep, `${size}-notes`),
              })
            : await exportSampled(archive, format, {
                generatedAt: GENERATED_AT,
                keep,
                whole: values.whole,
                scope,
              })
        const holderCpu = process.cpuUsage(cpu)
        const rss = m.samples.map((s) => s.rssMB)
        const holderRss = m.samples.map((s) => s.holderRssMB)
        const row = {
          size,
          format,
          articles: count ?? archive.list().length,
          wallS: +(m.ms / 1000).toFixed(1),
          jobCpuS: m.jobCpuMs === null ? null : +(m.jobCpuMs / 1000).toFixed(1),
          holderCpuS: +((holderCpu.user + holderCpu.system) / 1e6).toFixed(2),
          mb: +(m.bytes / 2 ** 20).toFixed(1),
          jobPeakRssMB: Math.round(m.jobPeakRssMB),
          rssSamples: rss.length ? `${Math.min(...rss)}–${Math.max(...rss)}` : '—',
          holderPeakRssMB: Math.round(peakRss() / 2 ** 20),
          holderRssSamples: holderRss.length ? `${Math.min(...holderRss)}–${Math.max(...holderRss)}` : '—',
          load: `${loadBefore} → ${load()}`,
          samples: m.samples.map((s) => [
            +s.s.toFixed(1),
            Math.round(s.bytes / 2 ** 20),
            s.rssMB,
            s.holderRssMB,
          ]),
        }
        rows.push(row)
        const { samples, ...shown } = row
        log(JSON.stringify(shown))
        log(
          `  samples [s, MB written, RSS MB, holder RSS MB]: ${JSON.stringify(samples.filter((_, i) => i % 10 === 0))}`,
        )
      }
    await archive.flush()
  }
  console.log(JSON.stringify(rows))
}

runMain(main)
