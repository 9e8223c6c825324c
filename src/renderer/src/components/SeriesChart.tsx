// Renderer: one metric's figures over time, drawn by Observable Plot (series-plot.ts), coloured by speaker or
// source; hover shows a figure, a click opens its passage, and the chart saves as PNG or SVG.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { FigureEntry, SeriesPoint as AnySeriesPoint } from '../../../shared/figures'
import { chartPng, chartSvg, saveFile } from './chart-export'
import { drawSeries, keyOf, PALETTE } from './series-plot'
import type { ColourBy } from './series-plot'

/** A point of the chart, as figures.series sends it (an index entry as its record). */
type SeriesPoint = AnySeriesPoint<FigureEntry>

type Props = { metric: string; points: SeriesPoint[]; onPick: (p: SeriesPoint) => void }

const fileName = (metric: string, ext: string) =>
  `${metric.replace(/[^\p{L}\p{N}]+/gu, '-')}-over-time.${ext}`

export default function SeriesChart({ metric, points, onPick }: Props) {
  const holder = useRef<HTMLDivElement>(null)
  const shown = useRef<SVGSVGElement | null>(null)
  const [width, setWidth] = useState(0)
  const [colourBy, setColourBy] = useState<ColourBy>('speaker')
  const [problem, setProblem] = useState<string | null>(null)
  const keys = useMemo(() => [...new Set(points.map((p) => keyOf(p, colourBy)))], [points, colourBy])
  const units = [...new Set(points.map((p) => p.record.annotation.figure.unit).filter(Boolean))]
  const yLabel = units.length === 1 ? `${metric} (${units[0]})` : metric
  const pick = useRef(onPick)
  pick.current = onPick

  useEffect(() => {
    const el = holder.current
    if (!el) return
    const observer = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)))
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    const el = holder.current
    if (!el || width === 0 || points.length === 0) return
    const svg = drawSeries(points, { width, colourBy, keys, yLabel })
    svg.setAttribute('role', 'img')
    svg.setAttribute('aria-label', `${metric} over time by ${colourBy}`)
    // Plot's pointer keeps the figure under the pointer as the chart's value; a click opens its passage.
    const click = () => svg.value && pick.current(svg.value)
    svg.addEventListener('click', click)
    el.replaceChildren(svg)
    shown.current = svg
    return () => {
      svg.removeEventListener('click', click)
      svg.remove()
    }
  }, [points, width, colourBy, keys, yLabel, metric])

  const legend = keys.map((label, i) => ({ label, colour: PALETTE[i % PALETTE.length] }))
  const save = async (kind: 'svg' | 'png') => {
    if (!shown.current) return
    setProblem(null)
    try {
      const text = chartSvg(shown.current, { title: `${metric} over time`, legend })
      const blob =
        kind === 'svg' ? new Blob([text], { type: 'image/svg+xml;charset=utf-8' }) : await chartPng(text)
      saveFile(fileName(metric, kind), blob)
    } catch (err) {
      setProblem(`The chart could not be saved: ${err instanceof Error ? err.message : String(err)}`)
    }
  }

  if (points.length === 0)
    return <p className="muted">No figures of this metric have a period or a dated article.</p>
  return (
    <figure className="series-chart">
      <div className="series-tools">
        <label>
          <span>Colour by</span>
          <select value={colourBy} onChange={(e) => setColourBy(e.target.value as ColourBy)}>
            <option value="speaker">Speaker</option>
            <option value="source">Source</option>
          </select>
        </label>
        <button type="button" onClick={() => void save('png')}>
          Save PNG
        </button>
        <button type="button" onClick={() => void save('svg')}>
          Save SVG
        </button>
      </div>
      <div ref={holder} className="series-plot" />
      <figcaption className="legend">
        {legend.map(({ label, colour }) => (
          <span key={label}>
            <i style={{ background: colour }} />
            {label}
          </span>
        ))}
        <span className="muted">Bar: the period · band: a range · dashed arrow: “more than” / “up to”</span>
      </figcaption>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </figure>
  )
}
