// Runs everywhere: the article's table of entities — the people and bodies it names, as fully as it names
// them — and the reading of a speaker's name against it: a surname is the person's full name ("Сомова" →
// "Ирина Сомова"), a body's first words or its head noun are its whole name ("Главное" → "Главное управление
// МЧС России по Алтынской области", "комиссия" → "Избирательная комиссия Староозёрска"), a title, a
// descriptor or a quoted name's frame is not the name ("Адвокатка Олена Мірошник" → "Олена Мірошник",
// "campaign group Better Buses Kelmouth" → "Better Buses Kelmouth", "оператор «Енергомережа»" → "Енергомережа").
import type { Lexicon } from './lang/types'

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

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const isCap = (w: string): boolean => /^\p{Lu}/u.test(w)
const isAcronym = (w: string): boolean => /^\p{Lu}{2,6}$/u.test(w)

/** Every place the text names a body with `head` as its head noun, run on over what belongs to it (Slavic). */
function slavicBodies(text: string, orgs: ReadonlySet<string>): string[] {
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

export type EntityTable = {
  /** The name as the article gives it most fully. */
  canonical: (name: string) => string
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

  function canonical(found: string): string {
    let name = found.trim()
    const words = name.split(/\s+/)
    // "Трейдерка Ганна Левицька з компанії …": what comes after a preposition is where she works
    if (slavic) {
      const cut = words.findIndex((w, i) => i >= 2 && /^(?:з|із|зі|от|из|с)$/u.test(w))
      const pair = words.slice(Math.max(0, cut - 2), cut)
      if (cut > 0 && pair.every((w) => isCap(w) && !isAcronym(w) && !orgs.has(w.toLowerCase())))
        return canonical(words.slice(0, cut).join(' '))
    }
    // a quoted name inside a lower-case frame: "оператор енергосистеми «Енергомережа»" → "Енергомережа"
    const quoted = /[«“"]([^«»“”"]{2,60})[»”"]\s*$/u.exec(name)
    if (quoted && name.length > quoted[0].length && isCap(quoted[1]) && !isCap(name)) return quoted[1]
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
      const lower = name.toLowerCase()
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
