// Runs everywhere: the article's ENTITY TABLE (issue #13, round 12) — the people and bodies it introduces,
// read in one pass and cached per text — and the resolution of a speaker's mention against it. A body is
// introduced with its KIND ("the Dutch fund Polder Ventures", "Der Stahlkonzern Harkort Stahl", "Voltaria, a
// Lisbon-based maker", "провайдер «Укрлінк-Схід»", "Bundeskartellamt"), an acronym in brackets ("Bundesamt für
// Fahrzeugregister (BFR)") or a legal form ("МУП «Южнодольский водоканал»"); a person by two or three names.
// A later mention — a kind noun ("the company", "das Unternehmen", "Amte", "відомство", "ведомство"), an
// acronym ("ОВА", "ДСНС", "МУП"), a first name or a surname ("Joost", "Whitlock") — is the compatible entity
// introduced before it, the most mentioned, else the nearest; a mention no entity fits is left as written.
// A wire dateline's agency ("KYIV, Dec 3 (Glossa) —") is the outlet, never a speaker.
import { isAcronym, isCap } from './name-words'
import { latinBodies, slavicBodies } from './entities'
import { kindOf } from './entity-kinds'
import { bodyNominative, trimSpan } from './entity-spans'
import type { Lexicon } from './lang/types'
import { mentionPhrase } from './mention-phrase'
import { roleHolder } from './role-holder'

import type { Entity } from './entity-kinds'
import { escapeRegExp as escape } from './regex'

type Tok = { text: string; index: number }

