// Bench (Node): `npm run bench [-- --size small] [--json] [--fresh] [--seed N] [--busy]`. Generates (or reuses) the
// synthetic archive and its one-file baseline, runs every measure, prints the table or one JSON object.
// `--busy`: a second process keeps one core busy for the whole run, as a browser beside Glossa does.
import { spawn } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { BaselineInput, BaselineResult } from './baseline-child'
import { runChild } from './child'
import type { ExportChildResult } from './export-child'
import { generateArchive, readManifest } from './generate'
import type { HolderInput, HolderResult } from './holder'
import type { OpenResult } from './open-child'
import { measurePdf, pdfRows } from './pdf'
import { renderRows, renderTargets } from './report'
import { measureSync, syncRows } from './sync-measure'
import { buildFigures, figureRows, targetChecks } from './results-model'
import { SIZES, benchPaths, projectRoot, resultsDir } from './sizes'
import type { SizeName } from './sizes'

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'full' },
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
    busy: { type: 'boolean', default: false },
    dir: { type: 'string' },
  },
})

const log = (line: string) => process.stderr.write(`${line}\n`)

async function main(): Promise<void> {
  if (!(values.size in SIZES)) throw new Error(`--size is one of ${Object.keys(SIZES).join(', ')}.`)
  const size = SIZES[values.size as SizeName]
  const seed = Number(values.seed)
  const paths = benchPaths(size.name, seed, values.dir)
  const started = performance.now()
  const loadBefore = loadavg()
  // A plain spin loop in its own Node process: one core taken for as long as the run lasts.
  const busy = values.busy ? spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }) : null
  if (busy) log('--busy: a second process keeps one core busy for the whole run')
  try {
    await measureAll(size, seed, paths, started, loadBefore, values.busy)
  } finally {
    busy?.kill()
  }
}

async function measureAll(
  size: (typeof SIZES)[SizeName],
  seed: number,
  paths: ReturnType<typeof benchPaths>,
  started: number,
  loadBefore: number[],
  busy: boolean,
): Promise<void> {
  let manifest = values.fresh ? null : await readManifest(paths)
  const reused = manifest !== null
  if (!manifest) {
    log(
      `Generating a ${size.name} archive (${size.articles} articles, ${size.annotations} annotations) in ${paths.root}`,
    )
    manifest = await generateArchive(paths, size, seed, log)
    log(`  done in ${(manifest.generatedInMs / 1000).toFixed(1)} s`)
  } else log(`Reusing the ${size.name} archive in ${paths.root} (--fresh to rebuild)`)

  log(`1. open + list: ${size.reps.coldOpen} fresh processes (+1 warm-up)`)
  const cold: { child: OpenResult; wallMs: number }[] = []
  for (let i = 0; i <= size.reps.coldOpen; i++) {
    const run = await runChild<OpenResult>('open-child', { archive: paths.archive })
    if (i > 0) cold.push({ child: run.value, wallMs: run.wallMs })
  }

  log('2–6. the process holding the archive: saves, search, import, export, memory')
  const holder = await runChild<HolderResult>('holder', {
    archive: paths.archive,
    seed,
    saves: size.reps.saves,
    searchRounds: size.reps.searchRounds,
    importPages: size.reps.importPages,
  } satisfies HolderInput)

  log(`5. export: ${size.reps.exportRuns} fresh processes`)
  const exports: ExportChildResult[] = []
  for (let i = 0; i < size.reps.exportRuns; i++) {
    exports.push(
      (await runChild<ExportChildResult>('export-child', { archive: paths.archive, formatReps: 3 })).value,
    )
  }

  log('2. baseline: the same saves against one lowdb file holding the whole archive')
  // Above 10,000 articles the baseline is the 10,000-article one (generated if missing): the target is a ratio
  // against that file, and a lowdb file of a larger archive would take gigabytes to hold and minutes a save.
  const small = size.articles <= SIZES.full.articles
  const basePaths = small ? paths : benchPaths('full', seed)
  if (!small && !(await readManifest(basePaths))) {
    log('  generating the 10,000-article archive the baseline is built from')
    await generateArchive(basePaths, SIZES.full, seed, log)
  }
  const baseline = await runChild<BaselineResult>('baseline-child', {
    archive: basePaths.archive,
    file: basePaths.baseline,
    seed,
    saves: size.reps.baselineSaves,
  } satisfies BaselineInput)

  // PDF reports (#15): bench/pdf.ts, on reports of its own.
  const pdf = await measurePdf(log)

  // Team sync (#17): bench/sync-measure.ts — a fresh archive pulling the 10,000 articles (the run's count
  // when it is smaller), and 100 new annotations reaching the other side, repeated.
  log('Team sync: a fresh archive pulls the team archive; 100 new annotations reach the other side')
  const sync = await measureSync({
    articles: Math.min(size.articles, SIZES.full.articles),
    runs: size.name === 'small' ? 3 : 5,
    worker: join(projectRoot, 'out', 'cli', 'sync-worker.js'),
    log,
  })

  const figures = buildFigures({ cold, holder: holder.value, exports, baseline: baseline.value })
  const targets = targetChecks(figures)
  const result = {
    size: size.name,
    seed,
    busy,
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      // Other work on the machine inflates the tails: the 1-minute load average before and after the run.
      loadBefore: loadBefore[0],
      loadAfter: loadavg()[0],
    },
    archive: { dir: paths.archive, ...manifest, reused },
    runSeconds: Math.round((performance.now() - started) / 1000),
    figures,
    targets,
    pdf,
    sync,
  }
  await mkdir(resultsDir, { recursive: true })
  const json = JSON.stringify(result, null, 2)
  const file = join(resultsDir, `bench-${size.name}${busy ? '-busy' : ''}.json`)
  await writeFile(file, json)
  if (values.json) {
    process.stdout.write(`${json}\n`)
    return
  }
  console.log(
    `\nGlossa bench — ${size.name}: ${manifest.articles} articles, ${manifest.annotations} annotations · ` +
      `${result.machine.cpus} cores, ${result.machine.memoryGB} GiB, Node ${process.version} · ${result.runSeconds} s · ` +
      `load ${loadBefore[0].toFixed(1)} → ${loadavg()[0].toFixed(1)}${busy ? ' · one core kept busy' : ''}\n`,
  )
  console.log(renderRows(figureRows(figures)))
  console.log(`\nPDF reports\n${renderRows(pdfRows(pdf))}`)
  console.log(`\nTeam sync\n${renderRows(syncRows(sync))}`)
  console.log(`\n${renderTargets(targets)}`)
  console.log(`\nAll figures: ${file}`)
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err))
  process.exitCode = 1
})
