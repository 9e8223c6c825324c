// Runs everywhere: who speaks where in an article, read in ONE pass that keeps a discourse state (issue #13,
// conventions v2 §2, §10, §12). The article is segmented into paragraphs, sentences and quotes; each sentence's
// own attribution events are read by the sentence readers (attribution.ts) and the clause model
// (attribution-model.ts) as evidence; the state walks the sentences in order: a sentence with an event of its
// own sets the speaker, a sentence without one carries its paragraph's speaker, a new paragraph starts in the
// article's voice unless it continues the last speaker (a quote running on from the paragraph before, reported
// speech in a mood only a reporter uses, a sentence pointing back). A figure is answered from its own
// sentence's events first (which clause owns it), then from the state its sentence carries.
import { suggestAttribution } from './attribution'
import { modelAttribution, POINTS_BACK } from './attribution-model'
import { quoteAt, quoteSpans } from './clauses'
import type { QuoteSpan } from './clauses'
import { sentenceAt, splitSentences } from './sentences'
import { agreeWithPronoun } from './speaker-gender'
import { eventSpeaker, transcriptTurn } from './speech-events'
import type { Sentence } from './sentences'
import { discourseTable, SOURCE_NOUNS } from './speaker-tables'
import type { Lexicon } from './lang/types'

/** The segmented article: its sentences (each with its paragraph) and its quotes. */
export type Segments = { sentences: Sentence[]; quotes: QuoteSpan[] }

/** The state after reading the article: per sentence, the speaker its figures carry when they have no event. */
export type Discourse = Segments & {
  /** A sentence's own speaker (as read, before naming), `null` for a sentence explicitly in no one's voice. */
  own: (string | null | undefined)[]
  /** The speaker a sentence with no event of its own carries (undefined: the article's voice). */
  carried: (string | undefined)[]
  /** The speaker the paragraph before a sentence's paragraph ended with. */
  previous: (string | undefined)[]
}

/** Paragraphs → sentences, and the article's quotes (which may run across sentences and paragraphs). */
export function segment(text: string): Segments {
  return { sentences: splitSentences(text), quotes: quoteSpans(text) }
}

/** The first line of an article file, `date YYYY-MM-DD Title`: a title's figure has no speaker (§12). */
export function inTitle(text: string, offset: number): boolean {
  const firstLine = text.indexOf('\n')
  return /^date \d{4}-\d{2}-\d{2} /.test(text) && (firstLine < 0 || offset < firstLine)
}

/** The evidence of the sentence readers and the clause model for the figure at `start`, its own sentence only. */
export function ownEvidence(
  text: string,
  start: number,
  end: number,
  lex: Lexicon,
): string | null | undefined {
  if (inTitle(text, start)) return null
  // a speech event that is no verb of saying (a document speaking for its owner, speech-events.ts): where the
  // readers find no one, or read only part of its owner's name ("Office" of "l’Office portuaire de Brenac")
  const spoken = eventSpeaker(text, start, lex)
  // (a transcript's turn is its speaker's, the host's the article's voice)
  if (spoken === null || (spoken !== undefined && transcriptTurn(text, start, lex) !== undefined))
    return spoken
  const event = spoken ?? undefined
  const within = (found: string | null | undefined): boolean =>
    typeof found === 'string' &&
    event !== undefined &&
    event !== POINTS_BACK &&
    found !== POINTS_BACK &&
    event.length > found.length &&
    event.includes(found)
  const found = suggestAttribution({ text, start, end, lex, own: true })
  // (the first and second person speak in a quote or an opinion piece's own voice: "Nous demandons")
  const read = typeof found === 'string' && SELF.test(found) ? undefined : found
  if (within(read)) return event
  if (read !== undefined) return read
  const modelled = modelAttribution({ text, start, lex, own: true })
  if (modelled === undefined || within(modelled)) return event
  // (a pointer back that the event names in its own sentence: "X lo niega: según sus registros")
  if (modelled === POINTS_BACK && event !== undefined) return event
  if (typeof modelled !== 'string' || modelled === POINTS_BACK) return modelled
  const form = mentionKind(modelled, text, lex)
  if (form === 'name') return modelled
  if (form === 'junk') return undefined
  // a role noun with no name ("la autoridad portuaria", "calcula el organismo") is the body the article names
  // by it, else the owner of the sentence's document ("selon le bilan présenté mardi soir" read as a phrase with
  // no name), else the speaker of the state
  const named = event !== undefined && mentionKind(event, text, lex) === 'name' ? event : undefined
  return roleHolder(modelled, text, start, lex) ?? named ?? POINTS_BACK
}

/**
 * "autoridad portuaria" → "Autoridad Portuaria de Valdemar", "consorcio" → "Consorcio de Transportes de
 * Castrollano": the name the article writes before `offset` with the role's head noun capitalised.
 */
