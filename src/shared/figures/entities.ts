// Runs everywhere: the article's table of entities — the people and bodies it names, as fully as it names
// them — and the reading of a speaker's name against it: a surname is the person's full name ("Сомова" →
// "Ирина Сомова"), a body's first words or its head noun are its whole name ("Главное" → "Главное управление
// МЧС России по Алтынской области", "комиссия" → "Избирательная комиссия Староозёрска"), a title, a
// descriptor or a quoted name's frame is not the name ("Адвокатка Олена Мірошник" → "Олена Мірошник",
// "campaign group Better Buses Kelmouth" → "Better Buses Kelmouth", "оператор «Енергомережа»" → "Енергомережа").
import { isAcronym, isCap } from './name-words'
import { bodyNominative } from './entity-spans'
import { isSourceWord } from './mention-phrase'
import type { Lexicon } from './lang/types'
import { escapeRegExp as escape } from './regex'

/** Words a Slavic body's name runs on with after its head: "по Алтынской области", "и мониторингу". */
const SLAVIC_LINKS = new Set(['по', 'и', 'й', 'з', 'із', 'при'])
/** A Slavic word that ends a body's name: a verb's past or present ending, or a preposition of place or time. */
const SLAVIC_STOP =
  /^(?:в|во|у|на|за|с|со|от|від|до|о|об|про|что|що|как|як|который|яка|який|которая|это|це|уже|вже|также|також|не|ни|ще|еще|ещё)$|(?:ла|ло|ли|ал|ил|ел|ув|ав|ив|ет|ют|ит|ят|ться|ется|ится|ают|яют)$/u
/** A Slavic word in an oblique case that may follow a head noun: "управление МЧС России", "комиссия области". */
const SLAVIC_GENITIVE = /(?:а|я|и|ы|ой|ей|ого|его|ых|их|ии|ії|у|ю|ів|ій|ам|ям|ому|ему|ству|ства|ння)$/u

/** A Slavic body's head noun in the nominative: "управление", "комиссия", "центр", "служба", "управління". */
const NOMINATIVE_HEAD =
  /(?:ие|ия|ство|служба|дума|рада|ция|ння|ія|центр|банк|фонд|холдинг|институт|інститут|комитет|комітет|департамент|совет|штаб|союз|избирком|оператор|перевозчик|росстат|мчс|минфин|сили|поліція|прокуратура)$/u

/** Short names of bodies and the words their full names begin with. */
const ALIASES: Readonly<Record<string, string>> = {
  облизбирком: 'избирательная комиссия',
  избирком: 'избирательная комиссия',
  горизбирком: 'избирательная комиссия',
  минздрав: 'министерство здравоохранения',
  минфин: 'министерство финансов',
  облвиборчком: 'виборча комісія',
  мінфін: 'міністерство фінансів',
  моз: 'міністерство охорони здоров',
}

