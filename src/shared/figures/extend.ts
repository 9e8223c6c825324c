// Runs everywhere: grows a bare number into a figure: scale words, %, currency, measurement units
// on the right; currency sign or code, minus sign and qualifier on the left.
import type { LanguageCode, Lexicon } from './lang/types'
import { longestAt, longestBefore } from './phrase'
import { glued, isSym, isWord, spaced } from './tokenize'
import type { Draft, Scan, Token } from './types'
import { changeBefore, changeInSentence } from './changes'
import { GLUED_MEASURES, TIME_MEASURES } from './units'
import { KINDS } from './lang/kinds'
import { subunitAfter } from './currency-subunits'

/** Points written onto the number: 0.11pp, 25bps. */
const GLUED_POINTS = new Set(['pp', 'bps', 'pts'])

const pluralNoun = (lex: Lexicon, token: Token | undefined): boolean =>
  token !== undefined &&
  isWord(token) &&
  spaced(token) &&
  /[^s]s$/.test(token.lower) &&
  !lex.stopWords.has(token.lower)

/** A currency sign glued after a scale abbreviation: "512,4 M€", "300 k€" (the scale then means money). */
const signAfter = (scan: Scan, at: number): boolean => {
  const sign = scan.tokens[at]
  return isSym(sign) && glued(sign) && sign.text in scan.lex.currencySuffixes
}

/**
 * A currency sign written after the number, glued or spaced, in any language: "2000₽", "500€", "75 £" (the
 * code of the sign); not the sign of the next number ("5 $10").
 */
function signSuffix(scan: Scan, at: number): string | undefined {
  const sign = scan.tokens[at]
  if (!isSym(sign) || sign.gap.length > 1 || !(sign.text in scan.lex.currencyPrefixes)) return undefined
  const next = scan.tokens[at + 1]
  return next?.kind === 'num' && glued(next) ? undefined : scan.lex.currencyPrefixes[sign.text]
}

/** A currency sign or ISO code just before token `first`: its code and first token. */
export function currencyBefore(scan: Scan, first: number): { code: string; first: number } | undefined {
  const { tokens } = scan
  const CURRENCY_PREFIXES = scan.lex.currencyPrefixes
  const sign = tokens[first - 1]
  if (sign === undefined || tokens[first].gap.includes('\n')) return undefined
  const word = tokens[first - 2]
  // an abbreviation with its full stop: "Fr. 9.50"
  if (isSym(sign, '.') && glued(sign) && isWord(word) && `${word.lower}.` in CURRENCY_PREFIXES)
    return { code: CURRENCY_PREFIXES[`${word.lower}.`], first: first - 2 }
  if (sign.kind === 'sym' && sign.text in CURRENCY_PREFIXES) {
    const compound = word !== undefined && glued(sign) && CURRENCY_PREFIXES[word.text + sign.text]
    return compound
      ? { code: compound, first: first - 2 }
      : { code: CURRENCY_PREFIXES[sign.text], first: first - 1 }
  }
  const isCode = sign.kind === 'word' && sign.text === sign.text.toUpperCase() && spaced(tokens[first])
  return isCode && sign.lower in CURRENCY_PREFIXES
    ? { code: CURRENCY_PREFIXES[sign.lower], first: first - 1 }
    : undefined
}

/** The draft's number times `scale`, computed from its digits so 2.3 million is exactly 2300000. */
export const scaled = (draft: Draft, scale: number): number =>
  draft.digits !== undefined
    ? Number(`${draft.digits}e${Math.round(Math.log10(scale))}`)
    : draft.value * scale

/** A half written after a number's unit ("43 ans et demi") or between the number and its unit ("2 с половиной года"). */
const HALF: Readonly<Record<LanguageCode, { after: string[]; between: string[] }>> = {
  en: { after: ['and a half'], between: [] },
  fr: { after: ['et demi', 'et demie'], between: [] },
  es: { after: ['y medio', 'y media'], between: [] },
  de: { after: ['und ein halb', 'und einhalb'], between: [] },
  uk: { after: [], between: ['з половиною'] },
  ru: { after: [], between: ['с половиной'] },
}