export function roleHolder(role: string, text: string, offset: number, lex: Lexicon): string | undefined {
  const words = role.split(/\s+/).filter((w) => /^\p{Ll}{4,}$/u.test(w) && !LINKS.has(w))
  const head = words[words.length - 1]
  if (head === undefined) return undefined
  const cap = `${head[0].toUpperCase()}${head.slice(1)}`
  const name = new RegExp(
    `(?<![\\p{L}])(?:\\p{Lu}[\\p{L}-]*\\s+)*${cap}(?:\\s+(?:(?:de|del|des|du|la|of|for|für|der)\\s+)*\\p{Lu}[\\p{L}-]*)+`,
    'gu',
  )
  let found: string | undefined
  for (const m of text.slice(0, offset).matchAll(name)) found = m[0]
  const [first, ...rest] = found?.split(/\s+/) ?? []
  return first !== undefined && lex.speech.determiners.has(first.toLowerCase()) ? rest.join(' ') : found
}

/** First- and second-person pronouns, which name no speaker, in the six languages. */
const SELF = /^(?:i|we|you|je|nous|on|tu|vous|yo|nosotros|nosotras|ich|wir|man|du|ihr|я|ми|ви|мы|вы)$/iu

/** Lower-case words a name may hold: "Junta Electoral de Montesur", "Bundesamt für Fahrzeugregister". */
const LINKS = new Set([
  'de',
  'del',
  'des',
  'du',
  'la',
  'of',
  'for',
  'the',
  'und',
  'für',
  'der',
  'von',
  'y',
  'et',
])

/**
 * What the clause model's agent is as a mention: a `name` (capitalised words, an acronym), a `role` (a common
 * noun with no name: "el organismo", "impact du ministère"), or `junk` (a clause read as a name: "Wendrich am
 * Mittwoch auf …", a capitalised word that only ever opens a sentence: "Hemos", "Mehr").
 */
