// Main process: titles for articles that do not state one clearly.

const MAX_WORDS_TITLE = 80

/** The opening words of `text`, cut at a word boundary: a stand-in title that never invents anything. */
export function titleFromText(text: string): string {
  const line = text.trim().split('\n')[0]?.trim() ?? ''
  if (line.length <= MAX_WORDS_TITLE) return line
  const cut = line.slice(0, MAX_WORDS_TITLE + 1)
  const atSpace = cut.lastIndexOf(' ')
  return `${(atSpace > 20 ? cut.slice(0, atSpace) : cut.slice(0, MAX_WORDS_TITLE)).replace(/[\s,;:–—-]+$/, '')}…`
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** "Flood barrier approved | Marlow Gazette" → "Flood barrier approved" when the site name is known. */
export function stripSiteName(title: string, siteName: string | undefined): string {
  if (!siteName) return title
  const stripped = title.replace(new RegExp(`\\s+[|–—:·•-]\\s+${escapeRegExp(siteName)}\\s*$`, 'i'), '')
  return stripped.trim() || title
}

/**
 * "Tram fares frozen - By Dev Oyelaran" → "Tram fares frozen" when Dev Oyelaran is the page's author (from its
 * metadata or byline, which may carry a date after a comma). A title that is nothing but the name is kept.
 */
export function stripAuthorName(title: string, author: string | undefined): string {
  const full = author?.replace(/^\s*by\s+/i, '').trim()
  if (!full) return title
  const names = [...new Set([full, full.split(',')[0].trim()])].filter(Boolean).map(escapeRegExp)
  const suffix = new RegExp(`\\s+[|–—·•-]\\s+(?:by\\s+)?(?:${names.join('|')})\\s*$`, 'i')
  return title.replace(suffix, '').trim() || title
}

/**
 * "Fenwater plant plan revised | Coastline Post" → "Fenwater plant plan revised" when the page's own headline
 * is the part before the last bar or dash: a suffix only the <title> carries, whatever site it names.
 */
export function stripBeyondHeadline(title: string, headline: string | undefined): string {
  const words = (s: string) =>
    s
      .toLowerCase()
      .replace(/[\s\p{P}]+/gu, ' ')
      .trim()
  const match = /^(.+?)\s+[|–—·•-]\s+[^|–—·•]+$/.exec(title)
  if (!match || !headline || !words(headline)) return title
  return words(match[1]) === words(headline) ? match[1].trim() : title
}

/** A file name without folders or extension, as a last-resort title. */
export function titleFromFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name
  return base
    .replace(/\.[a-z0-9]{1,10}$/i, '')
    .replace(/[_-]+/g, ' ')
    .trim()
}
