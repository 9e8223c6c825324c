// Runs everywhere: speech events that are not a verb of saying (issue #13, round 14). A speech event is an
// agent, the content it speaks for (its sentence) and a kind; the verbs of saying are read by attribution.ts and
// attribution-model.ts, the kinds here from per-language words as data (lang/event-words.ts):
// - document: a document speaks for its owner — "the partnership's annual report shows", "Ministry of Justice
//   data show", "according to figures from X", "свідчать дані митниці", "как следует из отчёта министерства",
//   "wie aus der Statistik des X hervorgeht", "según los datos publicados … por X"; a document of the subject's
//   own ("según sus propios cálculos", "nach eigenen Angaben", "by its own count") speaks for the subject.
import { EVENT_KINDS } from './event-kinds'
import type { EventKind } from './event-kinds'
import { EVENT_WORDS, HOST_LABELS, VIEW_WORDS } from './lang/event-words'
import type { EventWords } from './lang/event-words'
import { POINTS_BACK } from './attribution-model'
import { sentenceAt, splitSentences } from './sentences'
import { nominative } from './speaker-tables'
import type { Lexicon } from './lang/types'

/** A speech event: who speaks (`agent`, as written; `null` for the subject named before), for which span, how. */
export type SpeechEvent = { kind: EventKind; agent: string | null; start: number; end: number }

/** A capitalised word; the lower-case links a name holds ("Ministry of Justice", "Oficina de …"). */
const CAP = "\\p{Lu}[\\p{L}\\d'’.&-]*"
const LINK = "(?:of|for|and|the|de|del|des|du|la|le|für|der|und|y|et|d['’])"
/**
 * Capitalised words of a name with the links a name holds; in French and Spanish also the lower-case words
 * before a link and a capital ("Office portuaire de Brenac", "Servicio municipal de Aguas", "communauté de
 * communes du Pays de Kerléven").
 */
const NAME = `${CAP}(?:\\s+(?:${LINK}\\s*)*${CAP})*`
const ROMANCE_NAME = `${CAP}(?:\\s+(?:${LINK}\\s*)*${CAP}|\\s+(?:\\p{Ll}[\\p{L}-]*\\s+){1,3}${LINK}\\s*(?:la\\s+|l['’])?${CAP})*`
const nameOf = (code: string): string => (code === 'fr' || code === 'es' ? ROMANCE_NAME : NAME)
/** Determiners and role words that may stand before a name: "the broker Harcourt Re", "la empresa municipal". */
const LEAD =
  "(?:(?:the|a|an|la|le|les|el|los|las|der|die|das|dem|den|des)\\s+|l['’]\\s*)?(?:\\p{Ll}[\\p{L}-]*\\s+){0,2}"
/** Words that end a Ukrainian or Russian owner phrase after its document. */
const SLAVIC_STOP =
  /^(?:у|в|во|за|на|з|із|зі|с|со|про|о|об|що|что|які|которые|який|который|від|от|до|по|і|й|та|и|а|але|но|щодо|оприлюднен\p{L}*|опубликованн\p{L}*|наведен\p{L}*|приведенн\p{L}*|станом|на)$/u
const SLAVIC_CAP = 4
/** The words of a document of the subject's own. */
const OWN =
  'own|eigenen|eigener|propios|propias|propio|propia|propres|propre|власними|власних|собственным|собственных'

