// Runs everywhere: suggests who a figure is attributed to, from the figure's sentence outwards (the rest
// of its paragraph, then the paragraph before), preferring a person's full name.
import { fullBodyName, spelledOut } from './acronyms'
import { sentenceAt, splitSentences } from './sentences'
import { withEventVerbs } from './speech-verbs'
import type { Sentence } from './sentences'
import { en } from './lang/en'
import { deClauseSpeakers, deCommonNoun } from './lang/de-clauses'
import type { Lexicon, SpeechWords } from './lang/types'
import type { Speaker, SpeakerReader } from './speakers'
import { speakerReader } from './speakers'
import { fullName, interviewTurn } from './interview'

/** Sentence indexes to search: the figure's own, the quote's attribution after it, then earlier ones. */
function searchOrder(
  text: string,
  sentences: Sentence[],
  at: number,
  offset: number,
  carry?: SpeechWords['carry'],
  own = false,
): number[] {
  const paragraph = sentences[at].paragraph
  const same = sentences.flatMap((s, i) => (s.paragraph === paragraph ? [i] : []))
  const before = text.slice(sentences[same[0]].start, offset)
  const opens = (before.match(/[«„]/g) ?? []).length
  const closes = (before.match(/[»]/g) ?? []).length
  const inQuote = (before.match(/["“”]/g) ?? []).length % 2 === 1 || opens > closes
  const later = same.filter((i) => i > at)
  const earlier = same.filter((i) => i < at).reverse()
  // the sentence's own evidence only (the discourse model of speaker-discourse.ts carries it)
  if (own) return [at, ...(inQuote ? later.slice(0, 2) : [])]
  if (carry) {
    const opens = (i: number, phrases: readonly (readonly string[])[]): boolean => {
      const words =
        text
          .slice(sentences[i].start, sentences[i].end)
          .toLowerCase()
          .match(/[\p{L}'’]+/gu) ?? []
      return phrases.some((p) => p.every((w, k) => words[k] === w))
    }
    const back = later.filter((i) => opens(i, carry.reportsBack))
    return [at, ...(inQuote ? later.slice(0, 2) : []), ...earlier, ...back].filter(
      (i, k, all) => all.indexOf(i) === k,
    )
  }
  // a sentence with no speaker of its own carries the nearest earlier one's in its paragraph, in every
  // language (conventions v2, point 2)
  return [at, ...(inQuote ? later.slice(0, 2) : []), ...earlier].filter((i, k, all) => all.indexOf(i) === k)
}

/**
 * "In our test", "dans nos tests", "en nuestra prueba", "in unserem Test", "у нашому тесті", "в нашем
 * тесте": the publication's own measurement, which no earlier speaker carries into.
 */
const OURS =
  /\b(?:in\s+our\s+(?:\w+\s+)?tests?|we\s+(?:measured|tested|timed))\b|(?<!\p{L})(?:dans\s+nos\s+(?:\p{L}+\s+)?(?:tests|mesures|essais)|selon\s+nos\s+mesures|en\s+nuestr[ao]s?\s+(?:\p{L}+\s+)?(?:prueba|pruebas|test|mediciones)|in\s+unserem\s+\p{L}*[Tt]est|(?:у|в)\s+нашому\s+\p{L}*\s*тесті|у\s+наших\s+(?:вимірах|тестах)|в\s+нашем\s+(?:\p{L}+\s+)?тесте)(?!\p{L})/iu

/** The nearest person named before `offset`, searching back sentence by sentence. */
function personBefore(
  r: SpeakerReader,
  text: string,
  sentences: Sentence[],
  offset: number,
  bodies = false,
): string | undefined {
  for (let i = sentenceAt(sentences, offset); i >= 0; i--) {
    const s = sentences[i]
    const slice = text.slice(s.start, Math.min(s.end, offset))
    const people = [
      ...r.findSpeakers(slice).filter((p) => p.kind === 'person' || (bodies && p.kind === 'org')),
      ...r.findTitledPeople(slice).map((p) => ({ name: p.name, index: p.index, kind: 'person' })),
    ].sort((a, b) => a.index - b.index)
    const last = people[people.length - 1]
    if (last !== undefined)
      return last.kind === 'org' ? bare(r, text, last.name) : fullName(r, text, last.name)
  }
  // no one introduced as a speaker or with a title before: the nearest name of two capitalised words
  // ("la ministre de la Santé, Claire Vautrin, a défendu…" before "a-t-elle déclaré")
  for (let i = sentenceAt(sentences, offset); i >= 0; i--) {
    const s = sentences[i]
    const slice = text.slice(s.start, Math.min(s.end, offset))
    const names = [...slice.matchAll(/(?<![\p{L}\d'’-])\p{Lu}[\p{Ll}'’-]+(?: \p{Lu}[\p{Ll}'’-]+)+/gu)]
      .map((m) => ({ words: m[0].split(' '), index: m.index }))
      .filter(({ words, index }) => {
        const lower = words.map((w) => w.toLowerCase())
        if (lower.some((w) => r.determiners.has(w) || r.titles.has(w))) return false
        return index > 0 || words.length > 2
      })
    const last = names[names.length - 1]
    if (last) return last.words.slice(-2).join(' ')
  }
  return undefined
}

/**
 * "the ministry" → "ministry", "Environment Agency's" → "Environment Agency", and "ONS" → "Office for
 * National Statistics" where the text spells the acronym out: a body is named as the article names it.
 */
function bare(r: SpeakerReader, text: string, name: string): string {
  const strip = (n: string): string => {
    const [first, ...rest] = n.split(' ')
    return rest.length > 0 && r.determiners.has(first.toLowerCase()) ? rest.join(' ') : n
  }
  const plain = strip(name.replace(/['’]s$/, ''))
  if (!/^\p{Lu}{2,6}$/u.test(plain) && !text.includes(`(${plain})`)) return fullBodyName(text, plain) ?? plain
  const spelled = new RegExp(`((?:\\p{Lu}[\\p{L}'’-]*[ ,]+(?:\\p{Ll}{1,4} )*){2,8})\\(${plain}\\)`, 'u')
  const found = spelled.exec(text)
  return found
    ? strip(found[1].replace(/[ ,]+$/, ''))
    : (spelledOut(text, plain) ?? looseSpelled(text, plain) ?? plain)
}

/**
 * "l'Institut national de la statistique et des études économiques (Insee)": a name spelled out before its
 * acronym in brackets with lower-case words, from the nearest capitalised word with the acronym's initial.
 */
function looseSpelled(text: string, acronym: string): string | undefined {
  const at = text.indexOf(`(${acronym})`)
  if (at < 0) return undefined
  const window = text.slice(Math.max(0, at - 120), at)
  const clause = window.slice(Math.max(window.lastIndexOf(','), window.lastIndexOf('.')) + 1)
  const words = [...clause.matchAll(/(?:^|[\s'’])(\p{Lu}[\p{L}-]*)/gu)]
  const first = words.find((w) => w[1][0] === acronym[0].toUpperCase())
  if (first === undefined) return undefined
  const name = clause.slice(first.index + first[0].indexOf(first[1])).trim()
  return name.split(/\s+/).length >= 2 ? name : undefined
}

/**
 * "the agency" → "Environment Agency", "l'institut" → the name the article spells out: a body the text
 * names in capitals around the same head word.
 */
function namedBody(r: SpeakerReader, text: string, name: string, offset: number): string | undefined {
  const head =
    name
      .toLowerCase()
      .split(/[\s'’]+/)
      .pop() ?? ''
  if (head.length < 4 || /\p{Lu}/u.test(name.replace(/^\p{Lu}/u, ''))) return undefined
  for (const m of text.matchAll(/\((\p{Lu}[\p{L}]{1,7})\)/gu)) {
    const full = looseSpelled(text, m[1])
    if (full && full.toLowerCase().split(/\s+/)[0] === head) return full
  }
  return r.namedBefore(text, head, offset)?.replace(/['’]s$/, '')
}

/** A company named by what it is: "the company", "le groupe", "пресс-служба перевозчика", "ООО". */
const COMPANY =
  /^(?:(?:the|la|le|l['’]|el|die|der|das)\s*)?(?:пресс-служб\p{L}*\s+)?(?:компани\p{L}*|авиакомпани\p{L}*|перевозчик\p{L}*|холдинг\p{L}*|агрохолдинг\p{L}*|компані\p{L}*|перевізник\p{L}*|ООО|ТОВ|ПАО|ПрАТ|АО|entreprise|société|groupe|compagnie|empresa|compañía|grupo|Unternehmen\p{L}*|Konzern\p{L}*|company|group|firm|carrier|airline|operator)(?:\s+\p{Ll}[\p{L}-]*|\s+по\s+\p{Lu}+)*$/iu

/**
 * The company an article is about, as it introduces it: "Авиакомпания «Северная звезда»", "ООО «Кедровогорский
 * ЦБК»", "Le groupe de cosmétiques Sorelia", "Fjordlaks".
 */
export function companyName(text: string): string | undefined {
  const noun =
    '(?:компани\\p{L}*|авиакомпани\\p{L}*|перевозчик\\p{L}*|холдинг\\p{L}*|агрохолдинг\\p{L}*|компані\\p{L}*|ООО|ТОВ|ПАО|ПрАТ|АО|entreprise|société|groupe|compagnie|empresa|compañía|grupo|Unternehmen|Konzern|company|group|firm|airline)'
  // a name in quotes, not a quote ("the company had acted “as soon as the pattern was clear”")
  const quoted = [
    ...text.matchAll(
      new RegExp(`(?<!\\p{L})${noun}(?:\\s+[\\p{Ll}-]+){0,3}\\s+[«"“„]([^»"”“]{2,40})[»"”“]`, 'giu'),
    ),
  ].find((m) => /^\p{Lu}/u.test(m[1]))
  if (quoted) return quoted[1]
  // "Brenmoor Home, the kitchen appliance maker, is recalling": a name with its kind in apposition
  const apposed =
    /(?<![\p{L}])(\p{Lu}[\p{L}&'’-]+(?:[^\S\n]+\p{Lu}[\p{L}&'’-]+){0,3}),\s+(?:the|a|an)\s+(?:[\p{Ll}-]+\s+){0,3}(?:maker|company|firm|group|retailer|manufacturer|carrier|airline|operator|chain|producer|supplier|developer|brand|insurer|lender|bank)(?![\p{L}])/u.exec(
      text,
    )
  if (apposed) return apposed[1]
  const named = new RegExp(
    `(?<!\\p{L})${noun}(?:\\s+(?:de|d['’]|du|des|of|de\\s+la)\\s*\\p{Ll}+)?\\s+(\\p{Lu}[\\p{L}&'’-]+(?:\\s+\\p{Lu}[\\p{L}&'’-]+)*)`,
    'u',
  ).exec(text)
  return named?.[1]
}

function resolve(
  r: SpeakerReader,
  text: string,
  sentences: Sentence[],
  speaker: Speaker,
  offset: number,
  speech: SpeechWords,
): string | undefined {
  const { carry } = speech
  if (speaker.kind === 'person') {
    const name = speaker.name.replace(/['’]s$/, '')
    const own = speech.reader?.fullName
    if (own) return own(name, text)
    const acronym = /^\p{Lu}{2,6}$/u.test(name) || text.includes(`(${name})`)
    return acronym ? bare(r, text, name) : fullName(r, text, name)
  }
  if ((speaker.kind === 'org' || speaker.kind === 'role') && COMPANY.test(speaker.name.trim())) {
    const company = companyName(text)
    if (company) return company
  }
  if (speaker.kind === 'org')
    return (
      speech.reader?.fullName?.(speaker.name, text) ??
      namedBody(r, text, speaker.name, offset) ??
      bare(r, text, speaker.name)
    )
  if (speaker.kind === 'pronoun') return personBefore(r, text, sentences, offset, r.pronounsForBodies)
  // "a Peninsula Rail spokesperson": the body named before the role speaks
  const words = speaker.name.split(' ')
  const body = words.slice(r.determiners.has(words[0].toLowerCase()) ? 1 : 0, -1)
  if (body.length > 0 && body.every((w) => /^\p{Lu}/u.test(w))) return bare(r, text, body.join(' '))
  // "says the president": the president named elsewhere in the article, else the role as written
  const head = words[words.length - 1].toLowerCase()
  const titled = r.findTitledPeople(text).filter((p) => p.title === head)
  const nearest = titled.filter((p) => p.index < offset).pop() ?? titled[0]
  // "la ministre de la Santé, Claire Vautrin": the name after the role and its complement
  const escapedHead = head.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const after = [
    ...text
      .slice(0, offset)
      .matchAll(
        new RegExp(
          `(?<![\\p{L}])(?:${escapedHead}|${escapedHead.charAt(0).toUpperCase()}${escapedHead.slice(1)})(?![\\p{L}])[^,.;«»"]{0,60}, (\\p{Lu}[\\p{Ll}'’-]+ \\p{Lu}[\\p{Ll}'’-]+)`,
          'gu',
        ),
      ),
  ].pop()?.[1]
  const named =
    nearest?.name ??
    r.namedBefore(text, head, offset)?.replace(/['’]s$/, '') ??
    namedBody(r, text, speaker.name, offset) ??
    after
  // where speakers carry through a paragraph, a role nobody holds ("у відомстві") leaves the search going
  return named ?? (carry ? undefined : bare(r, text, speaker.name))
}

type AttributionArgs = { text: string; start: number; end: number; lex?: Lexicon }

/**
 * Who the figure at `start` is attributed to, read with one language's words (English unless told). With `own`,
 * only the figure's sentence (and a quote's attribution after it) is read, and `null` says the sentence is
 * explicitly nobody's ("in our tests"), for a caller that carries speakers itself.
 */
export function suggestAttribution(args: AttributionArgs & { own?: false }): string | undefined
export function suggestAttribution(args: AttributionArgs & { own: true }): string | null | undefined
export function suggestAttribution(args: AttributionArgs & { own?: boolean }): string | null | undefined {
  const { text, start } = args
  const lex = args.lex ?? en
  const speech = withEventVerbs(lex)
  const r = speakerReader(speech)
  const sentences = splitSentences(text)
  if (sentences.length === 0) return undefined
  const at = sentenceAt(sentences, start)
  const interview = interviewTurn(r, text, sentences, at)
  // an answer of a Q&A interview is the interviewee's, unless its sentence names someone else
  if (interview?.answer) {
    const sentence = sentences[at]
    const own = r.findSpeakers(text.slice(sentence.start, sentence.end))[0]
    if (own?.kind === 'person') return resolve(r, text, sentences, own, sentence.start + own.index, speech)
    return interview.answer
  }
  const order = interview ? [at] : searchOrder(text, sentences, at, start, speech.carry, args.own)
  for (const index of order) {
    const sentence = sentences[index]
    const own = text.slice(sentence.start, sentence.end)
    let speakers = r.findSpeakers(own)
    // German: where the word-by-word reader finds no one, or a noun ("am Mittwochmittag mitteilte"), the
    // subject of the reporting verb's clause, wherever it stands (lang/de-clauses.ts)
    if (lex.code === 'de') {
      const named = speakers.filter((sp) => !deCommonNoun(sp.name, text))
      if (named.length < speakers.length || speakers.length === 0)
        speakers = [...named, ...deClauseSpeakers(own).filter((c) => !named.some((n) => n.index === c.index))]
    }
    if (speakers.every((sp) => sp.kind === 'pronoun') && OURS.test(own)) return args.own ? null : undefined
    // "The board expects to spend £42m …, she said": one who says speaks before one who expects or finds
    const weak = (sp: Speaker): boolean =>
      WEAK.test(own.slice(sp.index + sp.name.length, sp.index + sp.name.length + 24))
    speakers.sort((a, b) => Number(weak(a)) - Number(weak(b)))
    for (const speaker of speakers) {
      // a first person is the quoted speaker's own subject ("« Nous demandons 6 % », a lancé X"), never the
      // sentence's attribution
      if (FIRST_PERSON.test(speaker.name)) continue
      // an English participle after a noun with the clause's finite verb after it is no speech act: "Rent
      // demanded up front will be capped", "Figures requested by MPs are due"
      if (REDUCED_RELATIVE.test(own.slice(speaker.index + speaker.name.length))) continue
      // a number's scale or unit read as a name ("mit 247 Millionen Franken", "Hunderte Betroffene") speaks not
      if (SCALE.test(speaker.name)) continue
      // "voit entre 35 et 40 patients, « parfois 50 », soupire-t-elle": the verb after a quote speaks for
      // the quote, not for the figure before it
      if (index === at && quotedBetween(own, start - sentence.start, speaker.index)) continue
      // "Kestria welcomed 10mn visitors, and the Tourism Board expects 10.6mn": a speaker after the figure
      // in a clause of its own does not speak for it
      if (index === at && clauseBetween(own, start - sentence.start, speaker.index)) continue
      const name = resolve(r, text, sentences, speaker, sentence.start + speaker.index, speech)
      if (name) return fullest(text, name, r.titles, (args.lex ?? en).code, speaker.kind === 'person')
    }
  }
  return undefined
}

/** A first-person subject in the six languages: it speaks inside a quote, for whoever the quote is given to. */
const FIRST_PERSON = /^(?:i|we|je|nous|on|yo|nosotros|nosotras|ich|wir|я|ми|мы)$/iu

/** A noun's participle (-ed) and up to three words, then the clause's finite verb (English). */
const REDUCED_RELATIVE =
  /^\s+\p{Ll}+ed(?:\s+\p{Ll}+){0,3}\s+(?:will|would|can|could|must|should|may|might|is|are|was|were)\s/u

/** A scale, a unit or a vague quantity, with at most one noun after it: German capitalises them like names. */
const SCALE =
  /^(?:Millionen|Milliarden|Tausend|Mio\.?|Mrd\.?|Prozent|Euro|Franken|Dollar|Hunderte|Tausende|Dutzende)(?:\s+\p{Lu}[\p{L}-]*)?$/u

/** Lower-case words inside a name: "Junta Electoral de Montesur", "Industrie- und Handelskammer". */
const CONNECTORS = new Set(['de', 'del', 'des', 'du', 'of', 'for', 'und', 'für', 'der', 'y', 'et', 'la'])
/** Written after a name, not part of it: "Daniel Okafor KC". */
const POSTNOMINAL = /\s+(?:KC|QC|MP|MEP|Jr\.?|Sr\.?)$/u

/**
 * The fullest form the article gives a name of two words or more: "Junta Electoral" → "Junta Electoral de
 * Montesur", "Marta Ibarra" → "Marta Ibarra Soler", "Luis Arranz" → "José Luis Arranz"; a title written before
 * it ("Prosecutor") and a post-nominal ("KC") are not the name.
 */
export function fullest(
  text: string,
  found: string,
  titles: ReadonlySet<string> = new Set(),
  lang = 'en',
  person = false,
): string {
  const name = found.replace(POSTNOMINAL, '').replace(/^(?:Prosecutor|Judge)\s+/u, '')
  if (name.length > 80) return name
  const single = !/\s/.test(name)
  const word = String.raw`[\p{Lu}][\p{L}'’&-]*`
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const left = String.raw`(?:${word}[^\S\n]+(?:(?:${[...CONNECTORS].join('|')})[^\S\n]+)*)*`
  // a person's name takes no "of", "for", "und" ("Marcus Lee of Pembroke Securities" is two names)
  const linking = [...CONNECTORS].filter((c) => !person || ['de', 'del', 'la'].includes(c))
  const joins = String.raw`(?:(?:${linking.join('|')})[^\S\n]+)*`
  const right = String.raw`(?:[^\S\n]+${joins}${word})*`
  let best = name
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])(${left})${escaped}(${right})(?![\\p{L}])`, 'gu'))) {
    // a capitalised word that opens the sentence is not part of the name ("Según la Junta …")
    const before = text.slice(0, m.index)
    const opensSentence = /(?:^|[.!?]\s+|\n\s*)$/u.test(before)
    let head = m[1]
    if (opensSentence && head) head = head.replace(/^\S+\s+(?:(?:\p{Ll}+)\s+)*/u, '')
    // a title before a name is not the name ("Transport Secretary"), nor, in German, a noun before a body
    const words = head.split(/\s+/).filter(Boolean)
    // (German nouns, Ukrainian and Russian roles at a sentence's start are capitalised too; acronyms are
    // bodies of their own: "прокурор САП Андрій Ковальчук")
    if (
      !['en', 'fr', 'es'].includes(lang) ||
      words.some((w) => titles.has(w.toLowerCase()) || /^\p{Lu}{2,}$/u.test(w))
    )
      head = ''
    const full = `${head}${name}${m[2]}`
      .replace(POSTNOMINAL, '')
      .replace(/^(?:Prosecutor|Judge)\s+/u, '')
      .trim()
    const joined = full.split(/\s+/).some((w) => CONNECTORS.has(w))
    if (single && !joined) continue
    if (full.length > best.length && full.split(/\s+/).length <= 9) best = full
  }
  return best
}

/** Verbs of a finding or a forecast, weaker than saying: "the survey found", "the board expects". */
const WEAK = /^\s*(?:\p{Ll}+\s+)?(?:found|finds|shows?|showed|expects|forecasts|projects|promises)(?!\p{L})/u

/**
 * A new coordinated clause with a subject of its own: "; ", ", and the …", ", but", ", mais", ", pero",
 * ", aber" (not ", y Alemania, con 986.000": a list goes on).
 */
const CLAUSE =
  /;|,\s+(?:and\s+(?:the|its|their|a|an)|but|while|whereas|mais|tandis\s+que|pero|mientras\s+que|aber|während|але|но)\s/u

/** Whether a clause of its own starts between a figure at `figure` and a speaker after it, in one sentence. */
function clauseBetween(sentence: string, figure: number, speaker: number): boolean {
  if (speaker <= figure) return false
  return CLAUSE.test(sentence.slice(figure, speaker))
}

/** Whether a whole quote stands between a figure at `figure` and a speaker after it, in one sentence. */
function quotedBetween(sentence: string, figure: number, speaker: number): boolean {
  if (speaker <= figure) return false
  const before = sentence.slice(0, figure)
  const opened = (before.match(/[«“„]/g) ?? []).length > (before.match(/[»”]/g) ?? []).length
  if (opened || (before.match(/"/g) ?? []).length % 2 === 1) return false
  return /[«“„"][^«»“”„"]+[»”"]/.test(sentence.slice(figure, speaker))
}