/** Scale, currency, percent and unit after the number; undefined when the number is not a figure at all. */
export function extendRight(scan: Scan, core: Draft, currency?: string): Draft | undefined {
  const { tokens, lex } = scan
  const {
    currencyPrefixes: CURRENCY_PREFIXES,
    currencySuffixes: CURRENCY_SUFFIXES,
    moneyScales: MONEY_SCALES,
    scaleWords: SCALE_WORDS,
    percentWords: PERCENT_WORDS,
    measures: MEASURES,
  } = lex
  const d: Draft = { ...core, measure: core.measure ?? currency }
  const after = tokens[d.last + 1]
  if (d.kind === 'digits' && after?.kind === 'word' && glued(after)) {
    // glued letters: 1.5bn, £300m, 40km, 40C; 47th, 1990s, 5pm and 5G are not figures
    if (lex.ordinalSuffix.test(after.text)) return undefined
    const counted = after.lower === 'm' && pluralNoun(lex, tokens[d.last + 2]) // "1.2m residents", not "a 300m bridge"
    const money = currency || counted || signAfter(scan, d.last + 2)
    const scale = SCALE_WORDS[after.lower] ?? (money ? MONEY_SCALES[after.lower] : undefined)
    if (scale !== undefined) Object.assign(d, { scale, last: d.last + 1 })
    else if (subunitAfter(scan, d.last) !== undefined) {
      // "50p": read below with the hundredths written apart
    } else if (
      !(after.text in GLUED_MEASURES) &&
      !GLUED_POINTS.has(after.lower) && // 0.11pp, 25bps
      longestAt(tokens, d.last + 1, Object.keys(MEASURES), 'glued') === undefined
    )
      return undefined
  }
  if (d.scale === undefined && d.kind === 'digits') {
    const word = tokens[d.last + 1]
    // an abbreviation written with its dot ("180 тис. тонн") takes the dot into the figure
    const dotted = isSym(tokens[d.last + 2], '.') && glued(tokens[d.last + 2]) && isWord(word) && spaced(word)
    const abbreviation = dotted ? SCALE_WORDS[`${word.lower}.`] : undefined
    const scale =
      isWord(word) && spaced(word)
        ? (abbreviation ??
          SCALE_WORDS[word.lower] ??
          (currency || signAfter(scan, d.last + 2) ? MONEY_SCALES[word.lower] : undefined))
        : undefined
    if (scale !== undefined) Object.assign(d, { scale, last: d.last + (abbreviation ? 2 : 1) })
    // "5 mil millones", "2 thousand million": a thousand of the larger scale that follows
    const next = tokens[d.last + 1]
    if (d.scale === 1e3 && isWord(next) && spaced(next) && (SCALE_WORDS[next.lower] ?? 0) >= 1e6)
      Object.assign(d, { scale: 1e3 * SCALE_WORDS[next.lower], last: d.last + 1 })
  }
  if (d.scale !== undefined) d.value = scaled(d, d.scale)
  // "2 с половиной года", "3 з половиною роки": the half comes between the number and its unit
  const between =
    d.scale === undefined ? longestAt(tokens, d.last + 1, HALF[lex.code].between, 'spaced') : undefined
  if (between !== undefined) Object.assign(d, { value: d.value + 0.5, last: between.last, digits: undefined })
  if (d.measure === undefined) {
    const suffix =
      longestAt(tokens, d.last + 1, Object.keys(CURRENCY_SUFFIXES), 'spaced') ??
      (d.scale !== undefined && signAfter(scan, d.last + 1)
        ? longestAt(tokens, d.last + 1, Object.keys(CURRENCY_SUFFIXES), 'glued')
        : undefined)
    // codes (UAH) must be written in capitals; words (hryvnias) in any case
    const upper =
      suffix && suffix.phrase in CURRENCY_PREFIXES
        ? tokens[suffix.last].text === suffix.phrase.toUpperCase()
        : true
    const sign = signSuffix(scan, d.last + 1)
    if (suffix && upper) Object.assign(d, { measure: CURRENCY_SUFFIXES[suffix.phrase], last: suffix.last })
    else if (sign !== undefined) Object.assign(d, { measure: sign, last: d.last + 1 })
    else if (d.scale !== undefined && isWord(tokens[d.last + 1], 'pounds'))
      Object.assign(d, { measure: 'GBP', last: d.last + 1 })
    else if (d.scale === undefined) {
      // "44,5 Cent", "50p": a hundredth of the currency, scaled like "3-5 million" so ranges share it
      const sub = subunitAfter(scan, d.last)
      if (sub !== undefined)
        Object.assign(d, { measure: sub.code, scale: 0.01, value: scaled(d, 0.01), last: sub.last })
    }
  }
  if (d.kind === 'fraction' && isWord(tokens[d.last + 1], 'a', 'an')) {
    const unit = longestAt(
      tokens,
      d.last + 2,
      [...Object.keys(PERCENT_WORDS), ...Object.keys(MEASURES)],
      'spaced',
    )
    if (unit)
      Object.assign(d, { measure: PERCENT_WORDS[unit.phrase] ?? MEASURES[unit.phrase], last: unit.last })
  }
  if (d.measure === undefined) {
    const percent = longestAt(tokens, d.last + 1, Object.keys(PERCENT_WORDS), 'near')
    if (percent) Object.assign(d, { measure: PERCENT_WORDS[percent.phrase], last: percent.last })
  }
  if (d.measure === undefined && !attachMeasure(scan, d)) return undefined
  perHectare(scan, d)
  // "43 ans et demi", "3 horas y media", "3 years and a half": half of the unit after it
  const half =
    d.measure !== undefined ? longestAt(tokens, d.last + 1, HALF[lex.code].after, 'spaced') : undefined
  if (half !== undefined && Number.isInteger(d.value))
    Object.assign(d, { value: d.value + 0.5, last: half.last, digits: undefined })
  if (d.measure !== undefined && TIME_MEASURES.has(d.measure) && timeReference(scan, d.last)) return undefined
  return d
}