const compiled = new Map<string, ReturnType<typeof compile>>()
function compile(w: EventWords, code: string) {
  const slavic = code === 'uk' || code === 'ru'
  const b = (s: string): string => `(?<![\\p{L}\\d])(?:${s})(?![\\p{L}\\d])`
  return {
    documents: new RegExp(b(w.documents), 'giu'),
    showsBefore: new RegExp(
      `${b(w.shows)}\\s+(?:(?:the|its|le|la|les|l['’]|el|los|las|su|sus|son|ses|der|die|das|den)\\s*)?$`,
      'iu',
    ),
    showsAfter: new RegExp(`^\\s*${b(w.shows)}`, 'iu'),
    // (a few words may stand between: "according to the board's own figures", "по предварительным данным")
    source: new RegExp(`${b(w.sources)}\\s+(?:[^\\s,;.]+\\s+){0,${slavic ? 1 : 4}}$`, 'iu'),
    // "according to its own count", "según sus propios cálculos", "nach eigenen Angaben": the subject's own
    ownBefore: new RegExp(
      `${b(w.sources)}\\s+(?:(?:its|their|sus|su|ses|leurs?|son|seinen|ihren|seiner|ihrer)\\s+)?${b(OWN)}\\s+(?:\\p{L}+\\s+)?$`,
      'iu',
    ),
    // "according to its figures", "nach seinen Angaben", "за її даними": whoever spoke last
    pointsBack: new RegExp(
      `${b(w.sources)}\\s+(?:its|their|his|her|sus|su|ses|leurs?|son|sa|seinen|ihren|seiner|ihrer|його|її|їхніми|его|её|их)\\s+(?:\\p{L}+\\s+)?$`,
      'iu',
    ),
    linkName:
      w.links === ''
        ? undefined
        : new RegExp(`^(?:\\s+[\\p{Ll}\\d.:,-]+){0,6}?\\s+(?:${w.links})\\s+${LEAD}(${nameOf(code)})`, 'u'),
  }
}

/** The clause bounds of `text` around `at` within a sentence `[from, to)`: up to `;`, `—`, `:`, a parenthesis. */
function clauseAround(text: string, from: number, to: number, at: number): [number, number] {
  let s = at
  while (s > from && !/[;:—–()]/u.test(text[s - 1])) s--
  let e = at
  while (e < to && !/[;:—–()]/u.test(text[e])) e++
  return [s, e]
}