const isQuoted = (w: string): boolean => /^[«"“]/u.test(w)
const unquote = (w: string): string => w.replace(/^[«"“]|[»"”]$/gu, '')

/** Lower-case words inside a name: "Ministry of the Interior", "Bundesamt für Fahrzeugregister". */
const LINKS = new Set([
  'of',
  'for',
  'the',
  'and',
  '&',
  'de',
  'del',
  'des',
  'du',
  'la',
  'y',
  'et',
  'für',
  'der',
  'und',
  'von',
])
/** Particles inside a person's name: "Joost van Rijn", "Ursula von der Leyen". */
const PARTICLES = new Set(['van', 'von', 'de', 'da', 'del', 'der', 'den', 'ter', 'di', 'du', 'dos', 'le'])
/** Determiners that open an apposition giving a body's kind: "Voltaria, a Lisbon-based maker". */
const APPOSITION = new Set([
  'a',
  'an',
  'the',
  'un',
  'une',
  'una',
  'ein',
  'eine',
  'der',
  'die',
  'das',
  'le',
  'la',
  'el',
])

/** The outlet of a wire dateline at the opening of the first paragraph: "DUBLIN, Dec 4 (Glossa) —". */
export function datelineOutlet(text: string): string | undefined {
  const body = /^date \d{4}-\d{2}-\d{2} [^\n]*\n/.test(text) ? text.slice(text.indexOf('\n') + 1) : text
  const m = /^\s*\p{Lu}[\p{Lu}\s.'’-]{1,30},[^()\n]{1,30}\((\p{Lu}[\p{L}\s.&-]{1,30})\)\s*[—–-]/u.exec(body)
  return m?.[1].trim()
}

const tables = new Map<string, Entity[]>()

/** The entities of `text` read with `lex`'s words (cached per text). */
export function articleEntities(text: string, lex: Lexicon): Entity[] {
  const key = `${lex.code}\u0000${text}`
  let found = tables.get(key)
  if (found === undefined) {
    found = readEntities(text, lex)
    if (tables.size > 16) tables.clear()
    tables.set(key, found)
  }
  return found
}

function readEntities(text: string, lex: Lexicon): Entity[] {
  const de = lex.code === 'de'
  const slavic = lex.code === 'uk' || lex.code === 'ru'
  const { functionWords, determiners, titles, orgs } = lex.speech
  const toks: Tok[] = [
    ...text.matchAll(/«[^»\n]{1,60}»|“[^”\n]{1,60}”|[\p{L}\d][\p{L}\d'’&-]*|[^\s\p{L}\d]/gu),
  ].map((m) => ({ text: m[0], index: m.index }))
  const entities: Entity[] = []
  const kind = (w: string): { stem: string; cls: string } | undefined => {
    const k = kindOf(w, de)
    return k && { stem: k.stem, cls: k.cls }
  }
  const plainWord = (w: string): boolean =>
    isCap(w) && !functionWords.has(w.toLowerCase()) && !determiners.has(w.toLowerCase())
  /** A capitalised run from token `i` (with the links a name holds), at most `max` words. */
  const runFrom = (i: number, max = 6): number => {
    let end = i
    for (let k = i + 1; k < toks.length && k - i < max && sameLine(k); k++) {
      const t = toks[k].text
      if (isCap(t) && !isQuoted(t) && !functionWords.has(t.toLowerCase())) end = k
      else if (LINKS.has(t.toLowerCase()) && isCap(toks[k + 1]?.text ?? '') && !isQuoted(toks[k + 1].text))
        continue
      else break
    }
    return end
  }
  const add = (
    name: string,
    start: number,
    kinds: { stem: string; cls: string }[],
    kindOfEntity: Entity['kind'] = 'body',
  ): Entity => {
    const same = entities.find((e) => e.name === name)
    if (same) {
      // (a body's kind outweighs two capitalised words read as a person: "Tern Cells, a … maker")
      if (kindOfEntity === 'body') same.kind = 'body'
      for (const k of kinds) if (!same.kinds.some((x) => x.stem === k.stem)) same.kinds.push(k)
      return same
    }
    const e: Entity = { name, kind: kindOfEntity, start, kinds: [...kinds], mentions: [] }
    entities.push(e)
    return e
  }
  /** Whether token `k` follows the one before it on the same line. */
  const sameLine = (k: number): boolean =>
    k > 0 && !text.slice(toks[k - 1].index + toks[k - 1].text.length, toks[k].index).includes('\n')
  const slice = (i: number, j: number): string =>
    text.slice(toks[i].index, toks[j].index + toks[j].text.length)

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i].text
    // a legal form before a quoted name: "МУП «Южнодольский водоканал»", "ТОВ «Агросвіт»"
    if (isAcronym(t) && isQuoted(toks[i + 1]?.text ?? '')) {
      const e = add(`${t} ${toks[i + 1].text}`, toks[i].index, [{ stem: t.toLowerCase(), cls: 'company' }])
      e.acronym = t
      continue
    }
    const k = /^\p{L}/u.test(t) && (de || !isCap(t) || slavic) ? kind(t) : undefined
    if (k !== undefined) {
      // the kind noun, then (Romance) adjectives or "de" and a noun, then the name: "La cadena de
      // supermercados Mercaprix", "the Dutch fund Polder Ventures", "провайдер «Укрлінк-Схід»"
      let j = i + 1
      let between = 0
      while (
        j < toks.length &&
        between < 3 &&
        /^\p{Ll}/u.test(toks[j].text) &&
        sameLine(j) &&
        (lex.code === 'fr' || lex.code === 'es' || slavic)
      ) {
        j++
        between++
      }
      const next = j < toks.length && sameLine(j) ? toks[j].text : ''
      // (not after a link: "ministère de la Transition" is named by latinBodies, "préfecture du Gard")
      const linked =
        j > i + 1 &&
        (LINKS.has(toks[j - 1].text.toLowerCase()) || determiners.has(toks[j - 1].text.toLowerCase()))
      if (linked) continue
      if (isQuoted(next) && isCap(unquote(next))) add(unquote(next), toks[j].index, [k])
      else if (plainWord(next) && !isQuoted(next) && !slavic && !titles.has(next.toLowerCase())) {
        const end = runFrom(j)
        const name = slice(j, end)
        if (!kind(toks[j].text) || end > j) add(name, toks[j].index, [k])
      }
    }
    // a capitalised run: a body when a word of it is a kind noun ("Valtriner Bahn", "Bundesamt für
    // Fahrzeugregister"), or when an apposition after it gives its kind ("Voltaria, a … maker of")
    if (
      !slavic &&
      isCap(t) &&
      !isQuoted(t) &&
      !functionWords.has(t.toLowerCase()) &&
      !determiners.has(t.toLowerCase())
    ) {
      const end = runFrom(i)
      // German: "Angaben der Stadtverwaltung", "Sprecher des Ministeriums": a run opening with no kind before a
      // link is the body after the link
      if (de && !kind(t)) {
        const link = toks.findIndex((x, k) => k > i && k < end && LINKS.has(x.text) && x.text !== '&')
        if (link > 0 && toks.slice(link + 1, end + 1).some((x) => kind(x.text))) {
          i = link
          continue
        }
      }
      const words = toks
        .slice(i, end + 1)
        .map((x) => x.text)
        .filter((w) => isCap(w))
      const kinds = words.map(kind).filter((x) => x !== undefined)
      const startsSentence =
        i === 0 || /[.!?\n]/.test(text.slice(toks[i - 1].index, toks[i].index + 0) + toks[i - 1].text)
      // (one German word only when it is a compound of its kind: "Bundeskartellamt", not "Ministerium")
      const compound = de && !startsSentence && kindOf(words[0]) === undefined
      if (kinds.length > 0 && (end > i || compound)) add(slice(i, end), toks[i].index, kinds)
      else if (toks[end + 1]?.text === ',' && APPOSITION.has(toks[end + 2]?.text.toLowerCase() ?? '')) {
        for (let m = end + 3; m < end + 9 && m < toks.length && /^\p{L}/u.test(toks[m].text); m++) {
          const km = kind(toks[m].text)
          if (km) {
            add(slice(i, end), toks[i].index, [km])
            break
          }
        }
      }
      // a person: two or three names, none a title, a body's word or a kind ("Joost van Rijn", "Jane Whitlock")
      const people = toks.slice(i, Math.min(toks.length, i + 5))
      let n = 0
      let last = -1
      for (const [m, p] of people.entries()) {
        const low = p.text.toLowerCase()
        if (m > 0 && !sameLine(i + m)) break
        if (m > 0 && PARTICLES.has(p.text) && isCap(people[m + 1]?.text ?? '')) continue
        if (
          !isCap(p.text) ||
          !/^\p{Lu}\p{Ll}[\p{L}'’-]*$/u.test(p.text) ||
          isQuoted(p.text) ||
          titles.has(low) ||
          orgs.has(low) ||
          kind(p.text) ||
          functionWords.has(low) ||
          determiners.has(low)
        )
          break
        n++
        last = m
        if (n === 3) break
      }
      // (not a product and its model: "Aster Nova 3")
      const model = /^\d/.test(toks[i + last + 1]?.text ?? '') && sameLine(i + last + 1)
      if (n >= 2 && n <= 3 && !model) add(slice(i, i + last), toks[i].index, [], 'person')
      i = Math.max(i, end)
    }
    // "(BFR)": the acronym of the body named just before
    if (t === '(' && isAcronym(toks[i + 1]?.text ?? '') && toks[i + 2]?.text === ')') {
      const before = entities.filter((e) => e.kind === 'body' && e.start < toks[i].index)
      const near = before.sort((a, b) => b.start - a.start)[0]
      if (near && toks[i].index - (near.start + near.name.length) <= 2) near.acronym ??= toks[i + 1].text
      else if (slavic) {
        // "У Закарпатській обласній військовій адміністрації (ОВА)": the inflected name before the bracket
        let s = i - 1
        while (
          s > 0 &&
          i - s < 5 &&
          /^\p{L}/u.test(toks[s - 1].text) &&
          !/^(?:у|в|на|з|із|від|до)$/iu.test(toks[s - 1].text)
        )
          s--
        // (from its first capitalised word that is no preposition: "За оцінками Київської школи …")
        while (
          s < i - 1 &&
          (!isCap(toks[s].text) || /^(?:за|по|згідно|согласно|від|от)$/iu.test(toks[s].text))
        )
          s++
        const written = slice(s, i - 1)
        const e = add(bodyNominative(written, lex.code) ?? written, toks[s].index, [])
        e.acronym = toks[i + 1].text
      }
    }
  }
  // the bodies the name readers of entities.ts find ("Fédération hospitalière régionale", "Міністерство
  // фінансів України"), with the kinds their words give
  const named = slavic
    ? slavicBodies(text, orgs).map((b) => ({ text: b, start: text.indexOf(b) }))
    : latinBodies(text, lex)
  for (const b of named) {
    if (entities.some((e) => e.name === b.text)) continue
    const kinds = b.text.split(/\s+/).flatMap((w) => kind(w) ?? [])
    add(b.text, b.start, kinds).loose = true
  }
  // salience: where each entity is named again by its key word
  for (const e of entities) {
    const key = keyWord(e, slavic)
    if (key === undefined) continue
    const re = new RegExp(`(?<![\\p{L}])${escape(key)}`, 'gu')
    for (const m of text.matchAll(re)) e.mentions.push(m.index)
    if (e.acronym)
      for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${escape(e.acronym)}(?![\\p{L}])`, 'gu')))
        e.mentions.push(m.index)
  }
  return entities
}

/** The word an entity is named again by: its first capitalised word that is not a kind noun (a stem in Slavic). */
function keyWord(e: Entity, slavic: boolean): string | undefined {
  const words = e.name
    .split(/\s+/)
    .map(unquote)
    .filter((w) => isCap(w) && !isAcronym(w))
  const key = words.find((w) => !kindOf(w)) ?? words[0]
  if (key === undefined) return undefined
  return slavic && key.length > 5 ? key.slice(0, key.length - 2) : key
}

const count = (e: Entity, offset: number): number => e.mentions.filter((m) => m < offset).length

/** The entity a mention by a kind noun stands for: same kind before the mention, most mentioned, then nearest. */
function byKind(head: string, entities: readonly Entity[], offset: number, de: boolean): Entity | undefined {
  const k = kindOf(head) ?? kindOf(head, de)
  if (k === undefined) return undefined
  const before = entities.filter((e) => e.kind === 'body' && e.start < offset)
  const exact = before.filter((e) => e.kinds.some((x) => x.stem === k.stem))
  const same = before.filter((e) => e.kinds.some((x) => x.cls === k.cls))
  const pool = exact.length > 0 && !k.generic ? exact : same
  return [...pool].sort((a, b) => count(b, offset) - count(a, offset) || b.start - a.start)[0]
}

/** The entity an acronym stands for: the body it was given to, else a body whose name holds it. */
function byAcronym(acronym: string, entities: readonly Entity[]): Entity | undefined {
  const given = entities.find((e) => e.acronym === acronym)
  if (given) return given
  // (a name of three words or more: "Головне управління ДСНС у …", not "Flughafenverband ADV")
  const holding = entities.filter((e) => {
    const words = e.name.split(/\s+/)
    const at = words.indexOf(acronym)
    // (where the name goes on after the acronym: not "sindicato metalúrgico CMA", "Angaben des ADV")
    return e.kind === 'body' && words.length >= 3 && at >= 0 && at < words.length - 1
  })
  return holding.sort((a, b) => b.name.length - a.name.length)[0]
}

/**
 * The fullest name of the entity `mention` (a speaker as read and named) stands for at `offset`, the mention
 * as written when no entity fits, undefined for the outlet of the article's dateline.
 */
export function resolveMention(
  mention: string,
  text: string,
  offset: number,
  lex: Lexicon,
): string | undefined {
  const outlet = datelineOutlet(text)
  if (outlet !== undefined && mention === outlet) return undefined
  const entities = articleEntities(text, lex)
  const de = lex.code === 'de'
  const span = trimSpan(mentionPhrase(mention, text, lex), lex)
  if (span !== mention) return resolveMention(span, text, offset, lex)
  const words = mention.split(/\s+/).filter(Boolean)
  if (words.length === 0) return mention
  const last = words[words.length - 1]
  // a kind noun, with words outside its noun phrase before it ("липня компанія", "пресслужбі відомство",
  // "propia empresa") or alone ("Amte", "das Unternehmen")
  // (a German compound names its body itself: "Stadtverwaltung", "Bundesgesundheitsministerium")
  const holder = roleHolder(mention, text, offset, entities, lex)
  if (holder !== undefined) return holder
  const kindMention = de ? words.length === 1 && isCap(last) : words.every((w) => /^\p{Ll}/u.test(w))
  if (kindMention && kindOf(last) !== undefined) return byKind(last, entities, offset, de)?.name ?? mention
  if (words.length === 1 && isAcronym(last)) return byAcronym(last, entities)?.name ?? mention
  // a first name or a surname alone: the person the article introduced with it
  if (words.length === 1 && isCap(last)) {
    if (entities.some((e) => e.kind === 'body' && e.name === last)) return mention
    const people = entities.filter((e) => {
      const names = e.name.split(/\s+/)
      return e.kind === 'person' && (names[0] === last || names[names.length - 1] === last)
    })
    const person =
      people.filter((e) => e.start < offset).sort((a, b) => count(b, offset) - count(a, offset))[0] ??
      people[0]
    if (person) return person.name
  }
  // a body's name cut at its start or its end ("Fédération" of "Fédération hospitalière régionale", "Stahl
  // Mitte" of "Branchenverband Stahl Mitte", "Söhne KG" of "Kruse & Söhne KG"): the one body it fits
  if (!/^\p{Ll}/u.test(mention)) {
    const fits = entities.filter((e) => {
      if (e.kind !== 'body' || e.loose === true || e.name === mention) return false
      const full = e.name.split(/\s+/)
      if (full.length <= words.length) return false
      const head = full.slice(0, words.length).join(' ') === mention
      // (not after a link: "Fuentes de Ahorra Más" is no longer name of "Ahorra Más")
      const link = full[full.length - words.length - 1]?.toLowerCase() ?? ''
      const tail =
        full.slice(full.length - words.length).join(' ') === mention && (link === '&' || !LINKS.has(link))
      return head || tail
    })
    if (fits.length === 1) return fits[0].name
  }
  return mention
}
