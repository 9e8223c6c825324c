// Renderer: one metric's figures drawn with Observable Plot — each across its period (a bar, or a dot for one
// day), ranges as bands, an open end as a dashed arrow, one colour per speaker or source. Loaded only with the
// chart (SeriesChart is lazy), so Plot and d3 never weigh on the library's first paint.
import * as Plot from '@observablehq/plot'
import type { FigureEntry, SeriesPoint as AnySeriesPoint } from '../../../shared/figures'
import { formatFigureValue } from './FigureSummary'
import { formatDate } from '../format'

/** A point of the chart, as figures.series sends it (an index entry as its record). */
type SeriesPoint = AnySeriesPoint<FigureEntry>

export type ColourBy = 'speaker' | 'source'

/** Tableau 10: tells ten series apart on a light and a dark background. */
export const PALETTE = [
  '#4e79a7',
  '#f28e2c',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc949',
  '#af7aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ab',
]

/** The class Plot gives the chart: its own `<style>` is dropped (the CSP allows none), styles.css has ours. */
export const PLOT_CLASS = 'glossa-plot'

const DAY = 86_400_000
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`)
const isoOf = (date: Date): string => date.toISOString().slice(0, 10)

export const keyOf = (p: SeriesPoint, by: ColourBy): string => (by === 'speaker' ? p.speaker : p.source)

/** What hovering a figure shows: the value, who said it, the article, the period. */
export function describePoint(p: SeriesPoint): string {
  const period = p.start === p.end ? formatDate(p.start) : `${formatDate(p.start)} – ${formatDate(p.end)}`
  return [
    formatFigureValue(p.record.annotation.figure),
    `Said by ${p.speaker}`,
    `${p.record.article.title}${p.record.article.source ? ` (${p.record.article.source})` : ''}`,
    p.dated === 'period' ? period : `${period} (article's date; no period)`,
  ].join('\n')
}

type Drawn = SeriesPoint & { key: string; x1: Date; x2: Date; mid: Date; top: number }

/** The chart as a detached SVG element, `plot.value` being the figure under the pointer. */
export function drawSeries(
  points: SeriesPoint[],
  opts: { width: number; colourBy: ColourBy; keys: string[]; yLabel: string },
): SVGSVGElement & { value?: SeriesPoint | null } {
  const drawn: Drawn[] = points.map((p) => {
    const [start, end] = [dayOf(p.start), dayOf(p.end) + DAY]
    return {
      ...p,
      key: keyOf(p, opts.colourBy),
      x1: new Date(start),
      x2: new Date(end),
      mid: new Date((start + end) / 2),
      top: p.max ?? p.value,
    }
  })
  const oneDay = (d: Drawn) => d.start === d.end
  const low = Math.min(0, ...drawn.map((d) => d.value))
  const high = Math.max(...drawn.map((d) => d.top))
  // An open end reaches an eighth of the value axis past the figure.
  const reach = (high - low || Math.abs(high) || 1) / 8
  const first = Math.min(...drawn.map((d) => d.x1.getTime()))
  const last = Math.max(...drawn.map((d) => d.x2.getTime()))
  const pad = Math.max(DAY, (last - first) / 20)
  const colour = { stroke: 'key', fill: 'key' } as const
  const svg = Plot.plot({
    className: PLOT_CLASS,
    width: opts.width,
    height: Math.round(Math.min(380, Math.max(240, opts.width * 0.38))),
    marginLeft: 64,
    marginRight: 24,
    marginBottom: 36,
    x: {
      type: 'utc',
      domain: [new Date(first - pad), new Date(last + pad)],
      label: null,
      ticks: Math.max(2, Math.floor(opts.width / 170)),
      tickFormat: (d: Date) => formatDate(isoOf(d)),
    },
    y: {
      domain: [low, high + (drawn.some((d) => d.openEnd === 'above') ? reach * 1.2 : 0)],
      nice: true,
      grid: true,
      label: opts.yLabel,
      tickFormat: (v: number) => v.toLocaleString('en-GB'),
    },
    color: { type: 'categorical', domain: opts.keys, range: PALETTE },
    marks: [
      Plot.ruleY([0]),
      // Ranges over a period: bands from value to max.
      Plot.rect(
        drawn.filter((d) => d.max !== undefined),
        { x1: 'x1', x2: 'x2', y1: 'value', y2: 'max', ...colour, fillOpacity: 0.25, strokeWidth: 1.5 },
      ),
      // Single values over a period of days: bars from start to end.
      Plot.ruleY(
        drawn.filter((d) => d.max === undefined && !oneDay(d)),
        { x1: 'x1', x2: 'x2', y: 'value', stroke: 'key', strokeWidth: 5, strokeLinecap: 'round' },
      ),
      // One-day figures: dots.
      Plot.dot(
        drawn.filter((d) => d.max === undefined && oneDay(d)),
        { x: 'mid', y: 'value', ...colour, r: 5 },
      ),
      // "more than" / "up to": a dashed arrow past the figure on its open side.
      Plot.arrow(
        drawn.filter((d) => d.openEnd),
        {
          x: 'mid',
          y1: (d: Drawn) => (d.openEnd === 'above' ? d.top : d.value),
          y2: (d: Drawn) => (d.openEnd === 'above' ? d.top + reach : d.value - reach),
          stroke: 'key',
          strokeWidth: 1.5,
          strokeDasharray: '4 3',
          headLength: 7,
        },
      ),
      Plot.tip(
        drawn,
        Plot.pointer({
          x: 'mid',
          y: (d: Drawn) => (d.value + d.top) / 2,
          title: describePoint,
          fontSize: 12,
          lineHeight: 1.2,
        }),
      ),
    ],
  }) as unknown as SVGSVGElement & { value?: SeriesPoint | null }
  // Plot adds a <style> of defaults; under the app's CSP it would be refused, so it goes before it is shown.
  for (const style of svg.querySelectorAll('style')) style.remove()
  return svg
}
