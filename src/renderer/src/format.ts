// Renderer: how dates and counts read on screen. The app speaks English, and its dates read "10 Jan 2024" on
// every machine; they are formatted here rather than by Intl, whose first formatter loads the locale's data
// (about 15 ms on a slow machine) while the library's first rows are waiting.
import { MONTHS as MONTH_NAMES } from '../../shared/months'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "10 Jan 2024" for an ISO date, or for a timestamp's day in local time; the raw string if it is not one. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return ''
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])]
    // A day the month has (no 30 February): the same date back from the calendar.
    const real = new Date(Date.UTC(year, month - 1, date))
    return real.getUTCMonth() === month - 1 && real.getUTCDate() === date
      ? `${date} ${MONTHS[month - 1]} ${year}`
      : iso
  }
  const time = new Date(iso)
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(time.getTime())) return iso
  return `${time.getDate()} ${MONTHS[time.getMonth()]} ${time.getFullYear()}`
}

/** "1 article", "10,000 articles". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${groupThousands(n)} ${n === 1 ? one : many}`
}

/** "10,000". */
export function groupThousands(n: number): string {
  const [whole, fraction] = String(Math.abs(n)).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',')
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`
}

export function hostOf(url: string | undefined): string {
  if (!url) return ''
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return ''
  }
}

/** The month a word names: "Jan", "jan.", "January", "Sept"; undefined for anything else. */
function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '')
  if (w.length < 3) return undefined
  const at = MONTH_NAMES.findIndex((name) => name.startsWith(w))
  return at < 0 ? undefined : at + 1
}

/**
 * The ISO day ("2024-01-10") a typed date names: "10 Jan 2024" as the app writes it, "10 January 2024",
 * "Jan 10, 2024" or "2024-01-10". Undefined for anything else, and for days a month lacks (30 Feb).
 */
export function parseDate(typed: string): string | undefined {
  const text = typed.trim().replace(/,/g, ' ').replace(/\s+/g, ' ')
  let parts: [number, number, number] | undefined
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text)
  const dayFirst = /^(\d{1,2}) ([\p{L}.]+) (\d{4})$/u.exec(text)
  const monthFirst = /^([\p{L}.]+) (\d{1,2}) (\d{4})$/u.exec(text)
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
  else if (dayFirst && monthOf(dayFirst[2]))
    parts = [Number(dayFirst[3]), monthOf(dayFirst[2])!, Number(dayFirst[1])]
  else if (monthFirst && monthOf(monthFirst[1]))
    parts = [Number(monthFirst[3]), monthOf(monthFirst[1])!, Number(monthFirst[2])]
  if (!parts) return undefined
  const [year, month, day] = parts
  const real = new Date(Date.UTC(year, month - 1, day))
  if (year < 1000 || real.getUTCMonth() !== month - 1 || real.getUTCDate() !== day) return undefined
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