/** Every place the text names a body with `head` as its head noun, run on over what belongs to it (Slavic). */
export function slavicBodies(text: string, orgs: ReadonlySet<string>): string[] {
  // (Ukrainian lists the stems of its head nouns: "служб", "управлін")
  const stems = [...orgs].filter((o) => o.length >= 3)
  const isOrg = (w: string): boolean =>
    orgs.has(w) || stems.some((o) => w.startsWith(o) && w.length - o.length <= 3)
  const found: string[] = []
  // only a name whose head noun is in the nominative is the name as such ("управление", not "управления")
  const words = [...text.matchAll(/[\p{L}\d«»"'’-]+|[^\s\p{L}\d]/gu)]
  words.forEach((m, i) => {
    const w = m[0].replace(/[«»"]/g, '')
    if (!isOrg(w.toLowerCase()) || !NOMINATIVE_HEAD.test(w.toLowerCase())) return
    // leading adjectives, capitalised or not: "Главное управление", "Алтынский центр", "Избирательная комиссия"
    let start = i
    while (
      start > 0 &&
      i - start < 3 &&
      /^\p{L}+(?:ый|ий|ой|ая|яя|ое|ее|ий|а|е|і|ій|ий|ня|ська|ський|ське|ьна|ний|на|не)$/u.test(
        words[start - 1][0],
      ) &&
      !SLAVIC_STOP.test(words[start - 1][0].toLowerCase())
    )
      start--
    // lower-case words belong to the name after a link ("центр по гидрометеорологии") or before a
    // capitalised word ("управление администрации Верхнекамска"), not at its end ("банк України свого часу")
    let end = i
    let linked = false
    for (let k = i + 1; k < words.length && k - i <= 8; k++) {
      const next = words[k][0]
      if (!/^[\p{L}«"]/u.test(next)) break
      const lower = next.toLowerCase()
      if (SLAVIC_LINKS.has(lower)) {
        if (k + 1 < words.length && /^[\p{L}«]/u.test(words[k + 1][0])) {
          linked = true
          continue
        }
        break
      }
      if (SLAVIC_STOP.test(lower) && !isCap(next)) break
      if (!isCap(next) && !isAcronym(next) && !SLAVIC_GENITIVE.test(lower)) break
      // "Приозёрской области": a lower-case noun after a capitalised adjective
      const afterAdjective = /^\p{Lu}\p{Ll}*(?:ой|ей|ого|его|ої|ої|ого|ской|ського)$/u.test(words[k - 1][0])
      if (isCap(next) || isAcronym(next) || linked || afterAdjective) end = k
    }
    while (end > i && SLAVIC_LINKS.has(words[end][0].toLowerCase())) end--
    const from = words[start].index
    const to = words[end].index + words[end][0].length
    found.push(text.slice(from, to))
  })
  return found
}

/** Lower-case words inside a body's name, by language: "Ministry of the Interior", "ministère des Comptes". */
const LINKS: Readonly<Record<string, readonly string[]>> = {
  en: ['of', 'the', 'and', 'for', 'on'],
  fr: ['de', 'des', 'du', 'la', 'le', 'les', 'et', 'pour', "d'", 'd’', "l'", 'l’'],
  es: ['de', 'del', 'la', 'las', 'los', 'y', 'para', 'do', 'da', 'e'],
  de: ['der', 'des', 'für', 'und', 'von'],
}

/** A French or Spanish adjective after a body's head noun: "régionale", "départemental", "publics". */
const ADJECTIVE =
  /(?:al|ale|aux|ales|ique|iques|ien|ienne|ais|aise|el|elle|ier|ière|ico|ica|icos|icas|ivo|iva|ano|ana|aire|aires|ial|iale|ional|ionale|ics|ic|ublics|ubliques)$/u

/**
 * Bodies named in a Latin-script article: runs of capitalised words joined by a language's links, and (French,
 * Spanish) a lower-case head noun before them ("ministère des Comptes publics", "observatoire Clé-Ponant");
 * a run counts when one of its words is a body's head noun or suffix, or it is an acronym's spelling.
 */
export function latinBodies(text: string, lex: Lexicon): { text: string; start: number }[] {
  const { orgs } = lex.speech
  const links = new Set(LINKS[lex.code] ?? LINKS.en)
  const found: { text: string; start: number }[] = []
  const words = [...text.matchAll(/[\p{L}\d][\p{L}\d&-]*(?:['’](?!\p{L}))?|['’]|[^\s\p{L}\d]/gu)]
  const isBodyWord = (w: string): boolean =>
    orgs.has(w.toLowerCase()) ||
    /^(?:GmbH|AG|SE|KG|Ltd|plc|PLC|Inc|SA|SAS|SL)$/.test(w) ||
    /^\p{Lu}{2,6}$/u.test(w)
  const romance = lex.code === 'fr' || lex.code === 'es'
  for (let i = 0; i < words.length; i++) {
    const w = words[i][0]
    const head = romance && /^\p{Ll}/u.test(w) && orgs.has(w)
    if (!/^\p{Lu}/u.test(w) && !head) continue
    // a name opens after a determiner or a function word: "The Ministry of the Interior"
    if (lex.speech.functionWords.has(w.toLowerCase()) || lex.speech.determiners.has(w.toLowerCase())) continue
    let end = i
    let k = i + 1
    let linked = false
    while (k < words.length && k - i < 12) {
      const next = words[k][0]
      if (/^\p{Lu}/u.test(next)) {
        end = k
        k++
        linked = false
        continue
      }
      // "ministère des Comptes publics", "agence régionale de santé", "service départemental d’incendie et de
      // secours": after a lower-case head noun, adjectives and one noun after each link
      if (romance && head && /^\p{Ll}/u.test(next) && !links.has(next) && k - i <= 8) {
        if (linked || (k === end + 1 && ADJECTIVE.test(next))) {
          end = k
          k++
          linked = false
          continue
        }
      }
      // (a conjunction before a determiner joins a second noun phrase, no part of the name: "la direction de
      // Sofravel et l'intersyndicale", not "service départemental d'incendie et de secours")
      const after = words[k + 1]?.[0].toLowerCase() ?? ''
      if (/^(?:et|y|and|und)$/u.test(next) && (lex.speech.determiners.has(after) || after === 'l')) break
      if (links.has(next.toLowerCase()) || next === "'" || next === '’') {
        linked = true
        k++
        continue
      }
      break
    }
    const run = words.slice(i, end + 1).map((m) => m[0])
    // (one word when it is a compound body's name: "Hanna-Lechner-Stiftung")
    if ((run.length >= 2 || /\p{L}-\p{Lu}/u.test(run[0])) && run.some(isBodyWord)) {
      const start = words[i].index
      found.push({ text: text.slice(start, words[end].index + words[end][0].length), start })
    }
    i = end
  }
  return found
}

/** A quoted name inside a lower-case frame: "оператор енергосистеми «Енергомережа»" → "Енергомережа". */
export function quotedName(name: string): string {
  const quoted = /[«“"]([^«»“”"]{2,60})[»”"]\s*$/u.exec(name)
  return quoted && name.length > quoted[0].length && isCap(quoted[1]) && !isCap(name) ? quoted[1] : name
}

export type EntityTable = {
  /** The name as the article gives it most fully. */
  canonical: (name: string, offset?: number) => string
}

const tables = new Map<string, EntityTable>()

/** The entity table of `text` read with the language of `lex` (kept for the last few articles). */
export function entityTable(text: string, lex: Lexicon): EntityTable {
  const key = `${lex.code}\u0000${text}`
  let table = tables.get(key)
  if (table === undefined) {
    table = buildTable(text, lex)
    if (tables.size > 8) tables.clear()
    tables.set(key, table)
  }
  return table
}

function buildTable(text: string, lex: Lexicon): EntityTable {
  const { titles, orgs } = lex.speech
  const slavic = lex.code === 'uk' || lex.code === 'ru'
  const bodies = slavic ? slavicBodies(text, orgs) : []
  const latin = slavic ? [] : latinBodies(text, lex)

  /** "Сомова" → "Ирина Сомова": a capitalised word before a surname the text writes alone. */
  function fullPerson(surname: string): string {
    const m = new RegExp(`(?<![\\p{L}])(\\p{Lu}\\p{Ll}+)\\s+${escape(surname)}(?![\\p{L}])`, 'u').exec(text)
    if (m === null) return surname
    const first = m[1]
    if (titles.has(first.toLowerCase()) || orgs.has(first.toLowerCase())) return surname
    // a first name, not the end of a sentence's first word or a place ("В Кедровогорске Сомова")
    const before = text.slice(Math.max(0, m.index - 2), m.index)
    if (/[.!?]\s$/.test(before) && lex.speech.functionWords.has(first.toLowerCase())) return surname
    return `${first} ${surname}`
  }

  function canonical(found: string, offset = text.length): string {
    return extendBody(reduceName(found), offset)
  }

  /**
   * "Interior" → "Ministry of the Interior", "Comptes" → "ministère des Comptes publics", "Bauamt" → "Bauamt der
   * Stadt Hallstedt", "Stiftung" → "Hanna-Lechner-Stiftung": a short name inside a body's longer name the
   * article writes, the nearest before the figure.
   */
  function extendBody(name: string, offset: number): string {
    if (slavic || name.split(/\s+/).length > 2 || !/^\p{Lu}/u.test(name)) return name
    const lower = name.toLowerCase()
    const single = !name.includes(' ')
    const links = new Set(LINKS[lex.code] ?? LINKS.en)
    const inside = (b: { text: string }): boolean => {
      const l = b.text.toLowerCase()
      if (l === lower) return false
      const first = l.split(/\s+/)[0]
      // a body's name opens with a name, not a determiner, a preposition or a title ("Nach Angaben der
      // Polizei", "Der Chemiekonzern Rheintal Chemie", "Prosecutor Daniel Okafor KC")
      if (lex.speech.functionWords.has(first) || lex.speech.determiners.has(first) || titles.has(first))
        return false
      if (isSourceWord(first)) return false
      const at = new RegExp(`(?<![\\p{L}'’-])${escape(lower)}(?![\\p{L}'’-])`, 'u').exec(l)
      if (at) {
        // the name opens the body's name or follows a link in it ("Ministry of the Interior", "ministère des
        // Comptes publics"); not after a descriptor ("opérateur DTEK", "cabinet Ludimétrie")
        const before = l.slice(0, at.index).trim().split(/\s+/).filter(Boolean)
        const last = before[before.length - 1] ?? ''
        return before.length === 0 || links.has(last) || /['’]$/.test(last)
      }
      // a German compound ending in the name: "Stiftung" in "Hanna-Lechner-Stiftung"
      return (
        lex.code === 'de' &&
        single &&
        lower.length >= 4 &&
        l.split(/\s+/).some((w) => w.endsWith(lower) && w !== lower)
      )
    }
    const found = latin.filter(inside)
    if (found.length === 0) return name
    const before = found.filter((b) => b.start < offset)
    return (before[before.length - 1] ?? found[0]).text
  }

  function reduceName(found: string): string {
    let name = found.trim()
    const words = name.split(/\s+/)
    // "Трейдерка Ганна Левицька з компанії …": what comes after a preposition is where she works
    if (slavic) {
      const cut = words.findIndex((w, i) => i >= 2 && /^(?:з|із|зі|от|из|с)$/u.test(w))
      const pair = words.slice(Math.max(0, cut - 2), cut)
      if (cut > 0 && pair.every((w) => isCap(w) && !isAcronym(w) && !orgs.has(w.toLowerCase())))
        return canonical(words.slice(0, cut).join(' '))
    }
    const quoted = quotedName(name)
    if (quoted !== name) return quoted
    // a title, a body or a descriptor before a person's two names: "Адвокатка Олена Мірошник",
    // "ОВА Василь Гордійчук", "Kämmerer Jens Pohlmann-Ried"
    if (words.length >= 3) {
      const last2 = words.slice(-2)
      const before = words.slice(0, -2)
      const personLike = last2.every(
        (w) => isCap(w) && !isAcronym(w) && !titles.has(w.toLowerCase()) && !orgs.has(w.toLowerCase()),
      )
      const framed = before.some(
        (w) =>
          titles.has(w.toLowerCase()) ||
          isAcronym(w) ||
          (lex.code !== 'de' && !isCap(w) && !['de', 'del', 'la', 'van', 'von', 'da'].includes(w)),
      )
      // (in Ukrainian and Russian three capitalised words are a title and a name, unless the middle one is
      // a patronymic: "Олена Петрівна Мірошник")
      const patronymic = /(?:ович|евич|івна|ївна|овна|евна)$/u.test(words[words.length - 2])
      const slavicTitle =
        slavic &&
        before.length > 0 &&
        !patronymic &&
        !/(?:ович|евич|івна|ївна|овна|евна)$/u.test(words[words.length - 2])
      if (
        personLike &&
        (framed || slavicTitle) &&
        (slavic || lex.code === 'de' || titles.has(before[before.length - 1].toLowerCase()))
      )
        return last2.join(' ')
    }
    if (words.length === 2 && lex.code === 'de' && titles.has(words[0].toLowerCase()) && isCap(words[1]))
      name = words[1]
    // "campaign group Better Buses Kelmouth": lower-case descriptors before a capitalised name
    if (['en', 'es', 'fr'].includes(lex.code) && words.length >= 2 && !isCap(words[0])) {
      const first = words.findIndex((w) => isCap(w))
      const rest = words.slice(first)
      const connectors = lex.speech.connectors
      if (
        first > 0 &&
        words.slice(0, first).every((w) => !connectors.has(w.toLowerCase()) && !/['’]$/.test(w)) &&
        rest.every((w) => isCap(w))
      )
        name = rest.join(' ')
    }
    if (slavic) {
      // a body named by what it is: "облизбирком" is the region's election commission
      const alias = ALIASES[name.toLowerCase().replace(/(?:а|у|ом|е)$/u, '')]
      if (alias) {
        const named = bodies.find((b) => b.toLowerCase().startsWith(alias))
        if (named) return named
      }
      // "Главное" → "Главное управление МЧС России по Алтынской области"; "комиссия" → the body it heads
      // (a head noun in another case by its nominative: "поліції" → "Національна поліція")
      const lower = name.includes(' ')
        ? name.toLowerCase()
        : (bodyNominative(name.toLowerCase(), lex.code) ?? name.toLowerCase())
      const longer = bodies.filter((b) => {
        const l = b.toLowerCase()
        return (
          l !== lower &&
          (l.startsWith(`${lower} `) || (!name.includes(' ') && l.split(/\s+/).includes(lower)))
        )
      })
      if (longer.length > 0) {
        const best = longer.sort((a, b) => b.length - a.length)[0]
        if (best.split(/\s+/).length <= 9) return best
      }
      if (/^\p{Lu}[\u0400-\u04ff'’-]+$/u.test(name) && !isAcronym(name)) return fullPerson(name)
    }
    return name
  }

  return { canonical }
}
