// Runs everywhere: what a date phrase ATTACHES to (period round 13). A date phrase inside a participle phrase
// that describes another noun ("the company, founded in 1998, employs …", "une étude publiée le 3 décembre",
// "la piscine, fermée jusqu'au 14 décembre", "un informe publicado el martes", "die am Donnerstag
// veröffentlichte Studie", "сеть, основанная в 2009 году", "звіт, оприлюднений у вівторок") dates that noun's
// event, not the figures of the sentence around it; nor does a day on which a body decided, promised or wrote
// something ("ухвалив постанову в понеділок", "beschloss am Dienstag", "prometió el martes") date what was
// decided (conventions §23). The same structure is read in the six languages: a participle — a form each
// language marks (French and Spanish agreeing -é/-ée/-ado/-ada with no auxiliary before it, German attributive
// -te/-ten before its noun, Ukrainian and Russian full participles -аний/-енний/-ований/-вший) — with the date
// phrase in its words, and the figure outside them.

/**
 * A past participle of an EVENT that happens to a thing once — founding, opening or closing, building, publishing
 * or presenting, adopting or signing, electing, being born — per language, with its endings of agreement. A
 * participle of what is counted or measured ("recorded", "vendues", "atendidas", "закладені") is not one: its
 * date is the figure's.
 */
const EVENT: Readonly<Record<string, string>> = {
  en: 'founded|established|set\\s+up|created|opened|reopened|closed|shut|built|completed|published|released|issued|unveiled|presented|introduced|launched|adopted|approved|passed|signed|elected|appointed|born|inaugurated|dated|announced|filed|enacted',
  fr: '(?:fond|cré|ferm|achev|inaugur|publi|présent|dévoil|lanc|adopt|vot|sign|élu|nomm|annonc|diffus|promulgu|entr)(?:é|ée|és|ées)|élue?s?|née?s?|parue?s?|(?:ouv|couv)erte?s?|construite?s?|mise?s?\\s+en\\s+service|rendue?s?\\s+publi\\p{L}*',
  es: '(?:fund|cre|cerr|inaugur|public|present|difund|lanz|aprob|adopt|firm|nombr|anunci|divulg|promulg|constru|termin|elegi|naci)(?:ado|ada|ados|adas|ido|ida|idos|idas)|abiert[oa]s?|puest[oa]s?\\s+en\\s+marcha',
  de: '(?:gegründet|eröffnet|geschlossen|gebaut|errichtet|fertiggestellt|veröffentlicht|vorgestellt|präsentiert|vorgelegt|gestartet|beschlossen|verabschiedet|unterzeichnet|gewählt|ernannt|geboren|eingeweiht|angekündigt|erlassen|eingeführt|in\\s+Betrieb\\s+genommen)(?:e|en|er|es|em)?',
  uk: '(?:заснова|створе|відкри|закри|збудова|побудова|оприлюдне|опублікова|представле|презентова|запуще|ухвале|затвердже|підписа|обра|призначе|народже|оголоше|введе|запровадже)(?:н|т)(?:ий|а|е|і|ого|ої|ому|им|их|ій|у|ою|ими)',
  ru: '(?:основа|созда|откры|закры|построе|опубликова|обнародова|представле|запуще|приня|утвержде|утверждё|подписа|избра|назначе|рождё|рожде|объявле|введё|введе)(?:нн|т)(?:ый|ая|ое|ые|ого|ой|ому|ым|ых|ую|ыми|ом)',
}

const PARTICIPLE: Readonly<Record<string, RegExp>> = Object.fromEntries(
  Object.entries(EVENT).map(([lang, forms]) => [
    lang,
    new RegExp(`(?<![\\p{L}])(?:${forms})(?![\\p{L}])`, 'giu'),
  ]),
)

