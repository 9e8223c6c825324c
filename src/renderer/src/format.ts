// Renderer: how dates and counts read on screen.

// The first Intl formatter a page builds loads the locale's data (about 15 ms here), so they are built on first
// use or when the app is waiting anyway (warmFormats), never while the first screen is being prepared.
let dateFormat: Intl.DateTimeFormat | undefined
let numberFormat: Intl.NumberFormat | undefined
const dates = () =>
  (dateFormat ??= new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' }))
const numbers = () => (numberFormat ??= new Intl.NumberFormat())

/** Builds the formatters ahead of their first use. */
export function warmFormats(): void {
  dates()
  numbers()
}

/** "10 Jan 2024" for an ISO date; the raw string if it is not one. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return ''
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso)
  return Number.isNaN(date.getTime()) ? iso : dates().format(date)
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${numbers().format(n)} ${n === 1 ? one : many}`
}

export function hostOf(url: string | undefined): string {
  if (!url) return ''
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return ''
  }
}
