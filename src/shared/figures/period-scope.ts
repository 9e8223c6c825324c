// Runs everywhere: which of a sentence's period phrases may give a figure its period (the scope model of the
// period prefill). A sentence is cut into clauses: at ";", ": ", brackets and quotes, and at a comma followed
// by a word that opens a clause — a coordinating one ("and", "but", "et", "y", "und", "і", "а", "и") keeps the
// sentence's main line, a relative or subordinating one ("which", "qui", "donde", "das", "який", "который",
// "when", "où") opens a subordinate clause that ends at the next comma. A figure takes a phrase of its own
// clause first; a phrase of another clause reaches it only from the sentence's main line before it (a
// fronted "In 2025," or the main clause a relative clause hangs on), never from a subordinate clause that
// does not hold the figure ("…, das 1957 eröffnet wurde") nor from a later coordinate clause ("…, і кожна
// гривня зараз …").
// (SPEAKER owns the shared clause splitter `clauses.ts`; this is the period's own minimal one until then.)

/** `sub`: a relative clause or a comparison's baseline ("…, contre 900 hectares dimanche"), to the next comma. */
export type Clause = { start: number; end: number; sub: boolean; compared?: boolean; index: number }

/** After a comma: a coordinating word (the main line goes on in a new clause). */
const COORDINATE: Readonly<Record<string, string>> = {
  en: 'and|but|while|whereas|yet|or|so',
  fr: 'et|mais|alors\\s+que|tandis\\s+que|or|car',
  es: 'y|e|pero|mientras(?:\\s+que)?|aunque|sino',
  de: 'und|aber|doch|während|wobei|sondern',
  uk: 'і|й|а|але|проте|однак|тоді\\s+як|хоча',
  ru: 'и|а|но|однако|тогда\\s+как|хотя|зато',
}

/**
 * After a comma: a relative word (a relative clause, to the next comma). "That", "que", "dass", "що", "что"
 * introducing what was said are not cut: what follows is the sentence's content.
 */
const SUBORDINATE: Readonly<Record<string, string>> = {
  en: 'which|who|whom|whose|where|when',
  fr: 'qui|dont|où|lorsque|quand|lequel|laquelle|lesquels|lesquelles|auquel|auxquels',
  es: 'quien|quienes|cuy[oa]s?|donde|cuando|el\\s+cual|la\\s+cual|los\\s+cuales|las\\s+cuales|que',
  de: 'der|die|das|dem|den|deren|dessen|welche[rsmn]?|wo|womit|wodurch|als',
  uk: 'як(?:ий|а|е|і|ого|ої|ому|ій|их|ими|им|у)|де|коли|куди|звідки|чий|чия|чиї',
  ru: 'котор(?:ый|ая|ое|ые|ого|ой|ому|ых|ыми|ым|ом|ую)|где|когда|куда|откуда|чей|чья|чьи',
}

/** After a comma: what a figure is compared with ("against", "contre", "frente a", "gegenüber", "проти"). */
const COMPARED: Readonly<Record<string, string>> = {
  en: 'against|compared\\s+(?:with|to)|versus|vs\\.?',
  fr: 'contre|par\\s+rapport\\s+(?:à|au|aux)|comparé\\p{L}*\\s+(?:à|au|aux)',
  es: 'frente\\s+a|comparad\\p{L}*\\s+con|en\\s+comparación\\s+con',
  de: 'gegenüber|verglichen\\s+mit|im\\s+Vergleich\\s+zu[mr]?',
  uk: 'проти|порівняно\\s+з|у\\s+порівнянні\\s+з',
  ru: 'против|по\\s+сравнению\\s+с',
}

const opener = (words: string): RegExp => new RegExp(`^,\\s*(?:${words})(?![\\p{L}])`, 'iu')
const COORD_RE = Object.fromEntries(Object.entries(COORDINATE).map(([k, v]) => [k, opener(v)]))
const SUB_RE = Object.fromEntries(Object.entries(SUBORDINATE).map(([k, v]) => [k, opener(v)]))
const COMPARED_RE = Object.fromEntries(Object.entries(COMPARED).map(([k, v]) => [k, opener(v)]))

/** Hard clause ends: ";", ": " (not "14:00"); brackets belong to the clause they stand in. */
const HARD = /;|:(?=\s)/gu

