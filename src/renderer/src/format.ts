// Renderer: how dates and counts read on screen. The app speaks English, and its dates read "10 Jan 2024" on
// every machine; they are formatted here rather than by Intl, whose first formatter loads the locale's data
// (about 15 ms on a slow machine) while the library's first rows are waiting.

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

function groupThousands(n: number): string {
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
