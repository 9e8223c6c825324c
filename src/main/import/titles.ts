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

/** "Flood barrier approved | Marlow Gazette" → "Flood barrier approved" when the site name is known. */
export function stripSiteName(title: string, siteName: string | undefined): string {
  if (!siteName) return title
  const escaped = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const stripped = title.replace(new RegExp(`\\s+[|–—:·•-]\\s+${escaped}\\s*$`, 'i'), '')
  return stripped.trim() || title
}

/** A file name without folders or extension, as a last-resort title. */
export function titleFromFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name
  return base
    .replace(/\.[a-z0-9]{1,10}$/i, '')
    .replace(/[_-]+/g, ' ')
    .trim()
}
