// Runs everywhere: finds who speaks in a Ukrainian sentence. Bodies capitalise only their first word
// ("Державна служба статистики повідомила"), roles run in lower case before the name ("повідомив заступник
// міністра розвитку громад і територій Андрій Ковальчук"), and the speaker may stand in the genitive
// after "за словами" ("за словами Тараса Кравчука"); names come out as the article gives them.
import type { Speaker } from '../speakers'
import { ukBodyNominative, ukNominative } from './uk-names'

type Word = { text: string; lower: string; index: number; end: number; cap: boolean }
export type UkSpeechTables = {
  verbs: ReadonlySet<string>
  titles: ReadonlySet<string>
  orgs: readonly string[]
  pronouns: ReadonlySet<string>
  functionWords: ReadonlySet<string>
  according: readonly (readonly string[])[]
}

/** Words that end a speaker's phrase read from its verb: conjunctions, adverbs of time, possessives. */
const STOPS = new Set(
  (
    'що як коли але а або бо щоб якщо тому ще вже також теж лише тільки навіть сьогодні вчора ' +
    'торік нині тепер зараз свого своєї своїх традиційно раніше неодноразово минулого цього наступного ' +
    'тоді вкотре зокрема загалом офіційно публічно окремо'
  ).split(' '),
)
/** Prepositions that open an adverbial between a speaker and its verb: "Соціовимір» у січні опитала". */
const PREPOSITIONS = new Set('у в на за під після до від через при про о об протягом'.split(' '))

function toWords(sentence: string): Word[] {
  return [...sentence.matchAll(/[\p{L}\d][\p{L}\d'’-]*|[^\s\p{L}\d]/gu)].map((m) => ({
    text: m[0],
    lower: m[0].toLowerCase(),
    index: m.index,
    end: m.index + m[0].length,
    cap: /^\p{Lu}/u.test(m[0]),
  }))
}

const isLetters = (w: Word | undefined): boolean => w !== undefined && /^\p{L}/u.test(w.text)

