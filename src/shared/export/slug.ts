// Runs everywhere: file names for exported notes that are safe on Windows, macOS and Linux.

export const MAX_SLUG_LENGTH = 80

// Latin letters that Unicode decomposition leaves alone.
const LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŋ: 'ng',
}

// Device names Windows refuses as file names, whatever the extension.
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/

/** Lower-case ASCII letters, digits and single dashes, at most `max` characters, cut at a word if it can be. */
export function slugify(text: string, max = MAX_SLUG_LENGTH): string {
  const ascii = text
    .toLowerCase()
    .replace(/[ßæœøłđðþıħŋ]/g, (c) => LETTERS[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  if (slug.length <= max) return slug
  const cut = slug.slice(0, max + 1)
  const lastDash = cut.lastIndexOf('-')
  return (lastDash > max / 2 ? cut.slice(0, lastDash) : slug.slice(0, max)).replace(/-+$/, '')
}

/**
 * Hands out unique slugs: the slug of `text` (or of `fallback` when `text` has no ASCII-able letters),
 * then `-2`, `-3`… on collisions, always within MAX_SLUG_LENGTH.
 */
export function createSlugger(): (text: string, fallback: string) => string {
  const used = new Set<string>()
  return (text, fallback) => {
    let base = slugify(text) || slugify(fallback) || 'untitled'
    if (RESERVED.test(base)) base = `${base}-note`
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : `-${n}`
      const candidate = slugify(base, MAX_SLUG_LENGTH - suffix.length) + suffix
      if (!used.has(candidate)) {
        used.add(candidate)
        return candidate
      }
    }
  }
}
