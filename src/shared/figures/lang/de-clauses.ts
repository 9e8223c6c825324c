// Runs everywhere: who speaks in a German sentence, read clause by clause. German puts the verb second or
// last and the speaker anywhere in its clause ("wie das Innenministerium in München am Mittwoch mitteilte",
// "Das teilte die Autobahn GmbH des Bundes am Dienstag mit", "Den Sachschaden schätzt die Polizei auf …"),
// and capitalises every noun, so the speaker is the clause's subject: a pronoun, a body (a noun phrase with a
// body's head noun or suffix), a person (a title and a name) or a name without an article; never a noun
// after a preposition or in the dative.
import type { Speaker } from './types'
import { deSpeech } from './de-speech'

type Word = { text: string; lower: string; index: number; cap: boolean }

const VERBS = new Set([
  ...deSpeech.verbs,
  ...deSpeech.inverted,
  ...'teilte teilt teilten gibt gab verspricht versprach beziffern bezifferten schätzen schätzten meldeten'.split(
    ' ',
  ),
])
/**
 * A separable verb of saying written as one word at the end of a subordinate clause: "wie die Wahlleiterin
 * am Abend bekanntgab", "wie der Verband mitteilte", "wie er ankündigte", "wie sie darlegte".
 */
const SEPARABLE =
  /^(?:bekannt|mit|an|hin|fest|dar|vor|aus|zu)(?:gab|gaben|gibt|teilte|teilten|teilt|kündigte|kündigten|kündigt|wies|wiesen|weist|legte|legten|legt|stellte|stellten|führte|führten|sagte|sagten)$/
