// Runs everywhere: a speaker's mention read as a NOUN PHRASE before it is resolved against the article's
// entity table (issue #13, round 13), in the six languages by the same three forms:
// - a SOURCE FRAME — a source or document noun (figures, data, estimate, report, spokesperson, press office)
//   and its genitive complement — speaks for the complement: "estimación provisional de la Consellería do
//   Medio Rural", "Angaben des Deutschen Wetterdienstes", "по данным регионального аптечного союза",
//   "пресс-служба Северо-Прикаспийского таможенного управления", "portavoz de Ferrovías";
// - a DESCRIPTOR before a name the article also uses alone is no part of it: "Gewerkschaft Verdi",
//   "Immobilienportal Wohnatlas", "Ювелірна мережа «Злато Поділля»", "Kämmerer Jens Pohlmeyer";
// - the phrase in the NOMINATIVE by its morphology: Russian and Ukrainian adjectives and head noun
//   (slavic-phrase.ts), German adjective and head ("Deutschen Wetterdienstes" → "Deutscher Wetterdienst",
//   "Statistische Landesamt" → "Statistisches Landesamt").
import { kindOf } from './entity-kinds'
import type { Lexicon } from './lang/types'
import { slavicPhraseNominative, slavicWordNominative } from './slavic-phrase'
import { escapeRegExp as escape } from './regex'