/** An auxiliary right before a participle: it is a verb of the clause, not a modifier ("was founded", "a publié"). */
const AUXILIARY: Readonly<Record<string, RegExp>> = {
  en: /(?<![\p{L}])(?:is|are|was|were|be|been|being|has|have|had|'s|got|get|gets|will|would)\s+(?:\p{L}+ly\s+)?$/iu,
  fr: /(?<![\p{L}])(?:a|ai|as|avons|avez|ont|avait|avaient|aura|auront|aurait|eu|est|sont|était|étaient|été|sera|seront|serait|fut|furent|être|avoir|s['’]est|se\s+sont|l['’]a|l['’]ont|y\s+a|en\s+a)\s+(?:(?:déjà|été|pas|bien|aussi|encore|enfin|finalement|notamment)\s+){0,2}$/iu,
  es: /(?<![\p{L}])(?:ha|han|he|hemos|había|habían|habrá|hubo|haber|fue|fueron|es|son|era|eran|será|serán|sido|ser|está|están|estaba|estaban|queda|quedó|quedan|se\s+ha|se\s+han)\s+(?:(?:ya|sido|no|también|finalmente)\s+){0,2}$/iu,
  de: /(?<![\p{L}])(?:wurde|wurden|wird|werden|ist|sind|war|waren|worden|hat|haben|hatte|hatten)\s+$/iu,
  uk: /$^/u,
  ru: /$^/u,
}

/** A German article or determiner opening the noun phrase an attributive participle stands in. */
const DE_DETERMINER =
  /(?<![\p{L}])(?:der|die|das|den|dem|des|ein|eine|einer|eines|einem|einen|seine[mnrs]?|ihre[mnrs]?|diese[mnrs]?)\s+(?:\S+\s+){0,1}$/u

/** A day on which a body decided, promised or wrote (the day of the act, not of what it decided: §23). */
const ACT: Readonly<Record<string, RegExp>> = {
  en: /(?<![\p{L}])(?:decided|approved|adopted|voted|agreed|passed|promised|pledged|signed|ruled|wrote|posted)(?![\p{L}])/iu,
  fr: /(?<![\p{L}])(?:décidé|adopté|approuvé|voté|promis|signé|validé|entériné|écrit|tranché)(?![\p{L}])/iu,
  es: /(?<![\p{L}])(?:decidió|aprobó|acordó|votó|prometió|firmó|adoptó|escribió|ratificó|convalidó)(?![\p{L}])/iu,
  de: /(?<![\p{L}])(?:beschloss|beschlossen|verabschiedete|verabschiedeten|billigte|billigten|genehmigte|genehmigten|versprach|versprachen|unterzeichnete|entschied|entschieden|schrieb)(?![\p{L}])/iu,
  uk: /(?<![\p{L}])(?:ухвали\p{L}*|затверди\p{L}*|вирішил\p{L}*|вирішив|пообіця\p{L}*|підписа\p{L}*|проголосува\p{L}*|написа\p{L}*)(?![\p{L}])/iu,
  ru: /(?<![\p{L}])(?:постанови\p{L}*|утверди\p{L}*|одобри\p{L}*|решил\p{L}*|пообеща\p{L}*|подписа\p{L}*|проголосова\p{L}*|написа\p{L}*)(?![\p{L}])/iu,
}

/** Words that are not a noun a French or Spanish participle could follow (determiners, prepositions, pronouns). */
const NOT_NOUN =
  /^(?:les|des|une|aux|ces|son|ses|sur|par|pour|dans|avec|sans|chez|entre|cette|leur|leurs|notre|nos|votre|vos|elle|elles|nous|vous|ils|lui|qui|que|été|los|las|una|unos|unas|del|por|para|con|sin|sobre|entre|sus|este|esta|estos|estas|ese|esa|esos|esas|ella|ellos|ellas|nosotros|nos|que|quien|muy|más|ser|sido|han|había|fue)$/iu

/** At most this many words between a participle and the date phrase in its words. */
const NEAR_WORDS = 3

const words = (s: string): number => s.match(/[\p{L}\d]+/gu)?.length ?? 0

/**
 * The date phrase at `phrase` (offsets into `slice`, one sentence; `phraseEnd` where its words end) belongs to
 * a participle describing another noun, or names the day of an act, and the figure at `figure` (an offset into
 * `slice`, or undefined for a sentence read for its phrases alone) stands outside those words: the phrase does
 * not date the figure.
 */
export function attachedElsewhere(
  slice: string,
  phrase: number,
  phraseEnd: number,
  figure: number | undefined,
  lang: string,
): boolean {
  const re = PARTICIPLE[lang]
  if (re === undefined) return false
  const aux = AUXILIARY[lang] ?? AUXILIARY.en
  const lead = slice.slice(0, phrase)
  // a participle before the phrase, with at most NEAR_WORDS words and no comma or figure between
  for (const m of lead.matchAll(new RegExp(re.source, re.flags))) {
    const from = m.index
    const gap = lead.slice(from + m[0].length)
    if (words(gap) > NEAR_WORDS || /[,;:—–]/u.test(gap)) continue
    if (aux.test(lead.slice(0, from))) continue
    if (!modifies(lead.slice(0, from), lang)) continue
    // a number just before: the participle describes what a figure counts ("el 44,2 % del total firmado en
    // noviembre"), or follows an age ("Broadbent, 38, founded …", a verb then)
    if (/\d/u.test(lead.slice(0, from).match(/(?:\S+\s+){0,5}$/u)?.[0] ?? '')) continue
    // a figure before the participle is what the described noun counts ("4.310 averías atendidas el año pasado")
    if (figure !== undefined && figure < phraseEnd) continue
    return true
  }
  // German and Slavic participles stand before their noun too: "die am Donnerstag veröffentlichte Studie",
  // "в понеділок ухвалений бюджет"
  if (lang === 'de' || lang === 'uk' || lang === 'ru') {
    const tail = slice.slice(phraseEnd)
    const m = tail.match(new RegExp(`^\\s+(?:\\p{L}+\\s+){0,1}?(${re.source})\\s+\\p{L}`, 'u'))
    if (m && (lang !== 'de' || (DE_DETERMINER.test(lead) && /\s\p{Lu}/u.test(tail.slice(m[0].length - 2))))) {
      const end = phraseEnd + m[0].length
      if (figure === undefined || figure >= end) return true
    }
  }
  // the day of an act: "ухвалив постанову в понеділок, за якою …", "beschloss am Dienstag, die Gebühr auf 6 Euro
  // zu erhöhen", "prometió el martes que …": what was decided follows, after a word opening its content
  const act = ACT[lang] ?? ACT.en
  const near = lead.match(/(?:\S+\s+){0,3}$/u)?.[0] ?? ''
  const acted = near.match(act)
  if (acted?.index === undefined || figure === undefined || figure < phraseEnd) return false
  if (
    /[,:]|(?<![\p{L}])(?:that|que|qu['’]|dass|що|что)(?![\p{L}])/iu.test(
      near.slice(acted.index + acted[0].length),
    )
  )
    return false
  // German puts its "zu" after the figure ("die Gebühr auf 6 Euro zu erhöhen")
  const after = lang === 'de' ? (slice.slice(figure).match(/^(?:\S+\s+){0,4}/u)?.[0] ?? '') : ''
  const content = slice.slice(phraseEnd, figure) + after
  return CONTENT.test(content)
}

/** A word that opens what was decided or promised: "that", "to", "que", "dass", "zu", "що", "за якою", "чтобы". */
const CONTENT =
  /(?<![\p{L}])(?:that|to|que|qu['’]|dass|zu|um|що|щоб|за\s+як\p{L}+|згідно\s+з\s+як\p{L}+|что|чтобы|по\s+котор\p{L}+|согласно\s+котор\p{L}+|according\s+to\s+which|selon\s+lequel|selon\s+laquelle|por\s+(?:el|la)\s+que|wonach|nach\s+de[mr])(?![\p{L}])/iu

/**
 * A participle describes a noun when it follows one (or a comma after one), not a subject it is the verb of:
 * French and Spanish agreeing forms after a noun, an English one after a comma or a noun with its article;
 * Ukrainian and Russian full participles are always attributive.
 */
function modifies(before: string, lang: string): boolean {
  if (lang === 'uk' || lang === 'ru') return true
  if (/,\s*$/u.test(before)) return true
  if (lang === 'de') return false
  // a noun right before: a word of three letters or more that is not a pronoun or a verb's object clitic
  const last = before.match(/(\p{L}{3,})\s+$/u)?.[1]
  if (last === undefined) return false
  if (/(?<![\p{L}])(?:that|which|who|que|qui|der|die|das)\s+$/iu.test(before)) return false
  if (lang === 'en')
    return /(?<![\p{L}])(?:a|an|the|its|their|his|her|this)\s+(?:\p{L}+\s+){0,2}$/iu.test(before)
  return !NOT_NOUN.test(last)
}

/** A place named after a date: "calle 14 de Abril", "Hospital 12 de Octubre", "вулиця 8 Березня", "rue du 8-Mai". */
const PLACE_BEFORE =
  /(?<![\p{L}])(?:calle|avenida|avda\.|plaza|paseo|hospital|colegio|barrio|rue|place|avenue|boulevard|quai|pont|lycée|collège|Straße|Platz|Allee|вулиц\p{L}*|вул\.|проспект\p{L}*|просп\.|площ\p{L}*|провулк\p{L}*|улиц\p{L}*|ул\.|переул\p{L}*|street|square|avenue)\s+(?:(?:du|de|del|des|der|dels)\s+)?$/iu

/**
 * The date phrase is part of a name: a place noun right before it, or (in the languages that write months in
 * small letters: fr, es, uk, ru) its month written with a capital inside the sentence ("12 de Octubre").
 */
export function partOfName(slice: string, phrase: number, text: string, lang: string): boolean {
  if (PLACE_BEFORE.test(slice.slice(0, phrase))) return true
  if (!['fr', 'es', 'uk', 'ru'].includes(lang) || phrase === 0) return false
  return /^\d{1,2}\.?\s+(?:de\s+)?\p{Lu}\p{Ll}+/u.test(text) && !/^\s*$/u.test(slice.slice(0, phrase))
}

/** A future or modal sentence: "має окупитися", "должен окупиться", "will pay back", "doit être remboursé". */
const FUTURE_MODAL: Readonly<Record<string, RegExp>> = {
  uk: /(?<![\p{L}])(?:має|мають|повин\p{L}*|буде|будуть|\p{L}+тиме|\p{L}+тимуть|може|можуть|планує\p{L}*|розрахову\p{L}*)(?![\p{L}])/iu,
  ru: /(?<![\p{L}])(?:должен|должна|должно|должны|будет|будут|может|могут|планиру\p{L}*|рассчитыва\p{L}*)(?![\p{L}])/iu,
}

/**
 * "за чотири роки", "за четыре года" read as the past N years: in a future or modal sentence it is a span to come
 * ("має окупитися за чотири роки"), which names no period of the past.
 */
export function futureDuration(
  slice: string,
  phraseText: string,
  from: string,
  to: string,
  ref: string | undefined,
  lang: string,
): boolean {
  const modal = FUTURE_MODAL[lang]
  if (modal === undefined || to !== ref || from === to) return false
  return /^за\s/iu.test(phraseText) && modal.test(slice)
}

/**
 * The phrase at `phrase`–`phraseEnd` of the sentence `slice` does not date the figure at `figure`: it stands in a
 * participle on another noun or names an act's day (`attachedElsewhere`), it is part of a name, or it is a span
 * ahead in a future sentence. `span` is what the phrase reads (ISO days) and the article's date.
 */
export function dropsPhrase(
  slice: string,
  phrase: number,
  phraseEnd: number,
  figure: number | undefined,
  lang: string,
  span: { from: string; to: string; ref: string | undefined },
): boolean {
  const words = slice.slice(phrase, phraseEnd)
  return (
    partOfName(slice, phrase, words, lang) ||
    futureDuration(slice, words, span.from, span.to, span.ref, lang) ||
    attachedElsewhere(slice, phrase, phraseEnd, figure, lang)
  )
}
