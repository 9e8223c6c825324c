// Main process: publication dates as the schema stores them, YYYY-MM-DD or a full ISO timestamp.
import * as chrono from 'chrono-node'
import { dateSchema } from '../../shared/schemas'

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i

/** A date string the schema accepts, or undefined when `raw` holds no full calendar date. */
export function normalizeDate(raw: unknown): string | undefined {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw.toISOString()
  if (typeof raw !== 'string' || !raw.trim() || raw.length > 200) return undefined
  const value = raw.trim()
  const iso = ISO.exec(value)
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso
    if (!isCalendarDate(+y, +mo, +d)) return undefined
    const day = `${y}-${mo}-${d}`
    if (h === undefined || +h > 23 || +mi > 59 || +(s ?? 0) > 59) return day
    const stamp = `${day}T${h}:${mi}:${s ?? '00'}${frac ?? ''}${zone ? zone.toUpperCase() : ''}`
    return dateSchema.safeParse(stamp).success ? stamp : day
  }
  return parseNaturalDate(value)
}

// "January 10, 2024", "10 Jan 2024 08:30", "2024/01/10": a day, a month and a four-digit year, never "3 hours ago".
function parseNaturalDate(value: string): string | undefined {
  const result = chrono.strict.parse(value)[0]
  if (!result || !/\b\d{4}\b/.test(result.text)) return undefined
  const { start } = result
  if (!start.isCertain('day') || !start.isCertain('month') || !start.isCertain('year')) return undefined
  const y = start.get('year') ?? 0
  const m = start.get('month') ?? 0
  const d = start.get('day') ?? 0
  if (!isCalendarDate(y, m, d)) return undefined
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}
