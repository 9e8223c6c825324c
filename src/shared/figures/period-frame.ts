// Runs everywhere: an article's reference period (its FRAME), read front to back as state (period round 16).
// A piece that reports statistics states the period its total is about once, in its title or lead ("in the year
// to 31 March 2026", "im November", "за січень–жовтень", "en 2025"), and then gives most figures with no period
// of their own. The frame is the period the lead's first reported figure takes, when that is a calendar span
// (whole months, a quarter, a year, a fiscal year, a week) of a release, report or results piece; it is in force
// in the paragraphs after the lead. A figure takes it only when nothing nearer dates it (period.ts asks last) and
// it is not a forecast, a caption, a list item or in a sentence that names a time of its own.
import { detectFigures } from './detect'
import { daysBetween, lastDayOfMonth, parseISO, toISO } from './dates'
import type { Lexicon } from './lang/types'
import { isForecast, isRelease } from './period-context'
import { sentencePhrases } from './period-find'
import { hasClock } from './period-roles'
import type { SuggestedPeriod } from './period-read'
import type { Sentence } from './sentences'

/** How period.ts reads one figure's period without the frame (its sentence and paragraph only). */
export type ReadFigure = (start: number, end: number) => SuggestedPeriod | undefined

type Frames = { lead: SuggestedPeriod | undefined }

const cache = new Map<string, Frames>()

/**
 * A period a piece is about: whole months (a month, a quarter, "January to October", a year, a fiscal year) or
 * a week. Not a day (the day something happened or was said), nor a span running to the article's date
 * ("since 3 October"), which an event story names as often as a statistics one.
 */
export function calendarSpan(p: SuggestedPeriod): boolean {
  const from = parseISO(p.start)
  const to = parseISO(p.end)
  if (from === undefined || to === undefined) return false
  const months = from.day === 1 && to.day === lastDayOfMonth(to.year, to.month)
  return months || daysBetween(from, to) === 6
}

/** The frame the lead sets: the period its first dated figure takes, when the piece states one (`isRelease`). */
function leadFrame(
  text: string,
  sentences: Sentence[],
  lex: Lexicon,
  read: ReadFigure,
  ref: string | undefined,
): Frames['lead'] {
  const title = sentences.filter((s) => s.paragraph === 0)
  const lead = sentences.filter((s) => s.paragraph === 1)
  const release = isRelease([...title, ...lead].map((s) => text.slice(s.start, s.end)).join(' '))
  for (const s of lead) {
    // its first figure, or what a sentence with none says happened when ("im November gesunken")
    const first = detectFigures(text.slice(s.start, s.end), lex)[0]
    const found = first ? read(s.start + first.start, s.start + first.end) : read(s.start, s.start)
    if (found === undefined && first === undefined) continue
    // a sentence with no figure that names only what it is compared with ("mehr umgesetzt als im Vorjahr",
    // "more than last year") says nothing of when: the next sentence's first figure sets the frame
    if (first === undefined && found && COMPARED_WITH.test(beforePhrase(text.slice(s.start, s.end), found)))
      continue
    if (!found || !recent(found, ref) || found.start === found.end) return undefined
    // a report's period is over: a span that ends after the article's date is a forecast's or a plan's
    if (ref !== undefined && found.end > ref) return undefined
    // a release says what it is, and its lead's span is the frame whatever its bounds (a campaign's dates, six
    // weeks of trading) unless it runs to the article's date ("since 1 February": a running total, not a period
    // its later states and counts belong to); a summary of a month, a season or a year names that period in its
    // title too
    if (release) return found.end === ref && !THIS_SEASON.test(found.text) ? undefined : found
    return calendarSpan(found) && titleNames(text, title, found, lex, ref) ? found : undefined
  }
  return undefined
}

/**
 * The current season, year or month named as the piece's period ("this summer", "cet été", "este verano",
 * "diesen Sommer", "цього літа", "этим летом"): it runs to the article's date and is the frame all the same, where
 * a span opened by a day ("since 1 February", "overnight", "за последние трое суток") is a running total or an
 * event's, not a period its later figures belong to.
 */