export function ukSpeakerFinder(t: UkSpeechTables): {
  findSpeakers: (sentence: string) => Speaker[]
  findTitledPeople: (text: string) => { title: string; name: string; index: number }[]
  fullName: (name: string, text: string) => string
} {
  const isOrg = (w: Word): boolean => t.orgs.some((stem) => w.lower.startsWith(stem))
  const isTitle = (w: Word): boolean => t.titles.has(w.lower)
  const isNameWord = (w: Word | undefined): boolean =>
    w !== undefined && w.cap && isLetters(w) && !t.functionWords.has(w.lower)

  /** The capitalised run of one to three words ending at `end` ("Андрій Ковальчук"). */
  function nameEndingAt(ws: Word[], end: number): Word[] {
    let start = end
    while (start > end - 2 && isNameWord(ws[start - 1]) && !isOrg(ws[start - 1]) && !isTitle(ws[start - 1]))
      start--
    return ws.slice(start, end + 1)
  }

  /** What the words `ws[from..to]` name: a person after a title, a body, a role or a bare name. */
  function classify(
    sentence: string,
    ws: Word[],
    from: number,
    to: number,
    opensSentence = false,
  ): Speaker | undefined {
    const span = ws.slice(from, to + 1)
    if (span.length === 0) return undefined
    const text = (a: Word, b: Word): string => sentence.slice(a.index, b.end)
    const quoted = span.findIndex((w) => w.text === '«')
    // «Укренерго»; Дистриб'ютор «Техноресурс» (a one-word kind drops); Соціологічна група «Соціовимір»
    if (quoted >= 0 && span[span.length - 1].text === '»') {
      const inner = span.slice(quoted + 1, -1)
      if (quoted <= 1 && inner.length > 0)
        return { name: text(inner[0], inner[inner.length - 1]), kind: 'org', index: inner[0].index }
      return { name: text(span[0], span[span.length - 1]), kind: 'org', index: span[0].index }
    }
    const last = span[span.length - 1]
    const titled = span.slice(0, -1).some(isTitle)
    if (titled && isNameWord(last) && last.text !== last.text.toUpperCase()) {
      const name = nameEndingAt(ws, to).filter((w) => w.index >= span[0].index)
      const start = name.findIndex((w) => !isTitle(w) && !isOrg(w))
      if (start >= 0) {
        const person = name.slice(start)
        return { name: text(person[0], last), kind: 'person', index: person[0].index }
      }
    }
    // a role is named by its title ("заступник міністра" → заступник), to be matched with a titled person
    const role = (w: Word | undefined): Speaker | undefined =>
      w && { name: w.lower, kind: 'role', index: w.index }
    if (span.some(isOrg) && span[0].cap)
      return { name: text(span[0], last), kind: 'org', index: span[0].index }
    if (span.length === 1 && isTitle(span[0])) return role(span[0]) // "Виробник обіцяє"
    if (span.every(isNameWord) && span.length <= 3)
      return { name: text(span[0], last), kind: 'person', index: span[0].index }
    if (span.some(isTitle)) return role(span.find(isTitle))
    // "Місцеві телеграм-канали пишуть": a lower-case subject at the start of the sentence speaks as written
    if (opensSentence && span.length > 1 && span.length <= 3 && !t.functionWords.has(span[0].lower))
      return { name: text(span[0], last), kind: 'org', index: span[0].index }
    return undefined
  }

  /** The speaker in the words after `at` (a reporting verb or "за словами"): up to a comma or a clause. */
  function after(sentence: string, ws: Word[], at: number, oblique = false): Speaker | undefined {
    let k = at
    if (ws[k] !== undefined && (ws[k].lower === 'в' || ws[k].lower === 'у')) k++ // "повідомили в Lumen"
    const first = ws[k]
    if (first === undefined) return undefined
    if (t.pronouns.has(first.lower)) return { name: first.lower, kind: 'pronoun', index: first.index }
    let end = k - 1
    let inQuote = false
    while (end + 1 < ws.length && end < k + 12) {
      const w = ws[end + 1]
      if (w.text === '«') inQuote = true
      else if (w.text === '»') inQuote = false
      else if (!inQuote && (!isLetters(w) || STOPS.has(w.lower) || t.verbs.has(w.lower))) break
      end++
      // a name closes the phrase: "Андрій Ковальчук" is not followed by more of the role
      if (isNameWord(w) && !isNameWord(ws[end + 1]) && end > k && !isOrg(w) && !isTitle(w)) {
        if (ws.slice(k, end).some(isTitle)) break
      }
    }
    while (end >= k && PREPOSITIONS.has(ws[end].lower)) end--
    const found = classify(sentence, ws, k, end)
    return found && { ...found, name: ukNominative(found.name, sentence, oblique) }
  }

  /** The speaker in the words before the verb at `verb`, skipping an adverbial and an acronym in brackets. */
  function before(sentence: string, ws: Word[], verb: number): Speaker | undefined {
    let end = verb - 1
    if (ws[end]?.text === ')') {
      while (end > 0 && ws[end].text !== '(') end--
      end--
    }
    const prev = ws[end]
    if (prev !== undefined && t.pronouns.has(prev.lower))
      return { name: prev.lower, kind: 'pronoun', index: prev.index }
    // "Національний банк України свого часу оцінював", "Соціологічна група «Соціовимір» у січні опитала":
    // the words right before the verb, else those before an adverbial (a preposition or "свого часу")
    for (let tries = 0; tries < 3 && end >= 0; tries++) {
      let start = end + 1
      let inQuote = false
      while (start > 0 && start > end - 10) {
        const w = ws[start - 1]
        if (w.text === '»') inQuote = true
        else if (w.text === '«') inQuote = false
        else if (!inQuote) {
          const inName = /^(?:з|із)$/.test(w.lower) && isOrg(ws[start - 2] ?? w) // служба з надзвичайних ситуацій
          if (!isLetters(w) || STOPS.has(w.lower) || t.verbs.has(w.lower)) break
          if (PREPOSITIONS.has(w.lower) && !inName) break
        }
        start--
      }
      let first = start
      while (
        first <= end &&
        !ws[first].cap &&
        ws[first].text !== '«' &&
        !isOrg(ws[first]) &&
        !isTitle(ws[first])
      )
        first++
      if (first <= end) {
        const found = classify(sentence, ws, first, end, start === 0)
        if (found) return { ...found, name: ukNominative(found.name, sentence) }
      }
      // skip the adverbial: the preposition and what it governs, or "свого часу"
      end = start - 2
    }
    return undefined
  }

  function findSpeakers(sentence: string): Speaker[] {
    const ws = toWords(sentence)
    const found: Speaker[] = []
    ws.forEach((w, i) => {
      const phrase = t.according.find((p) => p.every((part, k) => ws[i + k]?.lower === part))
      // "за його словами", "за її даними": the possessive is the speaker
      if (
        w.lower === 'за' &&
        t.pronouns.has(ws[i + 1]?.lower ?? '') &&
        /^(?:словами|даними|оцінками)$/.test(ws[i + 2]?.lower ?? '')
      )
        found.push({ name: ws[i + 1].lower, kind: 'pronoun', index: ws[i + 1].index })
      else if (phrase) {
        const speaker = after(sentence, ws, i + phrase.length, true)
        if (speaker) found.push(speaker)
      } else if (t.verbs.has(w.lower) && !(w.lower === 'словами' && ws[i - 1]?.lower === 'за')) {
        const speaker = before(sentence, ws, i) ?? after(sentence, ws, i + 1)
        if (speaker) found.push(speaker)
      }
    })
    return found
  }

  /** People introduced with a title, the role in lower case between: "міністр ... Олександр Гнатюк". */
  function findTitledPeople(text: string): { title: string; name: string; index: number }[] {
    const ws = toWords(text)
    const people: { title: string; name: string; index: number }[] = []
    const person = (k: number): boolean =>
      [ws[k], ws[k + 1]].every((w) => isNameWord(w) && !isOrg(w) && w.text !== w.text.toUpperCase())
    ws.forEach((w, i) => {
      // "заступник міністра … Андрій Ковальчук": the first title of a role is the one the name agrees with
      if (!isTitle(w) || (i > 0 && isTitle(ws[i - 1]))) return
      // the role may hold a body's name: "Начальник Київської міської військової адміністрації Сергій Литвин"
      let k = i + 1
      while (
        k <= i + 10 &&
        isLetters(ws[k]) &&
        !person(k) &&
        !STOPS.has(ws[k].lower) &&
        !t.verbs.has(ws[k].lower)
      )
        k++
      if (!person(k)) return
      const name = `${ws[k].text} ${ws[k + 1].text}`
      // "начальниці … Оксани Лисенко", "заступника міністра Тараса Кравчука": the name takes the title's case
      const stem = w.lower.replace(/[аяу]$/u, '')
      const oblique = /[иі]$/u.test(w.lower) || (stem !== w.lower && t.titles.has(stem))
      const title = oblique ? w.lower.replace(/[аяиіу]$/u, '') : w.lower
      people.push({ title, name: ukNominative(name, text, oblique), index: ws[k].index })
    })
    return people
  }

  /** A name in full: from a titled introduction ("міністр … Олександр Гнатюк"), else from the text. */
  function fullName(name: string, text: string): string {
    // "повідомили в Повітряних силах ЗСУ", "У Міністерстві енергетики нагадали": a body in the nominative
    if (name.includes(' ')) return ukBodyNominative(name) ?? name
    const titled = findTitledPeople(text).find((p) => p.name.endsWith(` ${name}`))
    return titled?.name ?? ukNominative(name, text)
  }

  return { findSpeakers, findTitledPeople, fullName }
}
