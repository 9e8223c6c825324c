// Runs everywhere: an elided unit of measure or currency carries (conventions §15); an elided counted noun does
// not (§13). "Tickets cost 12 euros, up from 9" → 9 is EUR; "59 million tonnes, down from 67 million" → 67
// million is tonnes; "46 млн гривень: 29 млн піде на покрівлю" → 29 млн is UAH; but "15.3 million journeys, up
// 4% on 14.7 million" leaves 14.7 million without a unit (journeys is what is counted, and 4% is no million).
import type { LanguageCode } from './lang/types'
import type { FigureCandidate } from './types'

/** What the carry needs to know of a found figure besides its text. */
export type CarryInfo = {
  /** No unit, no counted noun, no multiplier: a number standing alone. */
  bare: boolean
  /** The unit is a measure, a currency or a percentage (not a counted noun). */
  measured: boolean
  /** The scale word's factor when one ends the number ("67 million" → 1e6). */
  scale?: number
}

/**
 * Words that put a bare number beside the one it is compared with, so it is read on the same scale: "up from
 * 9", "contre 31", "frente a los 6.500", "gegenüber 205", "проти 17", "против 11".
 */
const LINKS: Readonly<Record<LanguageCode, RegExp>> = {
  en: /(?:^|\s)(?:from|against|versus|vs\.?|compared (?:with|to))\s+(?:the\s+|a\s+)?$/i,
  fr: /(?:^|\s)(?:contre|face à|comparé à|par rapport à)\s+(?:les\s+|le\s+|la\s+)?$/i,
  es: /(?:^|\s)(?:frente a(?:\s+los|\s+las|\s+el|\s+la)?|frente al|contra|comparado con)\s+$/i,
  de: /(?:^|\s)(?:gegenüber|verglichen mit|statt|nach)\s+(?:den\s+|dem\s+)?$/i,
  uk: /(?:^|\s)(?:проти|порівняно з|замість)\s+$/i,
  ru: /(?:^|\s)(?:против|по сравнению с|вместо)\s+$/i,
}

/** A sentence or a paragraph ends in this stretch of text. */
const SENTENCE_END = /[.!?…](?:["»”’)]*)\s+(?=[\p{Lu}\d«"„“])|\n/u

/** A currency's code: EUR, UAH. */
const CURRENCY = /^[A-Z]{3}$/

/** Two figures further apart than this factor are not one compared with the other. */
const MAGNITUDE = 20

const sameOrder = (a: number, b: number): boolean => {
  const ratio = Math.abs(a / (b || 1))
  return ratio <= MAGNITUDE && ratio >= 1 / MAGNITUDE
}

/** How far back (in characters) a scale figure lends its unit: the figures of one passage. */
const SCALE_REACH = 600

/**
 * Gives each bare figure the unit its number is read on, in place: (a) a number with a scale word takes the
 * unit of the nearest earlier figure with the same scale word and a value of the same order (in its paragraph,
 * or a currency in an earlier one), unless a figure counting a noun stands just before it in its sentence, when that one's unit is a measure or a currency ("690 млн рублей, ещё около 150 млн"), and none when
 * that one counts a noun or has no unit; (b) a number
 * without a scale word takes the unit of the figure just before it in its sentence when a word of comparison
 * links them ("45 images par seconde …, contre 31").
 */
export function carryUnits(
  text: string,
  figures: FigureCandidate[],
  infos: CarryInfo[],
  lang: LanguageCode,
): void {
  for (let k = 0; k < figures.length; k++) {
    const info = infos[k]
    if (!info.bare) continue
    const figure = figures[k]
    if (info.scale !== undefined) {
      // "9 612 вакансий, из них … — порядка 1,3 тыс.": a number after a counted one in its sentence counts the same
      const previous = figures[k - 1]
      if (
        previous !== undefined &&
        previous.unit !== undefined &&
        !infos[k - 1].measured &&
        sameOrder(figure.value, previous.value) &&
        !SENTENCE_END.test(text.slice(previous.end, figure.start))
      )
        continue
      for (let j = k - 1; j >= 0; j--) {
        if (figure.start - figures[j].end > SCALE_REACH) break
        // across paragraphs only money carries: a budget's bare "millones" are its currency's
        const crosses = text.slice(figures[j].end, figure.start).includes('\n')
        if (crosses && !CURRENCY.test(figures[j].unit ?? '')) {
          if (infos[j].scale === info.scale) break
          continue
        }
        if (infos[j].scale !== info.scale) continue
        // a figure of another order of magnitude is no baseline: "5.340 millones de euros" beside "4,46 millones"
        if (!sameOrder(figure.value, figures[j].value)) continue
        if (infos[j].measured && figures[j].unit !== undefined) {
          figure.unit = figures[j].unit
          infos[k] = { ...info, bare: false, measured: true }
        }
        break
      }
      continue
    }
    const before = figures[k - 1]
    if (before === undefined || !infos[k - 1].measured || before.unit === undefined) continue
    if (infos[k - 1].scale !== undefined) continue
    const between = text.slice(before.end, figure.start)
    if (SENTENCE_END.test(between) || !LINKS[lang].test(between)) continue
    figure.unit = before.unit
    infos[k] = { ...info, bare: false, measured: true }
  }
}