/** The word for "than" after a comparative: "three weeks earlier than", "на три недели позже, чем". */
const THAN: Readonly<Record<LanguageCode, string[]>> = {
  en: ['than'],
  fr: ['que'],
  es: ['que'],
  de: ['als'],
  uk: ['ніж', 'як'],
  ru: ['чем'],
}

/**
 * A span of time followed by "ago", "earlier", "plus tôt" is a time reference, not a figure ("three years ago",
 * "a week earlier"); followed by "than" it measures a gap and is one ("trois semaines plus tôt qu'il y a trente
 * ans", "на три недели позже, чем в прошлом году").
 */
function timeReference(scan: Scan, last: number): boolean {
  const { tokens, lex } = scan
  const ago = longestAt(tokens, last + 1, lex.ago, 'spaced')
  if (ago === undefined) return false
  const next = isSym(tokens[ago.last + 1], ',') ? tokens[ago.last + 2] : tokens[ago.last + 1]
  // French elides "que" onto the next word: "plus tôt qu'il y a trente ans"
  return !isWord(next, ...THAN[lex.code]) && !(lex.code === 'fr' && /^qu['’]/.test(next?.lower ?? ''))
}

/** A yield: "42 hectolitres par hectare", "38 hectolitres à l’hectare" (per hectare), "41,3 ц/га" (as written). */
function perHectare(scan: Scan, d: Draft): void {
  const { tokens } = scan
  if (d.measure === undefined || d.measure === '%' || /^[A-Z]{3}$/.test(d.measure)) return
  const per = longestAt(tokens, d.last + 1, KINDS[scan.lex.code].perHectare, 'spaced')
  if (per !== undefined) Object.assign(d, { measure: `${d.measure} per hectare`, last: per.last })
  else if (
    isSym(tokens[d.last + 1], '/') &&
    glued(tokens[d.last + 1]) &&
    isWord(tokens[d.last + 2], 'га', 'ha')
  )
    if (glued(tokens[d.last + 2]))
      Object.assign(d, { measure: `${d.measure}/${tokens[d.last + 2].text}`, last: d.last + 2 })
}

/** Attaches a measurement unit (or a compound such as `24-hour`); false when the figure must be dropped. */
function attachMeasure(scan: Scan, d: Draft): boolean {
  const { tokens } = scan
  const { measures: MEASURES, percentWords: PERCENT_WORDS } = scan.lex
  const next = tokens[d.last + 1]
  if (d.kind === 'digits' && next !== undefined && next.text in GLUED_MEASURES && glued(next)) {
    Object.assign(d, { measure: GLUED_MEASURES[next.text], last: d.last + 1 })
    return true
  }
  const unit = longestAt(tokens, d.last + 1, Object.keys(MEASURES), 'near')
  if (unit) {
    Object.assign(d, { measure: MEASURES[unit.phrase], last: unit.last })
    if (d.measure === 'bcm') Object.assign(d, { measure: 'cubic metres', value: d.value * 1e9 })
    return true
  }
  if (!isSym(next, '-') || !glued(next)) return true
  const word = tokens[d.last + 2]
  const compound =
    isWord(word) && glued(word) ? (MEASURES[word.lower] ?? PERCENT_WORDS[word.lower]) : undefined
  // "чотирьох-п'яти років": a second number word after the hyphen makes a range, read later
  if (compound === undefined)
    return d.kind === 'digits' || (isWord(word) && scan.lex.isNumberWord(word.lower))
  // "200-strong" stays; "one-off", "two-way" go
  if (isSym(tokens[d.last + 3], '-') && isWord(tokens[d.last + 4], 'old')) return false
  if (isWord(tokens[d.last + 3], 'high', 'low', 'record', 'peak')) return false // "a 41-year high"
  Object.assign(d, { measure: compound, last: d.last + 2 })
  return true
}

/**
 * A word for minus right before the number: "minus 12", "moins 5 °C", "мінус 23 градусів" (not "au moins 20",
 * "plus ou moins 5", "al menos 3", nor "10 minus 3").
 */
function minusWord(scan: Scan, first: number): boolean {
  const { tokens } = scan
  const word = tokens[first - 1]
  const kinds = KINDS[scan.lex.code]
  if (!isWord(word, ...kinds.minus) || !spaced(tokens[first])) return false
  const before = tokens[first - 2]
  // "10 minus 3", "las ocho menos diez" (a clock time), "плюс-минус 5"
  if (before?.kind === 'num' || isWord(before, ...kinds.notMinusAfter)) return false
  if ((isWord(before) && scan.lex.isNumberWord(before.lower)) || (isSym(before, '-') && glued(word)))
    return false
  // a qualifier that ends in the word ("au moins", "por lo menos") is no sign
  const qualifier = longestBefore(tokens, first - 1, scan.lex.qualifiers)
  return qualifier === undefined || qualifier.first === first - 1
}

/** Currency, sign and qualifier before the number. */
export function extendLeft(scan: Scan, draft: Draft, currency?: { first: number }): Draft {
  let d = draft
  const { tokens, text } = scan
  let first = currency?.first ?? d.first
  let value = d.value
  const sign = tokens[first - 1]
  const signGlued =
    glued(tokens[first]) && (first - 1 === 0 || sign?.gap !== '' || isSym(tokens[first - 2], '(', '…'))
  if (isSym(sign, '-', '−', '+') && signGlued && tokens[first - 2]?.kind !== 'num') {
    if (sign.text !== '+') value = -value
    first--
  } else if (minusWord(scan, first)) {
    value = -value
    first--
    // "мінус 5 вдень", "moins 8 degrés": below zero, outside English a bare number or degrees are °C
    if (scan.lex.code !== 'en' && (d.measure === undefined || d.measure === 'degrees'))
      d = { ...d, measure: '°C' }
  }
  // "más del triple", "plus du double": the article that opens a multiple ends the qualifier too
  const sharing =
    d.kind === 'fraction' && isWord(tokens[first])
      ? longestBefore(tokens, first, scan.lex.qualifiers)
      : undefined
  if (sharing !== undefined && sharing.first < first) {
    const qualifier = text.slice(tokens[sharing.first].start, tokens[first].end).toLowerCase()
    return { ...d, first: sharing.first, value, qualifier }
  }
  const found = first > 0 ? longestBefore(tokens, first - 1, scan.lex.qualifiers) : undefined
  if (found === undefined) return { ...d, first, value }
  // a qualifier that is also the range word "to" (Ukrainian "до") means "up to" unless a change precedes
  // it: "зросла до 13%" (rose to 13%) has no qualifier
  // it, and so does "збільшити площу … з 60 до 80 кв. м" (a change from one number to the next)
  // the number after "з"/"from" may carry its scale or unit: "скоротився з 212 тис. до 186 тис. гектарів"
  const fromNumber = [1, 2, 3].some(
    (back) =>
      tokens[found.first - back]?.kind === 'num' &&
      isWord(tokens[found.first - back - 1], ...scan.lex.range.from) &&
      tokens.slice(found.first - back + 1, found.first).every((t) => t.kind !== 'num'),
  )
  // "снизилась на 6,2%, до 48 300 рублей", "subió un 2,4 %, hasta 4.612", "зросла на 9% — до 8,4 млрд грн":
  // after the change's amount, a comma or a dash, "to" gives the level reached
  const afterAmount = isSym(tokens[found.first - 1], ',', '—', '–') && changeInSentence(scan, found.first)
  if (
    scan.lex.range.to.includes(found.phrase) &&
    (changeBefore(scan, found.first) || afterAmount || (fromNumber && changeInSentence(scan, found.first)))
  )
    return { ...d, first, value }
  // "d'environ 1,5 point": the qualifier is "environ", and the elided "de" stays outside the figure
  const gluedDe = /^d['’](\p{L}.*)$/u.exec(found.phrase)
  if (gluedDe !== null && found.first === first - 1) return { ...d, first, value, qualifier: gluedDe[1] }
  const written = text.slice(tokens[found.first].start, tokens[first - 1].end).toLowerCase()
  // "près d’un tiers": the elided "d’" read with the number belongs to the qualifier as written
  const elided =
    scan.lex.code === 'fr' ? /^(d['’])\p{L}/iu.exec(tokens[first].text)?.[1].toLowerCase() : undefined
  const qualifier = elided === undefined ? written : `${written} ${elided}`
  return { ...d, first: found.first, value, qualifier }
}