/** A quotation; one of five words or more is a clause of its own (a short one is a name: «Чисте поле»). */
const QUOTE = /«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]|"[^"]*"/gu
const QUOTED_WORDS = 5

/** The clauses of `text` from `start` to `end` (offsets into `text`), in order. */
export function clausesOf(text: string, start: number, end: number, lang: string): Clause[] {
  const coord = COORD_RE[lang] ?? COORD_RE.en
  const sub = SUB_RE[lang] ?? SUB_RE.en
  const compared = COMPARED_RE[lang] ?? COMPARED_RE.en
  const cuts: { at: number; kind: 'hard' | 'coordinate' | 'sub' | 'compared' | 'comma' }[] = []
  const slice = text.slice(start, end)
  for (const m of slice.matchAll(HARD)) cuts.push({ at: start + m.index + m[0].length, kind: 'hard' })
  for (const m of slice.matchAll(QUOTE)) {
    if ((m[0].match(/[\p{L}\d]+/gu)?.length ?? 0) < QUOTED_WORDS) continue
    cuts.push({ at: start + m.index, kind: 'hard' }, { at: start + m.index + m[0].length, kind: 'hard' })
  }
  for (const m of slice.matchAll(/,/g)) {
    const rest = slice.slice(m.index)
    const kind = compared.test(rest)
      ? 'compared'
      : sub.test(rest)
        ? 'sub'
        : coord.test(rest)
          ? 'coordinate'
          : 'comma'
    cuts.push({ at: start + m.index + 1, kind })
  }
  cuts.sort((a, b) => a.at - b.at)
  const clauses: Clause[] = []
  let from = start
  let inSub = false
  let inCompared = false
  for (const cut of cuts) {
    // a plain comma ends a subordinate clause and nothing else
    if (cut.kind === 'comma' && !inSub) continue
    clauses.push({ start: from, end: cut.at, sub: inSub, compared: inCompared, index: clauses.length })
    from = cut.at
    inSub = cut.kind === 'sub' || cut.kind === 'compared'
    inCompared = cut.kind === 'compared'
  }
  clauses.push({ start: from, end, sub: inSub, compared: inCompared, index: clauses.length })
  return clauses.filter((c) => c.end > c.start).map((c, index) => ({ ...c, index }))
}

const clauseAt = (clauses: Clause[], offset: number): Clause | undefined =>
  clauses.find((c) => c.start <= offset && offset < c.end) ?? clauses[clauses.length - 1]

/**
 * A clause that opens by counting part of what the clause before it named ("davon", "of which", "dont",
 * "de ellos", "з них", "из них", "в том числе"): it stands where that clause stands.
 */
const PARTITIVE =
  /^[\s,]*(?:davon|darunter|of\s+(?:which|them|whom)|including|dont|parmi\s+(?:eux|elles|lesquels)|de\s+(?:ellos|ellas|los\s+cuales|las\s+cuales)|entre\s+(?:ellos|ellas)|з\s+них|із\s+них|серед\s+них|у\s+тому\s+числі|из\s+них|среди\s+них|в\s+том\s+числе)(?![\p{L}])/iu

/** At most this many words between a figure and the relative clause that describes what it counts. */
const ADJACENT_WORDS = 3

/**
 * How a phrase at `phrase` stands to the figure at `start`–`end` (offsets into `text`): 0 in the figure's
 * own clause, 1 on the sentence's main line before the figure's clause, in the main clause a subordinate
 * clause holding the figure hangs on, or in a relative clause right after the figure's words ("rund 1.100
 * Autobahnbrücken, die bis 2032 saniert werden müssen"); undefined when it cannot reach the figure.
 */
export function phraseReach(
  text: string,
  clauses: Clause[],
  start: number,
  end: number,
  phrase: number,
): 0 | 1 | undefined {
  let f = clauseAt(clauses, start)
  const p = clauseAt(clauses, phrase)
  if (f !== undefined && f === p) return 0
  while (f !== undefined && f.index > 0 && PARTITIVE.test(text.slice(f.start, f.end)))
    f = clauses[f.index - 1]
  if (f === undefined || p === undefined || f === p) return 0
  if (p.compared) return undefined
  if (p.sub) {
    const words = text.slice(end, p.start).match(/[\p{L}\d]+(?:-[\p{L}\d]+)*/gu)?.length ?? 0
    return p.index === f.index + 1 && words <= ADJACENT_WORDS ? 1 : undefined
  }
  if (p.index < f.index) return 1
  // the main clause a subordinate clause hangs on: the nearest main clause after it, with nothing between
  if (f.sub && p.index === f.index + 1) return 1
  return undefined
}

