// Bench (Node): the results table and the pass/fail list, as plain text for a terminal or a README.
import type { Summary } from './stats'

export type Row = { measure: string; n?: number; median?: string; p95?: string; p99?: string; note?: string }
export type TargetCheck = { target: string; value: string; pass: boolean | null }

export function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '—'
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`
  if (value >= 100) return `${Math.round(value)} ms`
  if (value >= 10) return `${value.toFixed(1)} ms`
  return `${value.toFixed(2)} ms`
}

export function times(ratio: number): string {
  return ratio >= 10 ? `${Math.round(ratio)}×` : `${ratio.toFixed(1)}×`
}

export function summaryRow(measure: string, s: Summary, note?: string): Row {
  return { measure, n: s.n, median: ms(s.median), p95: ms(s.p95), p99: ms(s.p99), note }
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n')
}

export function renderRows(rows: Row[]): string {
  return table(
    ['Measure', 'n', 'median', 'p95', 'p99', 'notes'],
    rows.map((r) => [
      r.measure,
      r.n?.toString() ?? '',
      r.median ?? '',
      r.p95 ?? '',
      r.p99 ?? '',
      r.note ?? '',
    ]),
  )
}

export function renderTargets(checks: TargetCheck[]): string {
  return table(
    ['Target', 'Measured', 'Result'],
    checks.map((c) => [c.target, c.value, c.pass === null ? 'not measured' : c.pass ? 'PASS' : 'MISS']),
  )
}