const isVerb = (lower: string): boolean => VERBS.has(lower) || SEPARABLE.test(lower)
/** Verbs no one speaks with ("ging … hervor", "hieß es"): only their clause's source counts. */
const IMPERSONAL = new Set(['hieß', 'heißt', 'geht', 'ging'])
const BOUNDARY = /^[,;:–—„“”«»"()]$/
const CLAUSE_WORDS = new Set([
  'wie',
  'dass',
  'weil',
  'als',
  'während',
  'nachdem',
  'und',
  'aber',
  'denn',
  'sondern',
])
const PREPOSITIONS = new Set(
  'in im an am auf aus bei beim mit nach seit von vom vor zu zum zur über unter um für gegen ohne durch bis ab wegen trotz'.split(
    ' ',
  ),
)
const NOMINATIVE = new Set(['der', 'die', 'das', 'ein', 'eine'])
const OBLIQUE = new Set(['den', 'dem', 'des', 'einen', 'einem', 'eines', 'einer'])
const SOURCES =
  /^(?:angaben|zählungen|berechnungen|schätzungen|zahlen|daten|erhebungen|auswertungen|prognosen|informationen|mitteilung|statistik|studie|umfrage)$/
const SUFFIX = /^(?:GmbH|AG|SE|KG|KGaA|e\.V\.|eG|mbH)$/
const PRONOUNS = new Set(['er', 'sie'])

const isBodyWord = (w: Word): boolean =>
  (w.cap && deSpeech.orgs.has(w.lower)) || SUFFIX.test(w.text) || /^\p{Lu}{2,6}$/u.test(w.text)
const isTitleWord = (w: Word): boolean => w.cap && deSpeech.titles.has(w.lower)
/** A capitalised word that may be part of a name: not a function word, not a weekday or month. */
const nameLike = (w: Word | undefined): boolean =>
  w !== undefined &&
  w.cap &&
  !deSpeech.functionWords.has(w.lower) &&
  !/^(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|uhr|prozent|euro|franken)/.test(
    w.lower,
  )

function toWords(sentence: string): Word[] {
  return [...sentence.matchAll(/[\p{L}\d][\p{L}\d'’-]*(?:\.(?=\p{L}\.))?(?:\p{L}\.)?|[^\s\p{L}\d]/gu)].map(
    (m) => ({ text: m[0], lower: m[0].toLowerCase(), index: m.index, cap: /^\p{Lu}/u.test(m[0]) }),
  )
}

/** A body's name from `from` on: capitalised words, joined by "des", "der", "für", "und" to more of them. */
function bodyRun(ws: Word[], from: number): Word[] {
  const run: Word[] = []
  for (let k = from; k < ws.length && run.length < 9; k++) {
    const w = ws[k]
    if (nameLike(w) || SUFFIX.test(w.text)) {
      run.push(w)
      continue
    }
    // "Autobahn GmbH des Bundes", "Bundesstelle für Produktsicherheit", "Industrie- und Handelskammer"
    if (['des', 'der', 'für', 'und'].includes(w.lower) && nameLike(ws[k + 1]) && run.length > 0) {
      run.push(w)
      continue
    }
    break
  }
  return run
}

const joined = (ws: Word[]): string => ws.map((w) => w.text).join(' ')

/** Undoes the genitive of a body after "des"/"der": "Landesbetriebs Straßenbau NRW" → "Landesbetrieb …". */
function nominative(run: Word[], before: string): string {
  return deSpeech.normalizeName?.(joined(run), before) ?? joined(run)
}

/** The subject a noun phrase from `at` (a determiner or the first word) names, if a person or a body. */
function phraseAt(ws: Word[], at: number): Speaker | undefined {
  let k = at
  const det = ws[k]?.lower ?? ''
  if (NOMINATIVE.has(det)) k++
  // adjectives: "das Statistische Landesamt", "der bildungspolitische Sprecher"
  while (
    k < ws.length &&
    k < at + 4 &&
    /^\p{Ll}/u.test(ws[k].text) &&
    !PREPOSITIONS.has(ws[k].lower) &&
    !isVerb(ws[k].lower) &&
    !NOMINATIVE.has(ws[k].lower) &&
    !OBLIQUE.has(ws[k].lower)
  )
    k++
  const head = ws[k]
  if (head === undefined || !head.cap) return undefined
  if (PRONOUNS.has(head.lower) && k === at) return undefined
  const run = bodyRun(ws, k)
  if (run.length === 0) return undefined
  const last = run.findLastIndex((w) => isTitleWord(w))
  // a title before a name: "Kultusministerin Sabine Thelen", "ihr Leiter Anselm Kröning"
  if (last >= 0 && last < run.length - 1 && run.slice(last + 1).every((w) => nameLike(w) && !isBodyWord(w))) {
    const name = run.slice(last + 1)
    return { name: joined(name), kind: 'person', index: name[0].index }
  }
  // a role of a body: "eine Sprecherin der Deutschen Bahn", "ein Sprecher der BPS"
  if (isTitleWord(head)) {
    const after = ws[k + 1]
    if (after && ['der', 'des'].includes(after.lower)) {
      const body = bodyRun(ws, k + 2)
      if (body.length > 0)
        return { name: nominative(body, `${after.text} `), kind: 'org', index: body[0].index }
    }
    return undefined
  }
  if (run.some((w) => isBodyWord(w))) return { name: nominative(run, ''), kind: 'org', index: run[0].index }
  return undefined
}

/**
 * Whether a speaker the word-by-word reader found is a name at all: a single capitalised word the text also
 * writes after an article or a preposition ("am Mittwochmittag", "die Kosten", "in Ludwigshafen") is a noun
 * or a place, not who speaks.
 */
export function deCommonNoun(name: string, text: string): boolean {
  if (name.includes(' ') || !/^\p{Lu}\p{Ll}/u.test(name)) return false
  const lower = name.toLowerCase()
  if (deSpeech.orgs.has(lower) || deSpeech.titles.has(lower)) return false
  if (!nameLike({ text: name, lower, index: 0, cap: true })) return true
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(
    `(?<![\\p{L}])(?:${[...NOMINATIVE, ...OBLIQUE, ...PREPOSITIONS, 'und', 'die', 'den'].join('|')})\\s+${escaped}(?![\\p{L}])`,
    'iu',
  ).test(text)
}

/** Speakers of a German sentence, one per reporting verb, in order of appearance. */
export function deClauseSpeakers(sentence: string): Speaker[] {
  const ws = toWords(sentence)
  const found: Speaker[] = []
  // "nach Zählungen des Landesbetriebs Straßenbau NRW", "nach Berechnungen des Finanzministeriums"
  ws.forEach((w, i) => {
    if (w.lower !== 'nach' || !SOURCES.test(ws[i + 1]?.lower ?? '')) return
    const of = ws[i + 2]
    if (of && ['des', 'der'].includes(of.lower)) {
      const body = bodyRun(ws, i + 3)
      if (body.length > 0)
        found.push({ name: nominative(body, `${of.text} `), kind: 'org', index: body[0].index })
    }
  })
  ws.forEach((w, i) => {
    if (!isVerb(w.lower) || w.cap) return
    let start = i
    while (start > 0 && !BOUNDARY.test(ws[start - 1].text) && !CLAUSE_WORDS.has(ws[start - 1].lower)) start--
    let end = i
    while (end + 1 < ws.length && !BOUNDARY.test(ws[end + 1].text) && !CLAUSE_WORDS.has(ws[end + 1].lower))
      end++
    // "sagte er", "schätzte sie am Mittwoch": a pronoun after the verb
    const next = ws[i + 1]
    if (next && PRONOUNS.has(next.lower)) {
      found.push({ name: next.lower, kind: 'pronoun', index: next.index })
      return
    }
    if (IMPERSONAL.has(w.lower)) return
    for (let k = start; k <= end; k++) {
      if (k === i) continue
      const before = ws[k - 1]
      if (before && (PREPOSITIONS.has(before.lower) || OBLIQUE.has(before.lower))) continue
      if (OBLIQUE.has(ws[k].lower) || PREPOSITIONS.has(ws[k].lower)) continue
      // a determiner's noun is read from the determiner
      if (before && NOMINATIVE.has(before.lower) && k - 1 >= start) continue
      const speaker = phraseAt(ws, k)
      if (speaker) {
        found.push(speaker)
        return
      }
    }
  })
  return found.sort((a, b) => a.index - b.index)
}
