// Bench (Node): turns the raw samples of a run into the figures reported, the table and the target checks.
import type { BaselineResult } from './baseline-child'
import type { ExportChildResult } from './export-child'
import type { HolderResult } from './holder'
import type { OpenResult } from './open-child'
import type { Row, TargetCheck } from './report'
import { ms, summaryRow, times } from './report'
import type { SaveSamples } from './saves'
import type { Summary } from './stats'
import { mb, summarize } from './stats'

type SaveSummaries = { create: Summary; update: Summary; delete: Summary }
const OPS = ['create', 'update', 'delete'] as const

function saveSummaries(s: SaveSamples): SaveSummaries {
  return { create: summarize(s.create), update: summarize(s.update), delete: summarize(s.delete) }
}

export function buildFigures(raw: {
  cold: { child: OpenResult; wallMs: number }[]
  holder: HolderResult
  exports: ExportChildResult[]
  baseline: BaselineResult
}) {
  const { holder, baseline } = raw
  const saves = saveSummaries(holder.saves)
  const base = saveSummaries(baseline.saves)
  const gather = raw.exports.map((e) => e.gatherMs)
  return {
    coldOpen: {
      mode: 'fresh Node process per repetition (OS page cache warm)',
      openAndList: summarize(raw.cold.map((c) => c.child.totalMs)),
      open: summarize(raw.cold.map((c) => c.child.openMs)),
      list: summarize(raw.cold.map((c) => c.child.listMs)),
      processWall: summarize(raw.cold.map((c) => c.wallMs)),
      articles: raw.cold[0]?.child.articles ?? 0,
    },
    saves,
    savesWithSearch: holder.savesWithSearch ? saveSummaries(holder.savesWithSearch) : null,
    baseline: {
      fileMB: mb(baseline.fileBytes),
      openMs: baseline.openMs,
      peakRssMB: mb(baseline.peakRss),
      ...base,
    },
    ratios: Object.fromEntries(
      OPS.map((op) => [
        op,
        { p99: base[op].p99 / saves[op].p99, median: base[op].median / saves[op].median },
      ]),
    ) as Record<(typeof OPS)[number], { p99: number; median: number }>,
    search: holder.search,
    import: holder.import,
    export: {
      annotations: raw.exports[0]?.annotations ?? 0,
      csvBytes: raw.exports[0]?.first.csvBytes ?? 0,
      markdownBytes: raw.exports[0]?.first.markdownBytes ?? 0,
      gather: summarize(gather),
      csvFormat: summarize(raw.exports.flatMap((e) => e.csvMs)),
      markdownFormat: summarize(raw.exports.flatMap((e) => e.markdownMs)),
      csvTotal: summarize(raw.exports.map((e) => e.first.csvMs + e.first.csvWriteMs)),
      markdownTotal: summarize(raw.exports.map((e) => e.first.markdownMs + e.first.markdownWriteMs)),
      fromHolder: holder.exportFromHolder,
      /** Peak RSS of the export job processes, over every export of the run. */
      jobPeakRssMB: Math.max(
        holder.exportFromHolder.jobPeakRssMB,
        ...raw.exports.map((e) => e.first.jobPeakRssMB),
      ),
    },
    memory: {
      peakMB: mb(holder.memory[holder.memory.length - 1].peak),
      phases: holder.memory.map((m) => ({
        phase: m.phase,
        peakMB: mb(m.peak),
        rssMB: mb(m.rss),
        heapUsedMB: mb(m.heapUsed),
      })),
    },
    warmOpenMs: holder.openMs,
  }
}

export type Figures = ReturnType<typeof buildFigures>

