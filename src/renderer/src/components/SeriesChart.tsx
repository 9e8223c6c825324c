// Renderer: one metric's values over the period axis, one colour per source, so disagreements stand out.
import type { SeriesPoint } from '../../../shared/figures'
import { formatDate } from '../format'

const W = 640
const H = 220
const PAD = { left: 56, right: 16, top: 14, bottom: 34 }
const PALETTE = ['#2f5d8a', '#c0562f', '#4d8a55', '#8a4fbf', '#c89b2c', '#2f8a86', '#b03a6a']

export default function SeriesChart({
  points,
  onPick,
}: {
  points: SeriesPoint[]
  onPick: (p: SeriesPoint) => void
}) {
  if (points.length === 0)
    return <p className="muted">No figures of this metric have a period or a dated article.</p>
  const days = points.map((p) => Date.parse(p.date))
  const [x0, x1] = [Math.min(...days), Math.max(...days)]
  const top = Math.max(...points.map((p) => p.max ?? p.value))
  const bottom = Math.min(0, ...points.map((p) => p.value))
  const span = x1 - x0 || 86_400_000
  const x = (d: number) =>
    PAD.left + ((d - x0 + (x1 === x0 ? span / 2 : 0)) / span) * (W - PAD.left - PAD.right)
  const y = (v: number) =>
    H - PAD.bottom - ((v - bottom) / (top - bottom || 1)) * (H - PAD.top - PAD.bottom) * 0.92
  const sources = [...new Set(points.map((p) => p.source))]
  const color = (s: string) => PALETTE[sources.indexOf(s) % PALETTE.length]
  const ticks = [bottom, (bottom + top) / 2, top]

  return (
    <figure className="series-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Values over time by source">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="grid" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" className="axis">
              {t.toLocaleString(undefined, { maximumFractionDigits: 1 })}
            </text>
          </g>
        ))}
        <text x={PAD.left} y={H - 10} className="axis">
          {formatDate(points[0].date)}
        </text>
        <text x={W - PAD.right} y={H - 10} textAnchor="end" className="axis">
          {formatDate(points[points.length - 1].date)}
        </text>
        {sources.map((s) => {
          const mine = points.filter((p) => p.source === s)
          return mine.length > 1 ? (
            <polyline
              key={s}
              fill="none"
              stroke={color(s)}
              strokeOpacity={0.5}
              points={mine.map((p) => `${x(Date.parse(p.date))},${y(p.value)}`).join(' ')}
            />
          ) : null
        })}
        {points.map((p) => (
          <g key={p.record.annotation.id} className="point" onClick={() => onPick(p)}>
            {p.max !== undefined && (
              <line
                x1={x(Date.parse(p.date))}
                x2={x(Date.parse(p.date))}
                y1={y(p.value)}
                y2={y(p.max)}
                stroke={color(p.source)}
                strokeWidth={3}
              />
            )}
            <circle cx={x(Date.parse(p.date))} cy={y(p.value)} r={5} fill={color(p.source)}>
              <title>{`${p.value.toLocaleString()} — ${p.source}, ${formatDate(p.date)}`}</title>
            </circle>
          </g>
        ))}
      </svg>
      <figcaption className="legend">
        {sources.map((s) => (
          <span key={s}>
            <i style={{ background: color(s) }} />
            {s}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}
