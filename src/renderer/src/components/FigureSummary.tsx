// Renderer: a figure's fields on one line: "more than 50 manufacturers · industry/drone-makers · Dec 2023".
import type { Figure } from '../../../shared/types'
import { formatDate } from '../format'

export function formatFigureValue(f: Figure): string {
  const n = (v: number) => v.toLocaleString(undefined, { maximumFractionDigits: 6 })
  const value = f.max !== undefined && f.max !== f.value ? `${n(f.value)}–${n(f.max)}` : n(f.value)
  const unit = f.unit === '%' ? '%' : f.unit ? ` ${f.unit}` : ''
  return `${f.qualifier ? `${f.qualifier} ` : ''}${value}${unit}`
}

export function formatPeriod(f: Figure): string {
  if (!f.periodStart) return ''
  if (!f.periodEnd || f.periodEnd === f.periodStart) return formatDate(f.periodStart)
  return `${formatDate(f.periodStart)} – ${formatDate(f.periodEnd)}`
}

export default function FigureSummary({ figure }: { figure: Figure }) {
  const parts = [
    figure.metric,
    formatPeriod(figure),
    figure.place,
    figure.attributedTo && `said ${figure.attributedTo}`,
  ]
  return (
    <div className="figure-summary">
      <span className="figure-value">{formatFigureValue(figure)}</span>
      {parts.filter(Boolean).map((p) => (
        <span key={p as string} className="figure-field">
          {p}
        </span>
      ))}
    </div>
  )
}