const THIS_SEASON =
  /^(?:this|cet(?:te)?|ce|este|esta|dies\p{L}*|цього|цьогорічн\p{L}*|этим|этой|этого|этот|в\s+этом|у\s+цьому|(?:в|у)\s+(?:этом|цьому))\s+(?:summer|winter|spring|autumn|year|season|été|hiver|printemps|automne|année|saison|verano|invierno|primavera|otoño|año|temporada|Sommer|Winter|Frühling|Herbst|Jahr|Saison|літа|зими|весни|осені|року|сезону|летом|зимой|весной|осенью|году|сезоне|році|сезоні)(?![\p{L}])/iu

/** What stands before a phrase in its sentence ("" when the phrase is not written there as read). */
const beforePhrase = (sentence: string, p: SuggestedPeriod): string => {
  const at = sentence.indexOf(p.text)
  return at < 0 ? '' : sentence.slice(0, at)
}

/** "than", "als", "que", "qu'", "чем", "ніж" right before a phrase: the time something is compared with. */
const COMPARED_WITH = /(?<![\p{L}])(?:than|als|que|qu['’]|чем|ніж|аніж)\s+(?:(?:in|en|im|el|в|у)\s+)?$/iu

/** The title (its date line left out) names the period `p` itself: "Ноябрь в Приозерье…", "Herbst 2026 war…". */
function titleNames(
  text: string,
  title: Sentence[],
  p: SuggestedPeriod,
  lex: Lexicon,
  ref: string | undefined,
): boolean {
  const day = parseISO(ref)
  return title.some((s) => {
    const from = s.start + (DATE_LINE.exec(text.slice(s.start, s.end))?.[0].length ?? 0)
    const { periods } = sentencePhrases(text, { ...s, start: from }, lex, day)
    return periods.some((q) => toISO(q.from) === p.start && toISO(q.to) === p.end)
  })
}

/** The file's date line before the title: "date 2026-12-02 ". */
const DATE_LINE = /^date \d{4}-\d{2}-\d{2} /

/**
 * A reference period is the latest one reported: it ends no earlier than about a year and a month before the
 * article's date ("in 2011" in a founder's profile, "en 2016" in an audit report are the story's past).
 */
const recent = (p: SuggestedPeriod, ref: string | undefined): boolean => {
  const [end, day] = [parseISO(p.end), parseISO(ref)]
  return ref === undefined || (!!end && !!day && daysBetween(end, day) <= 400)
}

/**
 * The frame named again by its unit with no date: "during the year", "over the period", "sur la période",
 * "durante el ejercicio", "im gleichen Zeitraum", "за отчётную неделю", "за місяць", "упродовж року".
 */
const BACK =
  /(?<![\p{L}])(?:during\s+the\s+(?:year|month|quarter|week|period)|over\s+the\s+(?:year|period)|in\s+the\s+same\s+period|sur\s+l['’]ensemble\s+de\s+l['’](?:exercice|année)|(?:au\s+cours\s+de|sur)\s+(?:l['’]année|la\s+période|l['’]exercice|le\s+mois|la\s+semaine)|sur\s+la\s+même\s+période|(?:durante|en)\s+(?:el\s+)?(?:mismo\s+)?(?:periodo|período|ejercicio)|durante\s+el\s+(?:año|mes)|im\s+(?:gleichen|selben)\s+Zeitraum|im\s+Berichts(?:jahr|zeitraum|monat)|(?:за|упродовж|протягом|в\s+течение)\s+(?:отч[её]тн\p{L}+\s+|звітн\p{L}+\s+)?(?:року|рік|місяць|місяця|тиждень|тижня|період|года|год|месяц|месяца|неделю|недели|период)|за\s+(?:цей|этот)\s+(?:час|период|період))(?![\p{L}])/iu

/** A count by a day ("к пятнице", "до п'ятниці", "by Friday", "bis Freitag"): a stock then, not the frame's. */
const BY_DAY =
  /(?<![\p{L}])(?:к|до|by|bis|d['’]ici|para\s+el)\s+(?:понедельнику|вторнику|среде|четвергу|пятнице|субботе|воскресенью|понеділка|вівторка|середи|четверга|п['’]ятниці|суботи|неділі|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)(?![\p{L}])/iu

/**
 * A demand, a proposal, a plan, a view or an objection, or a deal considered ("fordert", "propose", "предлагает",
 * "не плануємо", "вважає", "возразил", "изучает покупку"): what is asked for, proposed or thought has no past period.
 */
const REQUEST =
  /(?<![\p{L}])(?:propos\p{L}*|propon\p{L}*|предлага\p{L}*|пропону\p{L}*|schlägt|vorschlag\p{L}*|pid(?:e|en|ió)\s+que|плану\p{L}*|планиру\p{L}*|вважа\p{L}*|счита\p{L}*|возраз\p{L}*|заперечи\p{L}*|заперечу\p{L}*|object(?:s|ed)|object[ée]|objet[óo]|widersprach|widerspricht|believ\p{L}*|think\p{L}*|estim\p{L}*|cree|creen|glaub\p{L}*|demand(?:s|ed|ing)|calls?\s+for|заклика\p{L}*|призыва\p{L}*|призвал\p{L}*|réclam(?:e|ent|ait|aient|é|ée|ant|er)|exig\p{L}*|reclam(?:a|an|ó|aron|aba|aban|ando|ar|ado)|pide|piden|forder\p{L}*|вимага\p{L}*|требу\p{L}*|изуча\p{L}*|вивча\p{L}*|consider\p{L}*|étudie\p{L}*|estudia\p{L}*|prüf\p{L}*)(?![\p{L}])/iu

/** A figure set against another, right before a period phrase: "contre 13,4 % en 2023", "против 58 в 2024". */
const AGAINST =
  /(?<![\p{L}])(?:against|versus|vs\.?|compared\s+with|contre|frente\s+a(?:l|\s+los|\s+las)?|gegenüber|против|проти|порівняно\s+з|по\s+сравнению\s+с)\s[^.;!?]{0,30}$/iu

/** The time of day something was said ("a las 12.30", "at 10.15", "um 14.00 Uhr"): the day's, not the frame's. */
const AT_TIME = /(?<![\p{L}])(?:a\s+las|at|à|um|в|о)\s+\d{1,2}[.:h]\d{2}(?!\d)/iu

/**
 * A price or fee set or raised ("raised its price by 4%", "підняв ціну", "a augmenté ses tarifs", "erhöhte den
 * Preis"): a decision, which gives its figure no period (conventions, session 7).
 */
const PRICE_SET =
  /(?<![\p{L}])(?:rais\p{L}*\s+(?:its|the|their)\s+(?:price|fee|fare)s?|підня\p{L}*\s+ціну|підвищи\p{L}*\s+ціну|повыси\p{L}*\s+цен\p{L}*|подня\p{L}*\s+цен\p{L}*|augment\p{L}*\s+(?:le|les|ses|son)\s+(?:prix|tarifs?)|sub\p{L}*\s+(?:el|los|sus?)\s+precios?|erhöh\p{L}*\s+(?:den|die|seine|ihre)\s+Preise?)(?![\p{L}])/iu

/**
 * What happens as a rule ("a diario", "every day", "каждые 15 минут", "кожен день") and a body's size
 * ("beschäftigt", "employs"): the present, not the frame.
 */
const HABITUAL =
  /(?<![\p{L}])(?:a\s+diario|cada\s+d[ií]a|every\s+(?:day|week)|each\s+day|chaque\s+(?:jour|semaine)|tous\s+les\s+jours|täglich|jeden\s+Tag|кож(?:ен|н\p{L}*)\s+(?:день|тиждень)|щодня|каждые|каждый\s+день|ежедневно|every\s+year|each\s+year|chaque\s+année|cada\s+año|jedes\s+Jahr|jährlich|щороку|щорічно|ежегодно|каждый\s+год|employs|emploie|emplea|beschäftigt)(?![\p{L}])/iu

/**
 * The conditional ("would", "rapporterait", "costaría", "würde", "дало б", "было бы"): what would happen if
 * something were done has no past period (conventions, set 14: a conditional estimate has none).
 */
const CONDITIONAL =
  /(?<![\p{L}])(?:[Ww]ould|[Cc]ould|\p{L}{3,}(?<!(?:por|re|at|ex|abs|dis|sous)t)(?:rait|raient)|\p{Ll}\p{L}+(?:aría|arían|erían|irían|dría|drían)|ser[ií]an?|deber[ií]an?|habr[ií]an?|har[ií]an?|würden?|wären?|könnten?|б|би|бы)(?![\p{L}])/u

/**
 * A present-tense state with no time phrase (conventions, session 12): what a place or body has, counts or employs
 * now ("compte 210 caméras", "cuenta con 14 sedes", "zählt 23 Gemeinden", "налічує 40 шкіл", "насчитывает 12
 * филиалов"), the verb just before the figure, or a place's size ("ville de 86 000 habitants"). Not German "hat",
 * whose perfect puts the figure between it and the participle ("hat 1,2 Mrd. Euro umgesetzt").
 */
const STATE_BEFORE =
  /(?<![\p{L}])(?:has|have|employs|owns|counts|numbers|houses|compte|comptent|possède|possèdent|emploie|emploient|dispose\s+de|disposent\s+de|abrite|cuenta\s+con|cuentan\s+con|tiene|tienen|emplea|posee|alberga|zählt|zählen|besitzt|verfügt\s+über|має|мають|налічує|налічують|нараховує|володіє|имеет|имеют|насчитывает|насчитывают|располагает|владеет)\s+(?:\p{L}+\s+){0,2}$/iu
const STATE_AFTER =
  /^\s+(?:inhabitants|residents|habitants|habitantes|Einwohner\p{L}*|мешканц\p{L}*|жител\p{L}*)(?![\p{L}])/iu

/** A photo caption ("Foto:", "Photo :", "Фото:"): it describes a picture, not the piece's period. */
const CAPTION = /^\s*(?:Foto|Photo|Фото|Picture|Bild)\s*:/iu

/**
 * The frame for the figure at `start`–`end` of sentence `at`, or undefined when none is in force there or the
 * figure is one the frame does not reach.
 */
export function frameFor(args: {
  text: string
  sentences: Sentence[]
  at: number
  start: number
  end: number
  lex: Lexicon
  articleDate: string | undefined
  read: ReadFigure
}): SuggestedPeriod | undefined {
  const { text, sentences, at, lex } = args
  const sentence = sentences[at]
  if (sentence.paragraph < 2) return undefined
  const key = `${lex.code}|${args.articleDate ?? ''}`
  let frames = cache.get(text + key)
  if (frames === undefined) {
    if (cache.size > 16) cache.clear()
    frames = { lead: leadFrame(text, sentences, lex, args.read, args.articleDate) }
    cache.set(text + key, frames)
  }
  if (frames.lead === undefined) return undefined
  const words = text.slice(sentence.start, sentence.end)
  if (CAPTION.test(words)) return undefined
  if (isForecast(words, lex.code, '') || REQUEST.test(words) || PRICE_SET.test(words)) return undefined
  if (HABITUAL.test(words) || CONDITIONAL.test(words)) return undefined
  const before = text.slice(Math.max(sentence.start, args.start - 40), args.start)
  if (STATE_BEFORE.test(before) || STATE_AFTER.test(text.slice(args.end, args.end + 24))) return undefined
  // a paragraph that names a time of its own ("in October", "seit 2017", "к пятнице", "a las 12.30") up to the
  // figure is not about the frame, even where that time does not reach the figure; a time a figure is compared
  // with ("contre 13,4 % en 2023") is no time of its own
  const ref = parseISO(args.articleDate)
  for (let i = at; i >= 0 && sentences[i].paragraph === sentence.paragraph; i--) {
    const own = text.slice(sentences[i].start, sentences[i].end)
    // "during the year", "за месяц", "sur l'ensemble de l'exercice", "im gleichen Zeitraum": the frame named again
    if (BACK.test(own)) return frames.lead
    if (BY_DAY.test(own) || hasClock(own) || AT_TIME.test(own)) return undefined
    const { slice, periods } = sentencePhrases(text, sentences[i], lex, ref)
    // in the figure's own sentence only a figure set against another ("contre 13,4 % en 2023") leaves the frame
    // its own; "4 Prozent niedriger als 2019" is a change against that year, not the frame's
    const compared = (p: { index: number }): boolean =>
      (i < at &&
        lex.period.comparison !== undefined &&
        slice.slice(0, p.index).search(lex.period.comparison) >= 0) ||
      AGAINST.test(slice.slice(Math.max(0, p.index - 40), p.index))
    if (periods.some((p) => !compared(p))) return undefined
  }
  return frames.lead
}