const isCap = (w: string): boolean => /^[«"“]?\p{Lu}/u.test(w)

/** Words that open a source frame: prepositions, source and document nouns, spokespeople (lower case). */
const SOURCE =
  /^(?:according|to|figures?|data|estimates?|report|statement|spokes(?:man|woman|person)|survey|count|forecasts?|calculations|numbers|analysis|analysts|selon|d['’]après|chiffres?|données|estimations?|rapport|bilan|communiqué|porte-parole|calculs?|prévisions?|décompte|comptage|relevés?|analystes|según|datos|cifras?|estimaci[oó]n(?:es)?|informe|balance|comunicado|portavoz|c[aá]lculos?|previsi[oó]n(?:es)?|recuento|conteo|analistas|nach|laut|bei|beim|vom|angaben|zahlen|daten|schätzungen?|bericht|mitteilung|sprecher(?:in)?|berechnungen|prognosen?|zählung|statistik|auswertung|erhebung|bilanz|jahresbilanz|analyse|analysten|worten|einschätzung|informationen)$/iu

/** Whether `word` opens a source frame ("according", "Daten", "selon"): no body's name opens with one. */
export const isSourceWord = (word: string): boolean => SOURCE.test(word)

/**
 * A body's management or office, which speaks as the body (README, "Decided in session 12"): "la direction de
 * Sofravel", "la oficina de la Defensora …", "die Geschäftsführung der Stadtwerke" (lower case but in German, so
 * that "Oficina de Turismo" stays a name).
 */
const MANAGEMENT =
  /^(?:direction|dirección|management|leadership|oficina|bureau|services|servicios|Geschäftsführung|Geschäftsleitung|Unternehmensleitung|Konzernleitung|керівництво|руководство)$/u

/** Whether `phrase` is a management noun alone, with its determiner: "la direction", "the management". */
export const isManagement = (phrase: string): boolean => {
  const words = phrase.trim().split(/\s+/)
  return (
    words.length <= 2 &&
    MANAGEMENT.test(words[words.length - 1]) &&
    (words.length === 1 || DETERMINER.test(words[0]) || /^(?:die|der|its|sa|su)$/u.test(words[0]))
  )
}

/** Genitive links between a frame and whose it is, and determiners after them. */
const LINK = /^(?:of|de|del|du|des|der|d['’]\S*)$/iu
const DETERMINER = /^(?:the|la|las|los|el|le|les|l['’]\S*)$/iu

/** Slavic frame words: prepositions, source nouns in the cases frames put them in, press offices. */
const SLAVIC_FRAME =
  /^(?:по|за|згідно|згідно з|согласно|з|із|у|в|во|от|від|данным|даними|оценке|оценкам|оцінкою|оцінками|словам|словами|информации|інформацією|сообщению|повідомленням|подсч[её]там|підрахунками|прогнозу|прогнозам|прогнозом|расч[её]там|розрахунками|пресс-служб[аыеу]|прес-служб[аиіу]|пресслужб[аиіу]|представител[ьи]|речни(?:к|ки|ця)|аналитики|аналітики|эксперты|експерти|руководство|керівництво)$/iu

/** "Angaben des Deutschen Wetterdienstes" → "Deutscher Wetterdienst": a German phrase in the nominative. */
export function germanPhrase(phrase: string, text: string, oblique = false): string {
  const words = phrase.split(' ')
  let n = 0
  while (
    n < words.length - 1 &&
    /^\p{Lu}\p{Ll}+(?:en|e|er|es|em)$/u.test(words[n]) &&
    isCap(words[n + 1]) &&
    kindOf(words[n], true) === undefined
  )
    n++
  const head = words[n]
  const rest = words.slice(n + 1)
  const heads = [...new Set([head.replace(/(?<=\p{Ll}{3})(?:es|s)$/u, ''), head])]
  const stems = words.slice(0, n).map((w) => w.replace(/(?:en|er|es|em|e)$/u, ''))
  // the form the text writes, else the head's gender: feminine -ung, -stelle …; neuter -amt, -werk …
  for (const h of heads)
    for (const end of ['er', 'es', 'e']) {
      const form = [...stems.map((s) => s + end), h, ...rest].join(' ')
      if (n > 0 && new RegExp(`(?<![\\p{L}])${escape(form)}(?![\\p{L}])`, 'u').test(text)) return form
      if (n === 0 && h !== head && new RegExp(`(?<![\\p{L}])${escape(form)}(?![\\p{L}])`, 'u').test(text))
        return form
    }
  if (n === 0) return phrase
  const feminine =
    /(?:ung|ion|heit|keit|schaft|tät|ei|stelle|agentur|behörde|kammer|anstalt|bahn|bank|kasse|gruppe|liga)$/iu
  const neuter =
    /(?:amt|werk|werke|institut|ministerium|zentrum|büro|gericht|haus|unternehmen|museum|land|portal)$/iu
  const base = heads[0]
  // (a head that is a body's word: not a person's first name read as an adjective, "Karen Ahrens")
  // (after a source frame the phrase is a genitive for sure)
  if (!oblique && kindOf(head, true) === undefined && !feminine.test(head) && !neuter.test(base))
    return phrase
  const end = feminine.test(head) ? 'e' : neuter.test(base) ? 'es' : 'er'
  return [...stems.map((s) => s + end), feminine.test(head) ? head : base, ...rest].join(' ')
}

/** The complement of a source frame, undefined when `mention` opens with none. */
function unframe(mention: string, lex: Lexicon): string | undefined {
  const words = mention.split(/\s+/)
  if (lex.code === 'uk' || lex.code === 'ru') {
    let k = 0
    while (k < words.length - 1 && SLAVIC_FRAME.test(words[k])) k++
    // (a quoted name alone is the name: "В пресс-службе «Заречье»" → Заречье)
    return k > 0
      ? words
          .slice(k)
          .join(' ')
          .replace(/^«([^«»]+)»$/u, '$1')
      : undefined
  }
  const link = words.findIndex((w, i) => i < 6 && LINK.test(w))
  if (link < 0) return undefined
  let after = link + 1
  if (/^d['’]\p{L}/u.test(words[link])) {
    // "d'Asile", "d’Aquitaine": the link glued to its word
    words[link] = words[link].replace(/^d['’]/u, '')
    after = link
  }
  while (after < words.length - 1 && DETERMINER.test(words[after])) after++
  if (after >= words.length || !isCap(words[after])) return undefined
  const before = words.slice(0, link)
  // (the frame holds a source noun and otherwise lower-case words; a body's own words are its name:
  // "préfecture de la Drôme", "Bauamt der Stadt Hallstedt", "Ministry of Finance")
  const frame =
    before.length === 0 ||
    (before.some((w) => SOURCE.test(w) || MANAGEMENT.test(w)) &&
      before.every(
        (w) => SOURCE.test(w) || MANAGEMENT.test(w) || (/^\p{Ll}/u.test(w) && kindOf(w) === undefined),
      ))
  if (!frame) return undefined
  const rest = words.slice(after).join(' ')
  return lex.code === 'de' ? rest : rest
}

/** Words that join a body's name to its complement: "Office for National Statistics". */
const JOIN = /^(?:for|für|and|und|y|e|et|&|pour|para|zur|zum)$/iu

/** The name after a descriptor, when the article also writes that name without it. */
function undescribe(mention: string, text: string, lex: Lexicon): string | undefined {
  const de = lex.code === 'de'
  const quoted = /^(.+?)\s+[«"“]([^»"”]{2,60})[»"”]$/u.exec(mention)
  let name: string
  let descriptor: string[]
  if (quoted) {
    name = quoted[2]
    descriptor = quoted[1].split(/\s+/)
    // (a capitalised descriptor is the name's own first words: "Благодійний фонд «Світлиця»")
    if (!/^\p{Ll}/u.test(quoted[1])) return undefined
  } else {
    if (lex.code === 'uk' || lex.code === 'ru') return undefined
    const words = mention.split(/\s+/)
    const titles = lex.speech.titles
    let k = 0
    while (
      k < words.length - 1 &&
      (/^\p{Ll}/u.test(words[k]) ||
        (kindOf(words[k], de) !== undefined && !/-/u.test(words[k])) ||
        titles.has(words[k].toLowerCase()))
    )
      k++
    if (k === 0 || !words.slice(k).every((w) => isCap(w))) return undefined
    // (a descriptor holding a link is a body's name and its complement, "Agence régionale de santé
    // Nouvelle-Aquitaine", unless it is all lower case and a name of two words follows: "association de
    // consommateurs Billet Juste", "asociación de vecinos Barrio Vivo")
    const linked = words.slice(0, k).some((w) => LINK.test(w) || DETERMINER.test(w) || JOIN.test(w))
    const described =
      (lex.code === 'fr' || lex.code === 'es') &&
      words.slice(0, k).every((w) => /^\p{Ll}/u.test(w)) &&
      !LINK.test(words[k - 1]) &&
      !DETERMINER.test(words[k - 1]) &&
      words.length - k >= 2
    if (linked && described) return words.slice(k).join(' ')
    if (linked) return undefined
    name = words.slice(k).join(' ')
    descriptor = words.slice(0, k)
  }
  // the name's key: a person's surname after a title ("Kämmerer Jens Pohlmeyer"), else the whole name
  const parts = name.split(/\s+/)
  const titled = !quoted && descriptor.every((w) => lex.speech.titles.has(w.toLowerCase()))
  const key = titled && parts.length >= 2 && parts.length <= 3 ? parts[parts.length - 1] : name
  const last = descriptor[descriptor.length - 1].toLowerCase()
  const stem = key.length > 6 && (lex.code === 'uk' || lex.code === 'ru') ? key.slice(0, -2) : key
  const re = new RegExp(`(\\S+)\\s+[«"“]?${escape(stem)}`, 'gu')
  for (const m of text.matchAll(re)) {
    const prev = m[1].replace(/[«"“]$/u, '').toLowerCase()
    if (prev === last || prev.slice(0, 4) === last.slice(0, 4)) continue
    // (not a place after a preposition: "in Westmark", "à Lirance", "у Києві")
    if (
      /^(?:in|im|at|en|à|a|au|aux|dans|nach|aus|bei|von|für|de|del|des|du|der|в|у|на|во|із|з|из)$/u.test(prev)
    )
      continue
    // (not the same descriptor written otherwise: "der Gewerkschaft Verdi")
    if (kindOf(prev, de) !== undefined) continue
    return name
  }
  return undefined
}

/** Prepositions of place and time that end a name's phrase. */
const AFTER = /^(?:в|у|на|за|en|in|at|on|à|dans|bei|im|am|während|durante)$/iu

/** Languages whose mentions are read as noun phrases (a script may take one out to measure what it does). */
export const PHRASE = new Set(['en', 'fr', 'es', 'de', 'uk', 'ru'])

/** `mention` as a noun phrase: a source frame's complement, a name without its descriptor, in the nominative. */
export function mentionPhrase(mention: string, text: string, lex: Lexicon): string {
  const phrase = framePhrase(mention, text, lex)
  return PHRASE.has(lex.code) ? (undescribe(phrase, text, lex) ?? phrase) : phrase
}

/**
 * `mention` without what frames it — a place or time phrase after it, a source frame before it — in the
 * nominative: "Bilanz des Staatlichen Wetterdienstes" → "Staatlicher Wetterdienst", "de Turismo" → "Turismo".
 */
export function framePhrase(mention: string, text: string, lex: Lexicon): string {
  let phrase = mention.trim()
  if (!PHRASE.has(lex.code)) return phrase
  // a place or time phrase after the name is no part of it: "компанія в четвер у звіті", "Consejería de
  // Sanidad en un comunicado", "Міністерство освіти і науки за підсумками …" (not "ДСНС у Закарпатській області", "Міністерство у справах ветеранів України")
  const words = phrase.split(/\s+/)
  const cut = words.findIndex(
    (w, i) =>
      i >= 1 &&
      AFTER.test(w) &&
      /^\p{Ll}/u.test(words[i + 1] ?? 'x') &&
      words.slice(0, i).some(isCap) &&
      // (where the name goes on to a capital it is the name's own: "Міністерство у справах ветеранів України")
      !words.slice(i + 1).some(isCap),
  )
  if (cut > 0) phrase = words.slice(0, cut).join(' ')
  const unframed = unframe(phrase, lex)
  if (unframed !== undefined) phrase = unframed
  if (lex.code === 'de' && (unframed !== undefined || /^\p{Lu}\p{Ll}+(?:en|e)\s+\p{Lu}/u.test(phrase)))
    phrase = germanPhrase(phrase, text, unframed !== undefined)
  if (lex.code === 'uk' || lex.code === 'ru') {
    const nominative = slavicPhraseNominative(phrase, lex.code, text)
    if (nominative !== undefined) phrase = nominative
    else if (unframed !== undefined && !phrase.includes(' '))
      phrase = slavicWordNominative(phrase, lex.code, text) ?? phrase
  }
  return phrase
}