export function figureRows(f: Figures): Row[] {
  const rows: Row[] = [
    summaryRow('1. open + list (cold process)', f.coldOpen.openAndList, `${f.coldOpen.articles} articles`),
    summaryRow('   … whole process incl. Node start', f.coldOpen.processWall),
  ]
  for (const op of OPS) {
    const r = f.ratios[op]
    rows.push(
      summaryRow(
        `2. save: ${op}`,
        f.saves[op],
        `p99 ${ms(f.saves[op].p99)} vs ${ms(f.baseline[op].p99)} baseline = ${times(r.p99)} faster`,
      ),
      summaryRow(`   baseline (one ${f.baseline.fileMB} MB lowdb file): ${op}`, f.baseline[op]),
    )
  }
  if (f.savesWithSearch) rows.push(summaryRow('   save: create, search index open', f.savesWithSearch.create))
  rows.push(
    summaryRow('3. search (20 queries, limit 20)', f.search.queries),
    {
      measure: '   index open: build / load saved',
      note:
        `${ms(f.search.buildMs)} / ${ms(f.search.reopenMs)}` +
        (f.search.reopenRebuiltBecause ? ` (reopen rebuilt: ${f.search.reopenRebuiltBecause})` : ''),
    },
    {
      measure: '   index builder process (first build only)',
      note: f.search.builder
        ? `${ms(f.search.builder.ms)}, peak RSS ${f.search.builder.peakRssMB.toFixed(1)} MB`
        : 'not used',
    },
  )
  rows.push(
    summaryRow(
      '4. import one saved page',
      f.import.perPage,
      `${f.import.pagesPerSecond.toFixed(1)} pages/s (${f.import.pages} pages, mean ${f.import.meanPageKB.toFixed(0)} KB)`,
    ),
    summaryRow(
      '5. export: gather every annotation at once',
      f.export.gather,
      `${f.export.annotations} annotations, fresh process`,
    ),
    summaryRow(
      '   export: CSV (app: export process + write)',
      f.export.csvTotal,
      `${mb(f.export.csvBytes)} MB figures.csv`,
    ),
    summaryRow(
      '   export: Markdown (app: export process + write)',
      f.export.markdownTotal,
      `${mb(f.export.markdownBytes)} MB notes.md`,
    ),
    summaryRow('   CSV format only', f.export.csvFormat),
    summaryRow('   Markdown format only', f.export.markdownFormat),
    { measure: '   export processes: peak RSS', note: `${f.export.jobPeakRssMB.toFixed(1)} MB` },
    {
      measure: '   import: parse process peak RSS',
      note: f.import.parsePeakRssMB === null ? 'not running' : `${f.import.parsePeakRssMB.toFixed(1)} MB`,
    },
    { measure: '6. peak RSS, process holding the archive', note: `${f.memory.peakMB} MB` },
    ...f.memory.phases.map((p) => ({
      measure: `   by the end of: ${p.phase}`,
      note: `peak ${p.peakMB} MB, RSS ${p.rssMB} MB, JS heap in use ${p.heapUsedMB} MB`,
    })),
  )
  return rows
}

export function targetChecks(f: Figures): TargetCheck[] {
  const checks: TargetCheck[] = []
  for (const op of OPS) {
    checks.push({ target: `save ${op} p99 < 5 ms`, value: ms(f.saves[op].p99), pass: f.saves[op].p99 < 5 })
    checks.push({
      target: `save ${op} ≥ 100× faster than baseline (p99)`,
      value: `${times(f.ratios[op].p99)} (median ${times(f.ratios[op].median)})`,
      pass: f.ratios[op].p99 >= 100,
    })
  }
  const open = f.coldOpen.openAndList
  checks.push({
    target: 'open + list < 500 ms (median, cold process)',
    value: ms(open.median),
    pass: open.median < 500,
  })
  checks.push({
    target: 'search p95 < 20 ms',
    value: ms(f.search.queries.p95),
    pass: f.search.queries.p95 < 20,
  })
  checks.push({
    target: 'import ≥ 50 pages/s',
    value: `${f.import.pagesPerSecond.toFixed(1)} pages/s`,
    pass: f.import.pagesPerSecond >= 50,
  })
  for (const [name, s] of [
    ['CSV', f.export.csvTotal],
    ['Markdown', f.export.markdownTotal],
  ] as const) {
    checks.push({
      target: `export ${f.export.annotations} annotations to ${name} < 2 s (median)`,
      value: ms(s.median),
      pass: s.median < 2000,
    })
  }
  checks.push({ target: 'peak RSS < 400 MB', value: `${f.memory.peakMB} MB`, pass: f.memory.peakMB < 400 })
  checks.push({
    target: 'peak RSS < 400 MB, parse process (imports)',
    value: f.import.parsePeakRssMB === null ? 'not measured' : `${f.import.parsePeakRssMB.toFixed(1)} MB`,
    pass: f.import.parsePeakRssMB === null ? null : f.import.parsePeakRssMB < 400,
  })
  checks.push({
    target: 'peak RSS < 400 MB, export processes',
    value: `${f.export.jobPeakRssMB.toFixed(1)} MB`,
    pass: f.export.jobPeakRssMB < 400,
  })
  // The builder runs only when there is no usable saved index, but it is part of the app: judged the same.
  const builderPeak = f.search.builder?.peakRssMB
  checks.push({
    target: 'peak RSS < 400 MB, index builder process',
    value: builderPeak === undefined ? 'not used' : `${builderPeak.toFixed(1)} MB`,
    pass: builderPeak === undefined ? null : builderPeak < 400,
  })
  return checks
}
