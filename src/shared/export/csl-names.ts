// Runs everywhere: a news byline turned into CSL names (`{ given, family }` or `{ literal }`).

export type CslName = { given: string; family: string; suffix?: string } | { literal: string }

// Words that mark a newsroom, agency or institution rather than a person.
const ORGANISATION_WORDS = new Set(
  (
    'agency agence associated press reuters news newsroom staff desk editorial editors board team bureau service ' +
    'ministry office department council committee government institute university foundation association ' +
    'company group media times post herald tribune journal gazette daily weekly radio television tv broadcasting ' +
    'network correspondent correspondents reporters writers wire'
  ).split(' '),
)
const PARTICLES = new Set('van von der den de del della di da dos das du la le ter ten bin al el'.split(' '))
const SUFFIXES = /^(jr|sr|ii|iii|iv)\.?$/i

/** Splits a byline into names on " and ", "&", ";" and ",". */
function splitByline(text: string): string[] {
  return text
    .split(/\s*(?:,|;|&|\band\b)\s*/i)
    .map((part) => part.trim())
    .filter(Boolean)
}

/** Digits, symbols, acronyms (`AFP`) or newsroom words (`Staff`, `Agency`). */
function hasOrganisationMarks(name: string): boolean {
  if (/\d|[@/()]/.test(name)) return true
  const words = name.split(' ')
  return words.some((word) => /^[A-Z]{2,}$/.test(word) || ORGANISATION_WORDS.has(word.toLowerCase()))
}

/** A byline part that is not a person: marked as an organisation, a single word, or longer than four words. */
function looksLikeOrganisation(name: string): boolean {
  const words = name.split(' ').length
  return words === 1 || words > 4 || hasOrganisationMarks(name)
}

/** One person's name: the last word is the family name, with any particles before it (`von der Leyen`). */
export function personName(name: string): CslName {
  const words = name.split(' ')
  let split = words.length - 1
  while (
    split > 1 &&
    PARTICLES.has(words[split - 1].toLowerCase()) &&
    words[split - 1] === words[split - 1].toLowerCase()
  ) {
    split--
  }
  return { given: words.slice(0, split).join(' '), family: words.slice(split).join(' ') }
}

/**
 * CSL names for a byline. "Olena Kovalenko" → given/family; "A B and C D" or "A B, C D" → two people;
 * "Kovalenko, Olena" (one comma, one word before it) → family, given; "Jr." joins the name before it;
 * agencies, desks, acronyms, single words and long names → `{ literal }`.
 */
export function parseAuthors(byline: string | undefined): CslName[] {
  const text = (byline ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^by\s+/i, '')
  if (!text) return []
  const inverted = /^([^\s,]+), ([^,]+)$/.exec(text)
  const person = (part: string) => !SUFFIXES.test(part) && !hasOrganisationMarks(part)
  if (inverted && !/\band\b|&/i.test(text) && person(inverted[1]) && person(inverted[2])) {
    return [{ given: inverted[2], family: inverted[1] }]
  }
  const names: CslName[] = []
  for (const part of splitByline(text)) {
    const previous = names[names.length - 1]
    if (SUFFIXES.test(part) && previous && 'family' in previous) {
      previous.suffix = part
      continue
    }
    names.push(looksLikeOrganisation(part) ? { literal: part } : personName(part))
  }
  return names
}
