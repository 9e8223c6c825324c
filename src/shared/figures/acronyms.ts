// Runs everywhere: a body's name spelled out as the article introduced it: "Haut Conseil des finances
// publiques (HCFP)", "Direction de la recherche, des études, de l’évaluation et des statistiques (Drees)".

const MAX_WORDS = 14

/** Initials of the words that carry one: short lower-case words (de, la, of, the) and elisions (l’) carry none. */
function initials(words: readonly string[]): string {
  return words
    .map((w) => w.replace(/^(?:[dl]|qu)['’]/i, ''))
    .filter((w) => /^\p{Lu}/u.test(w) || w.length > 3)
    .map((w) => w[0])
    .join('')
}

const plain = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()

/**
 * The name before "(ACRONYM)" in `text` whose words' initials spell the acronym (accents and case
 * aside), e.g. "HCFP" or "Drees"; undefined when the text never spells it out.
 */
export function spelledOut(text: string, acronym: string): string | undefined {
  const escaped = acronym.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  for (const m of text.matchAll(new RegExp(`\\(${escaped}\\)`, 'gu'))) {
    const words = [...text.slice(Math.max(0, m.index - 200), m.index).matchAll(/[\p{L}'’-]+|,/gu)]
    const tail = words.slice(-MAX_WORDS)
    for (let k = tail.length - 1; k >= 0; k--) {
      const candidate = tail.slice(k).map((w) => w[0])
      if (candidate[0] === ',' || !/^\p{Lu}/u.test(candidate[0])) continue
      if (plain(initials(candidate.filter((w) => w !== ','))) !== plain(acronym)) continue
      return text.slice(Math.max(0, m.index - 200) + tail[k].index, m.index).replace(/[\s,]+$/, '')
    }
  }
  return undefined
}

/** "Direction de la recherche" → the whole name when the text goes on to spell out an acronym from it. */
export function fullBodyName(text: string, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const found = new RegExp(`${escaped}[^()]{0,120}?\\((\\p{Lu}[\\p{L}]{1,7})\\)`, 'u').exec(text)
  if (found === null) return undefined
  const full = spelledOut(text, found[1])
  return full?.startsWith(name) ? full : undefined
}
