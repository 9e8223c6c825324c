// Runs everywhere: a ROLE mention linked to its holder (issue #13, round 13). "la directrice", "die
// Sprecherin", "речниця", "the chief executive", "руководитель исследования" speak as the person the article
// gave that role — a person of its entity table named within the same sentence as the role word ("Claire
// Morvan, directrice de …", "Vorstandschefin Miriam Aumüller", "речниця поліції Олена Гайова"). The role word
// is matched by its stem with its gender ending ("directrice" is not "directeur"), so the grammatical gender
// of the role picks the woman or the man. The holder named nearest before the mention wins.
import { kindOf } from './entity-kinds'
import type { Entity } from './entity-kinds'
import type { Lexicon } from './lang/types'
import { escapeRegExp as escape } from './regex'

/** Two or three capitalised names (a hyphenated one whole: "Claire Vasseur-Lemaire"). */
const NAME =
  /(?<![\p{L}'’-])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,2}(?![\p{L}'’-])/gu

/** Determiners and possessives before a role: "la", "die", "its", "su", "його". */
const OPENERS =
  /^(?:the|its|his|her|their|a|an|le|la|l['’]|sa|son|leur|el|la|su|der|die|das|ihr|ihre|sein|seine|його|її|їхній|его|ее|её|их)$/iu

/** The role word of `mention`, undefined when it is no role (a name, a body's kind noun). */
function roleWord(mention: string, lex: Lexicon): string | undefined {
  const words = mention
    .split(/\s+/)
    .map((w) => w.replace(/^l['’]/iu, ''))
    .filter((w) => w !== '' && !OPENERS.test(w))
  const head = words[0]
  if (head === undefined || words.length > 3 || head.length < 4) return undefined
  const german = lex.code === 'de'
  if (kindOf(head, german) !== undefined) return undefined
  // a role is written in lower case (in German: a title noun, "Vorstandschefin", "Sprecherin")
  const low = head.toLowerCase()
  if (german)
    return lex.speech.titles.has(low) || /(?:chef|chefin|sprecher|sprecherin)$/u.test(low) ? head : undefined
  // (a title of the language's lexicon, not a body's noun: "government", "conférence", "правительство")
  if (!lex.speech.titles.has(low)) return undefined
  if (words.slice(1).some((w) => /^\p{Lu}/u.test(w) && !/^\p{Lu}{2,6}$/u.test(w))) return undefined
  return head
}

/** Languages whose role mentions are linked to their holder (a script may take one out to measure it). */
export const ROLES = new Set(['en', 'fr', 'es', 'de', 'uk', 'ru'])

/** The person holding the role `mention` names, by the sentences where the article gives it. */
export function roleHolder(
  mention: string,
  text: string,
  offset: number,
  entities: readonly Entity[],
  lex: Lexicon,
): string | undefined {
  if (!ROLES.has(lex.code)) return undefined
  const role = roleWord(mention, lex)
  if (role === undefined) return undefined
  const low = role.toLowerCase()
  // the stem with its gender ending: "directrice" → "directric", "речниця" → "речниц", "Sprecherin" → "sprecherin"
  const stem = low.length > 6 ? low.slice(0, low.length - 1) : low
  const re = new RegExp(`(?<![\\p{L}])${escape(stem)}\\p{L}{0,3}(?![\\p{L}])`, 'giu')
  const { titles, functionWords, orgs } = lex.speech
  const plain = (w: string): boolean => {
    const l = w.toLowerCase()
    return (
      !titles.has(l) && !functionWords.has(l) && !orgs.has(l) && kindOf(w, lex.code === 'de') === undefined
    )
  }
  const known = new Set(entities.filter((e) => e.kind === 'person').map((e) => e.name))
  const bodies = new Set(entities.filter((e) => e.kind === 'body').map((e) => e.name))
  const surnames = new Map<string, string>()
  for (const name of known) {
    const words = name.split(/\s+/)
    if (words.length >= 2) surnames.set(words[words.length - 1], name)
  }
  let best: string | undefined
  for (const m of text.matchAll(re)) {
    if (m.index >= offset) break
    // the line around the role word, 100 characters each side (an abbreviation's point is no limit: "Dr.")
    const lineFrom = text.lastIndexOf('\n', m.index) + 1
    const lineTo = text.indexOf('\n', m.index) < 0 ? text.length : text.indexOf('\n', m.index)
    const from = Math.max(lineFrom, m.index - 100)
    const window = text.slice(from, Math.min(lineTo, m.index + m[0].length + 100))
    // (two or three capitalised names, none a title, a function word or a body's word; the nearest)
    let near: { name: string; gap: number } | undefined
    const consider = (name: string, index: number, length: number, bonus: number): void => {
      const at = from + index
      if (at <= m.index && at + length > m.index) return
      const gap = at < m.index ? m.index - (at + length) : at - (m.index + m[0].length)
      if (near === undefined || gap - bonus < near.gap) near = { name, gap: gap - bonus }
    }
    for (const n of window.matchAll(NAME))
      if (n[0].split(/\s+/).every(plain) && !bodies.has(n[0]))
        consider(n[0], n.index, n[0].length, known.has(n[0]) ? 20 : 0)
    // (a surname alone, of a person the article names in full: "afirmó Pardo … La candidata")
    for (const n of window.matchAll(/(?<![\p{L}'’-])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?![\p{L}'’-])/gu)) {
      const full = surnames.get(n[0])
      if (full !== undefined) consider(full, n.index, n[0].length, 0)
    }
    if (near !== undefined && near.gap <= 60) best = near.name
  }
  return best
}
