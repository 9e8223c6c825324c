// Bench (Node): the growth ladder of #19 — the same measures on 1,000, 10,000 and 100,000 articles in one run,
// so the ratios between sizes are taken under the same load: saves (create/update/delete through the real
// dispatch) against the one-file lowdb baseline of 10,000 articles, import of saved pages, and exports of every
// annotation to figures.csv and Markdown (the export process's RSS sampled as its file grows), with the wall
// and CPU time of each phase and the peak RSS of every process. The archives are the bench's cached ones
// (generated through the real archive code in bulk mode if missing or of another format).
// `npm run bench:growth [-- --sizes small,full,large] [--baseline-saves 10] [--export-runs 2]`
// Never in tests or CI; run it under `nice` on a shared machine.
import { mkdir, writeFile } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { BaselineInput, BaselineResult } from './baseline-child'
import { runChild } from './child'
import { generateArchive, readManifest } from './generate'
import type { GrowthInput, GrowthResult } from './growth-child'
import { ms } from './report'
import type { Summary } from './stats'
import { summarize } from './stats'
import { SIZES, benchPaths, resultsDir } from './sizes'
import type { SizeName } from './sizes'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'small,full,large' },
    seed: { type: 'string', default: '1' },
    saves: { type: 'string', default: '300' },
    'baseline-saves': { type: 'string', default: '10' },
    'export-runs': { type: 'string', default: '' },
    'import-pages': { type: 'string', default: '200' },
  },
})

const log = (line: string) => process.stderr.write(`${line}\n`)
const load = () => +loadavg()[0].toFixed(1)
const cpuNow = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

type SizeRun = {
  size: SizeName
  articles: number
  annotations: number
  loadBefore: number
  loadAfter: number
  wallS: number
  result: GrowthResult
}

async function main(): Promise<void> {
  const names = values.sizes.split(',') as SizeName[]
  for (const n of names) if (!(n in SIZES)) throw new Error(`unknown size ${n}`)
  const seed = Number(values.seed)
  const started = performance.now()
  const loadBefore = load()
  const runs: SizeRun[] = []
  for (const name of names) {
    const size = SIZES[name]
    const paths = benchPaths(name, seed)
    let manifest = await readManifest(paths)
    if (!manifest) {
      log(`Generating the ${name} archive (${size.articles} articles) in ${paths.root}`)
      manifest = await generateArchive(paths, size, seed, log)
    }
    log(`${name}: ${manifest.articles} articles, ${manifest.annotations} annotations (load ${load()})`)
    const t = performance.now()
    const before = load()
    // 100,000 articles: one export of each format (each is minutes under load); two at the smaller sizes.
    const exportRuns = values['export-runs'] ? Number(values['export-runs']) : size.articles > 10_000 ? 1 : 2
    const run = await runChild<GrowthResult>('growth-child', {
      archive: paths.archive,
      seed,
      saves: Number(values.saves),
      importPages: Number(values['import-pages']),
      exportRuns,
    } satisfies GrowthInput)
    runs.push({
      size: name,
      articles: manifest.articles,
      annotations: manifest.annotations,
      loadBefore: before,
      loadAfter: load(),
      wallS: (performance.now() - t) / 1000,
      result: run.value,
    })
    // Kept as each size is done, so a run cut short keeps what it measured.
    await mkdir(resultsDir, { recursive: true })
    await writeFile(join(resultsDir, 'growth-partial.json'), JSON.stringify(runs, null, 2))
  }

  log(`baseline: the same saves against one lowdb file of the 10,000-article archive (load ${load()})`)
  const basePaths = benchPaths('full', seed)
  if (!(await readManifest(basePaths))) await generateArchive(basePaths, SIZES.full, seed, log)
  const baseBefore = load()
  const baseline = await runChild<BaselineResult>('baseline-child', {
    archive: basePaths.archive,
    file: basePaths.baseline,
    seed,
    saves: Number(values['baseline-saves']),
  } satisfies BaselineInput)
  const baseLoad = { before: baseBefore, after: load() }

  const result = {
    date: new Date().toISOString(),
    node: process.version,
    loadBefore,
    loadAfter: load(),
    runSeconds: Math.round((performance.now() - started) / 1000),
    orchestratorCpuMs: cpuNow(),
    runs,
    baseline: { ...baseline.value, load: baseLoad },
  }
  await mkdir(resultsDir, { recursive: true })
  const file = join(resultsDir, 'growth.json')
  await writeFile(file, JSON.stringify(result, null, 2))
  console.log(render(result.runs, baseline.value))
  console.log(`\nload ${loadBefore} → ${result.loadAfter}, ${result.runSeconds} s; all figures: ${file}`)
}