/** A weekday, in the six languages (with German "Mittwochmorgen", "am Dienstagabend"). */
const WEEKDAY =
  /(?<![\p{L}])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\p{L}*|понеділ\p{L}*|вівтор\p{L}*|серед\p{L}*|четвер\p{L}*|п['’]ятниц\p{L}*|субот\p{L}*|неділ\p{L}*|понедельник\p{L}*|вторник\p{L}*|сред[ауы]|четверг\p{L}*|пятниц\p{L}*|суббот\p{L}*|воскресень\p{L}*)(?![\p{L}])/iu

/** A verb of saying, publishing or proposing (what was said on a day is not what its figures cover). */
const REPORTING: Readonly<Record<string, RegExp>> = {
  en: /(?<![\p{L}])(?:said|says|told|announced|reported|added|wrote|published|released|confirmed|offered|unveiled|presented|proposed)(?![\p{L}])/iu,
  fr: /(?<![\p{L}])(?:déclaré|annoncé|indiqué|précisé|publié|présenté|dénoncé|affirmé|expliqué|chiffré|dévoilé|proposé|dit|annonce|indique|publie|publiée?s?)(?![\p{L}])/iu,
  es: /(?<![\p{L}])(?:dijo|anunció|afirmó|aseguró|publicó|presentó|ofreció|explicó|informó|declaró|señaló|cifró|detalló|propuso|avanzó)(?![\p{L}])/iu,
  de: /(?<![\p{L}])(?:sagte|teilte|erklärte|bezifferte|kündigte|veröffentlichte|meldete|berichtete|bestätigte|präsentierte|legte|nannte|bot|stellte)(?![\p{L}])/iu,
  uk: /(?<![\p{L}])(?:заяви\p{L}*|повідоми\p{L}*|оприлюдни\p{L}*|сказа\p{L}*|оголоси\p{L}*|розпові\p{L}*|представи\p{L}*|запропонува\p{L}*|зазначи\p{L}*)(?![\p{L}])/iu,
  ru: /(?<![\p{L}])(?:сообщи\p{L}*|заяви\p{L}*|опубликова\p{L}*|сказа\p{L}*|объяви\p{L}*|рассказа\p{L}*|представи\p{L}*|предложи\p{L}*|отмети\p{L}*|собравш\p{L}*)(?![\p{L}])/iu,
}

/**
 * A one-day phrase naming a weekday that a verb of saying governs ("bezifferte Wendrich am Mittwoch", "ofreció
 * el miércoles", "оприлюднила у вівторок", "said on Tuesday"): the day something was said, not a period.
 * `before` is the sentence up to the phrase, `after` what follows it.
 */
export function saidOn(phrase: string, before: string, after: string, lang: string): boolean {
  // the weekday alone ("on Tuesday", "am Mittwoch", "у вівторок"), not "la noche del domingo"
  const bare = phrase.replace(/^(?:on|am|el|le|ce|у|в|во)\s+/iu, '')
  if (!WEEKDAY.test(bare) || bare.replace(WEEKDAY, '').trim() !== '') return false
  const verb = REPORTING[lang] ?? REPORTING.en
  const lead = before.match(/(?:\S+\s+){0,4}$/u)?.[0] ?? ''
  const tail = after.match(/^(?:\s+\S+){0,2}/u)?.[0] ?? ''
  const said = lead.match(verb)
  // "сообщила, что в воскресенье …", "anunció que …": the day belongs to what was said
  const governs = said?.index !== undefined && !THAT.test(lead.slice(said.index + said[0].length))
  return governs || verb.test(tail)
}

/** A word that opens what was said: "that", "que", "dass", "що", "что" (or a comma before it). */
const THAT = /[,:]|(?<![\p{L}])(?:that|que|qu['’]|dass|що|что)(?![\p{L}])/iu