export function mentionKind(name: string, text: string, lex: Lexicon): 'name' | 'role' | 'junk' {
  const words = name.split(/\s+/).filter(Boolean)
  if (words.length === 0 || words.length > 8 || /\d/.test(name)) return 'junk'
  if (SELF.test(name)) return 'junk'
  if (!words.some((w) => /^[«"„“‚]?\p{Lu}/u.test(w))) return 'role'
  // (German writes every noun in capitals: a lower-case word is no part of a name)
  if (lex.code === 'de' && words.some((w) => /^\p{Ll}/u.test(w) && !LINKS.has(w))) return 'junk'
  if (words.length === 1 && !/^\p{Lu}{2,}$/u.test(name)) {
    // (its stem, as a Slavic name is declined: «Кинометрики» → Кинометрика)
    const stem = name
      .slice(0, Math.max(3, Math.min(5, name.length - 1)))
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const inside = new RegExp(`(?:[\\p{L},] |[\\p{L},] [«"„“])${stem}`, 'u')
    if (!inside.test(text)) return 'junk'
  }
  return 'name'
}

/**
 * "Мінагрополітики" → "Міністерство аграрної політики та продовольства", "Минфин" → "Министерство финансов": a
 * one-word short name made of the first letters of the words of a name the article's speakers already had.
 */
export function expandShort(name: string, seen: readonly (string | null | undefined)[]): string {
  if (/\s/.test(name) || name.length < 5 || /^\p{Lu}{2,}$/u.test(name)) return name
  const lower = name.toLowerCase()
  for (let i = seen.length - 1; i >= 0; i--) {
    const full = seen[i]
    if (typeof full !== 'string' || !/\s/.test(full)) continue
    const parts = full
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w.length >= 4)
      .map((w) => w.slice(0, 3))
    if (parts.length < 2 || !lower.startsWith(parts[0])) continue
    let at = parts[0].length
    let hits = 1
    for (const p of parts.slice(1)) {
      const k = lower.indexOf(p, at)
      if (k >= 0) {
        hits++
        at = k + p.length
      }
    }
    if (hits >= 2) return full
  }
  return name
}

/** A list item's line: "• 186 суден …", "- Share of jobs …", "1. …". */
const ITEM = /^(?:[•·▪*–—-]|\d{1,2}[.)])\s/u
/** Capitalised words of a name, with the lower-case links a name holds: "Low Pay Board", "Office for Statistics". */
const NAME =
  /\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:de|del|des|du|la|of|for|the|für|der|und|y|et)\s+)*\p{Lu}[\p{L}'’-]*)*/gu

/**
 * The source a list's lead line names (conventions §18), when items follow it: the name written with a noun of
 * a source ("Key facts, Low Pay Board report for 2026:", "Коридор у цифрах (дані Мінагрополітики):").
 */
function listSource(
  text: string,
  sentences: readonly Sentence[],
  i: number,
  lex: Lexicon,
): string | undefined {
  const s = sentences[i]
  const next = sentences[i + 1]
  const own = text.slice(s.start, s.end).trim()
  if (!own.endsWith(':') || next === undefined || next.paragraph !== s.paragraph) return undefined
  if (!ITEM.test(text.slice(next.start, next.end))) return undefined
  const noun = SOURCE_NOUNS.exec(own)
  if (noun === null) return undefined
  // the name next to the noun: before it ("Low Pay Board report") or after it ("дані Мінагрополітики")
  const names = [...own.matchAll(NAME)].filter((m) => m.index > 0 || m[0].includes(' '))
  const near = names
    .map((m) => ({
      name: m[0],
      gap: Math.min(
        Math.abs(m.index + m[0].length - noun.index),
        Math.abs(m.index - noun.index - noun[0].length),
      ),
    }))
    .filter((m) => m.gap <= 12 && !lex.speech.determiners.has(m.name.toLowerCase()))
    .sort((a, b) => a.gap - b.gap)[0]
  return near?.name
}

/** Whether the sentence at `s` continues the previous paragraph's speaker (conventions v2 §2). */
function continues(text: string, s: Sentence, quotes: readonly QuoteSpan[], lex: Lexicon): boolean {
  // a quote that runs on from the paragraph before
  const quote = quoteAt(quotes, s.start + 1)
  if (quote !== undefined && quote.start < s.start - 1) return true
  const table = discourseTable(lex.code)
  const own = text.slice(s.start, s.end)
  // reported speech in the reporter's mood (German Konjunktiv I): it can only be the same speaker's
  return table.reportedMood !== undefined && table.reportedMood.test(own)
}

const cache = new Map<string, Discourse>()

/** Forgets every article's discourse state (for scripts that switch a piece of the model on and off). */
export const resetDiscourse = (): void => cache.clear()

/** The discourse state of `text` read with `lex`'s words (cached per text, like the entity table). */
export function discourse(text: string, lex: Lexicon): Discourse {
  const key = `${lex.code}\u0000${text}`
  const hit = cache.get(key)
  if (hit) return hit
  const { sentences, quotes } = segment(text)
  const table = discourseTable(lex.code)
  const own = sentences.map((s, i) => {
    // a sentence's own speaker: the evidence at its end, where every event of it stands before
    const next = sentences[i + 1]
    const probe = next !== undefined && next.start <= s.end ? s.end - 1 : s.end
    return ownEvidence(text, probe, probe, lex) ?? listSource(text, sentences, i, lex)
  })
  // §10: a sentence that only points back ("Про це повідомив …") gives its speaker to the sentences before it
  // in its paragraph that have none
  const back = [...own]
  for (let i = sentences.length - 1; i > 0; i--) {
    const opening = text.slice(sentences[i].start, sentences[i].start + 40).toLowerCase()
    if (typeof own[i] !== 'string' || !table.pointsBack.some((p) => p.test(opening))) continue
    for (
      let j = i - 1;
      j >= 0 && sentences[j].paragraph === sentences[i].paragraph && own[j] === undefined;
      j--
    )
      back[j] = own[i]
  }
  const carried: (string | undefined)[] = []
  const previous: (string | undefined)[] = []
  let state: string | undefined
  let last: string | undefined
  sentences.forEach((s, i) => {
    const first = i === 0 || sentences[i - 1].paragraph !== s.paragraph
    if (first) last = state
    previous[i] = last
    // a pronoun or a dropped subject of a verb of saying is the speaker of the state: the paragraph's, else
    // the one the paragraph before ended with, else the nearest one named before
    if (typeof back[i] === 'string' && back[i] !== POINTS_BACK)
      back[i] = expandShort(back[i] ?? '', back.slice(0, i))
    if (back[i] === POINTS_BACK)
      back[i] = (first ? last : state) ?? modelAttribution({ text, start: s.start, lex }) ?? undefined
    // a gendered pronoun stands for a person of its gender (speaker-gender.ts)
    if (typeof back[i] === 'string')
      back[i] = agreeWithPronoun(back[i] ?? undefined, text, s.start, s.end, s.end, lex)
    // a new paragraph starts in the article's voice unless it continues the last speaker
    if (first && !(back[i] === undefined && continues(text, s, quotes, lex))) state = undefined
    // (a figure of a sentence with an event that its clause does not own takes the state before the sentence;
    // one of a sentence another points back to takes that speaker)
    carried[i] = own[i] === undefined && typeof back[i] === 'string' ? (back[i] ?? undefined) : state
    if (back[i] === null) state = undefined
    else if (back[i] !== undefined) state = back[i] ?? undefined
  })
  const result = { sentences, quotes, own: back, carried, previous }
  if (cache.size > 64) cache.clear()
  cache.set(key, result)
  return result
}

/** Who the figure at `start`…`end` is attributed to, as read (before naming): its sentence's event, else the state. */
export function discourseSpeaker(text: string, start: number, end: number, lex: Lexicon): string | undefined {
  if (inTitle(text, start)) return undefined
  const own = ownEvidence(text, start, end, lex)
  if (own === null) return undefined
  const d = discourse(text, lex)
  if (d.sentences.length === 0) return undefined
  const at = sentenceAt(d.sentences, start)
  const s = d.sentences[at]
  if (own === POINTS_BACK) {
    const first = at === 0 || d.sentences[at - 1].paragraph !== s.paragraph
    const back = (first ? d.previous[at] : d.carried[at]) ?? modelAttribution({ text, start, lex })
    return agreeWithPronoun(back, text, s.start, s.end, start, lex)
  }
  if (own !== undefined)
    return agreeWithPronoun(expandShort(own, d.own.slice(0, at)), text, s.start, s.end, start, lex)
  return d.carried[at]
}