const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n))

function render(runs: SizeRun[], baseline: BaselineResult): string {
  const rows: string[][] = []
  const cell = (s: Summary) => `${ms(s.median)} / ${ms(s.p95)} / ${ms(s.p99)}`
  const ratio = (f: (r: SizeRun) => number) => {
    const v = runs.map(f)
    return v.map((x, i) => (i === 0 ? '' : `${(x / v[i - 1]).toFixed(2)}×`)).join(' ')
  }
  for (const op of ['create', 'update', 'delete'] as const) {
    const s = (r: SizeRun) => summarize(r.result.saves[op])
    const base = summarize(baseline.saves[op])
    rows.push([
      `save: ${op} (median / p95 / p99)`,
      ...runs.map((r) => cell(s(r))),
      `${ratio((r) => s(r).p99)} (p99); baseline p99 ${ms(base.p99)}: ${runs.map((r) => `${Math.round(base.p99 / s(r).p99)}×`).join(', ')}`,
    ])
  }
  rows.push([
    'import: pages/s (per page median / p95)',
    ...runs.map(
      (r) =>
        `${r.result.import.pagesPerSecond.toFixed(1)} (${ms(r.result.import.perPage.median)} / ${ms(r.result.import.perPage.p95)})`,
    ),
    ratio((r) => r.result.import.perPage.median),
  ])
  for (const format of ['figures-csv', 'markdown'] as const) {
    const ex = (r: SizeRun) => r.result.exports.filter((e) => e.format === format)
    const med = (r: SizeRun) => summarize(ex(r).map((e) => e.ms)).median
    rows.push([
      `export ${format}: wall (CPU of the export process), MB`,
      ...runs.map((r) => {
        const e = ex(r)
        return `${e.map((x) => ms(x.ms)).join(', ')} (${e.map((x) => ms(x.jobCpuMs ?? NaN)).join(', ')}), ${(e[0].bytes / 2 ** 20).toFixed(0)} MB`
      }),
      ratio(med),
    ])
    rows.push([
      `export ${format}: export process RSS as it grows (min–max of samples; peak)`,
      ...runs.map((r) => {
        const rss = ex(r).flatMap((e) => e.samples.map((s) => s.rssMB))
        return `${rss.length ? `${Math.min(...rss)}–${Math.max(...rss)}` : '—'} MB; ${Math.round(Math.max(...ex(r).map((e) => e.jobPeakRssMB)))} MB`
      }),
      '',
    ])
  }
  rows.push([
    'holding process: peak RSS (MB), CPU s of saves / import / export',
    ...runs.map((r) => {
      const p = (name: string) => r.result.phases.find((x) => x.phase === name)
      return `${Math.max(...r.result.phases.map((x) => x.peakMB))}; ${['saves', 'import', 'export'].map((n) => ((p(n)?.cpuMs ?? NaN) / 1000).toFixed(1)).join(' / ')}`
    }),
    '',
  ])
  rows.push([
    'parse process peak RSS (MB)',
    ...runs.map((r) =>
      r.result.import.parsePeakRssMB === null ? '—' : String(Math.round(r.result.import.parsePeakRssMB)),
    ),
    '',
  ])
  rows.push(['load (1 min) before → after', ...runs.map((r) => `${r.loadBefore} → ${r.loadAfter}`), ''])
  const headers = [
    'measure',
    ...runs.map((r) => `${k(r.articles)} articles`),
    'growth, each size ÷ the one before',
  ]
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n')
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
  process.exitCode = 1
})