/** A Ukrainian or Russian owner after its document, in the genitive: "обласної митниці", "таможни", "«Кружляй»". */
function slavicOwner(rest: string): string | undefined {
  const words = rest.split(/\s+/).filter(Boolean)
  const out: string[] = []
  for (const w of words) {
    if (out.length >= SLAVIC_CAP) break
    const bare = w.replace(/[,.;:!?)]+$/u, '')
    if (!/^[«"„]?\p{L}/u.test(bare) || SLAVIC_STOP.test(bare.toLowerCase())) break
    out.push(bare)
    if (bare !== w) break
  }
  return out.length > 0 ? out.join(' ') : undefined
}

/** Whether a Slavic owner names a body: a capital, or a body noun of the language ("митниці", "министерства"). */
function namesBody(owner: string, lex: Lexicon): boolean {
  if (/\p{Lu}/u.test(owner)) return true
  const stems = [...lex.speech.orgs].filter((o) => o.length >= 5).map((o) => o.slice(0, o.length - 2))
  return owner
    .toLowerCase()
    .split(/\s+/)
    .some((w) => stems.some((st) => w.startsWith(st) && w.length - st.length <= 4))
}

/** The sentence subject, for a document of its own: the first capitalised run, its determiner left out. */
function subjectName(text: string, from: number, to: number, lex: Lexicon): string | null {
  const re = new RegExp(nameOf(lex.code), 'gu')
  for (const m of text.slice(from, to).matchAll(re)) {
    const words = m[0].split(/\s+/)
    const first = words[0].toLowerCase()
    const skip = lex.speech.functionWords.has(first) || lex.speech.determiners.has(first)
    // (a lone capitalised word opening the sentence is a name only where the article writes it mid-sentence too)
    const lone = words.length === 1 && m.index === 0 && !new RegExp(`[\\p{L},] ${m[0]}`, 'u').test(text)
    if (lone) continue
    if (!skip) return m[0]
    if (words.length > 1) return words.slice(1).join(' ')
  }
  return null
}

/** The document events of the sentence holding `offset`. */
export function documentEvents(text: string, offset: number, lex: Lexicon): SpeechEvent[] {
  const words = EVENT_WORDS[lex.code]
  if (words === undefined || !EVENT_KINDS.document.has(lex.code)) return []
  const key = lex.code
  const re = compiled.get(key) ?? compile(words, lex.code)
  compiled.set(key, re)
  const sentences = splitSentences(text)
  if (sentences.length === 0) return []
  const s = sentences[sentenceAt(sentences, offset)]
  const slavic = lex.code === 'uk' || lex.code === 'ru'
  const out: SpeechEvent[] = []
  for (const m of text.slice(s.start, s.end).matchAll(re.documents)) {
    const at = s.start + m.index
    const end = at + m[0].length
    const [cs, ce] = clauseAround(text, s.start, s.end, at)
    const before = text.slice(cs, at)
    const after = text.slice(end, ce)
    const sourced = re.source.test(before)
    const shown = re.showsBefore.test(before) || re.showsAfter.test(after)
    let agent: string | null | undefined
    if (re.ownBefore.test(before)) agent = null
    else if (re.pointsBack.test(before)) {
      // "La CHI lo niega: según sus registros, …": the subject before the colon; else whoever spoke last
      const colon = text.lastIndexOf(':', at)
      agent = (colon > s.start ? subjectName(text, s.start, colon, lex) : null) ?? POINTS_BACK
    } else if (sourced || shown) {
      // the owner after the document: "figures from the Irish Aviation Authority", "дані обласної митниці"
      if (slavic) {
        const owner = slavicOwner(after.replace(/^\s*(?:[\p{Ll}-]+\s+)?(?=[«"„]?\p{Lu})/u, ' '))
        // (a quoted name is the name: "«Национальной лотереи»"; the genitive after a document, as after "по данным")
        const bare = owner?.replace(/^[«"„](.*)[»"“]$/u, '$1')
        if (bare !== undefined && namesBody(bare, lex))
          agent = nominative(bare, text, lex.code === 'ru' ? 'по данным ' : 'за даними ', lex)
      } else agent = re.linkName?.exec(after)?.[1] ?? re.linkName?.exec(` ${after.trimStart()}`)?.[1]
      // the owner before it: "Ministry of Justice data show", "the partnership's annual report shows"
      if (agent === undefined && lex.code === 'en') agent = ownerBefore(before, lex)
      // no owner named: a document of the article's own subject ("Harbourside Athletic lost £18.4m …, according
      // to accounts the club filed", "…, its annual report shows", "selon le bilan présenté mardi", "según las
      // cuentas anuales que el consejo …") speaks for the sentence's subject; one brought in as "a study" does not
      if (agent === undefined && !INDEFINITE.test(before)) agent = null
    }
    if (agent === null) agent = subjectName(text, s.start, cs === s.start ? at : cs, lex)
    if (agent !== undefined && agent !== null)
      out.push({ kind: 'document', agent: agent.replace(/[.’']+$/u, '').trim(), start: s.start, end: s.end })
  }
  return out
}

/** An indefinite determiner and up to two words before a document: "a new survey", "une étude", "eine Umfrage". */
const INDEFINITE =
  /(?<![\p{L}])(?:a|an|one|un|une|una|unos|unas|ein|eine|einer|einem|einen|eines|некий|одн\p{L}+|якийсь)\s+(?:[\p{L}-]+\s+){0,2}$/iu

/** An English document's owner written before it: a name, a possessive, or a body noun ("ministry audit"). */
function ownerBefore(before: string, lex: Lexicon): string | undefined {
  const words = EVENT_WORDS.en
  const trimmed = before.replace(new RegExp(`(?:(?:${words.own})\\s+)+$`, 'iu'), '').trimEnd()
  const name = new RegExp(`(${NAME})(?:['’]s)?$`, 'u').exec(trimmed)
  if (name && !lex.speech.functionWords.has(name[1].split(/\s+/)[0].toLowerCase())) return name[1]
  const role = /(?:the|its|an?)\s+(\p{Ll}+)(?:['’]s)?$/u.exec(trimmed)
  if (role && (/['’]s$/u.test(trimmed) || lex.speech.orgs.has(role[1]))) return role[1]
  return undefined
}

/** The agent of the speech event that speaks for the figure at `offset`, or undefined where none does. */
export function eventSpeaker(text: string, offset: number, lex: Lexicon): string | null | undefined {
  const turn = transcriptTurn(text, offset, lex)
  if (turn !== undefined) return turn
  const events = [...documentEvents(text, offset, lex), ...viewEvents(text, offset, lex)].filter(
    (e) => e.start <= offset && offset < e.end,
  )
  return events[0]?.agent ?? undefined
}

/**
 * The view event of the sentence holding `offset`: "Pour le Syndicat des journalistes (SJA), la baisse
 * coûterait …" → the holder, when the phrase names someone (a capital, a body or a role noun) and no number.
 */
export function viewEvents(text: string, offset: number, lex: Lexicon): SpeechEvent[] {
  const words = VIEW_WORDS[lex.code]
  if (words === undefined || !EVENT_KINDS.view.has(lex.code)) return []
  const sentences = splitSentences(text)
  if (sentences.length === 0) return []
  const s = sentences[sentenceAt(sentences, offset)]
  const own = text.slice(s.start, s.end)
  const m = new RegExp(`^(?:${words.opens})\\s+([^,;:.!?«»"“”]{3,90}?)${words.ends}`, 'u').exec(own)
  if (m === null || /\d/u.test(m[1])) return []
  const phrase = m[1].replace(/\s*\([^)]*\)\s*$/u, '').trim()
  const ws = phrase.split(/\s+/)
  const { determiners, orgs, titles } = lex.speech
  const lead =
    determiners.has(ws[0].toLowerCase()) ||
    /^(?:the|le|la|les|l['’]|el|los|las|der|die|das|den|dem)$/iu.test(ws[0])
  const held = lead ? ws.slice(1) : ws
  const body = (w: string | undefined): boolean =>
    w !== undefined &&
    [w, w.replace(/s$/u, '')].some((x) => orgs.has(x.toLowerCase()) || titles.has(x.toLowerCase()))
  // the holder's head names someone: a name or a body or role noun ("For the union", "Pour les associations …"); in
  // German, where every noun is capitalised, a body or role noun or a name of two words ("Für Konzerte" is none)
  const head = held[0]
  const names =
    lex.code === 'de'
      ? held.some(
          (w) =>
            body(w) ||
            /(?:bund|verband|verein|amt|ministerium|kammer|gewerkschaft|partei|rat|institut)$/u.test(w),
        ) ||
        (held.length >= 2 && held.every((w) => /^\p{Lu}/u.test(w)))
      : head !== undefined && (/^\p{Lu}/u.test(head) || body(head))
  if (!names) return []
  const agent = held.join(' ')
  return agent === '' ? [] : [{ kind: 'view', agent, start: s.start, end: s.end }]
}

/** A transcript turn's label: a name or a role of at most four words, then a colon, opening its paragraph. */
const TURN = /^(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}):\s/u

/**
 * The turn of a broadcast transcript holding `offset` (conventions, session 8): the host's lines are the
 * article's voice (`null`), a guest's lines the guest ("DANA WHITCOMBE" → "Dana Whitcombe"); undefined where the
 * paragraph is no turn or the article no transcript (fewer than three turns, or no host among them).
 */
export function transcriptTurn(text: string, offset: number, lex: Lexicon): string | null | undefined {
  if (!EVENT_KINDS.transcript.has(lex.code)) return undefined
  const start = text.lastIndexOf('\n', offset - 1) + 1
  const label = TURN.exec(text.slice(start, start + 60))?.[1]
  if (label === undefined) return undefined
  const labels = [...text.matchAll(/^(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}):\s/gmu)].map(
    (m) => m[1],
  )
  const host = (l: string): boolean => HOST_LABELS.test(l)
  if (labels.length < 3 || !labels.some(host)) return undefined
  if (host(label)) return null
  // (a label written in capitals is the name in its usual case)
  return label === label.toUpperCase()
    ? label.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, b: string, c: string) => b + c.toUpperCase())
    : label
}
