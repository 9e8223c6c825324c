// Runs everywhere: a span that runs from the article's date a number of years, months, weeks or days ahead, in
// the six languages (round 12): "within three years", "in the next five years", "au cours des cinq prochaines
// années", "dans les deux ans", "dentro de tres años", "in den nächsten zwei Jahren", "für die nächsten zwei
// Jahre", "innerhalb von drei Jahren", "протягом наступних п'яти років", "у найближчі три роки", "в течение
// следующих пяти лет". The count may be a number word; the duration figure inside the span takes the span.
import type { Day } from './dates'
import { addDays, addMonths, lastDayOfMonth } from './dates'
import type { Lexicon } from './lang/types'
import type { FoundPeriod } from './period-phrases'

/** A count, in figures or a number word. */
export const COUNT = String.raw`(\d{1,3}|[\p{L}'’]+)`
const N = COUNT
export const UNIT = String.raw`(years?|months?|weeks?|days?|ans|années|mois|semaines|jours|años|meses|semanas|días|Jahren?|Monaten?|Wochen|Tagen?|рок(?:ів|и|у)?|міс(?:яців|яці)|тижн(?:ів|і)|дн(?:ів|і)|лет|года?|месяц(?:ев|а)|недел(?:ь|и)|дн(?:ей|я))`

const AHEAD = new RegExp(
  [
    String.raw`(?:within|in|over|during)\s+(?:the\s+)?(?:next|coming)\s+${N}\s+${UNIT}`,
    // a bare "within" is a horizon in years only ("within three years"); "within 14 days" is a deadline after
    // something unnamed, "within three years of opening" counts from an event
    String.raw`within\s+${N}\s+(years)(?!\s+(?:of|after|from))`,
    String.raw`(?:au\s+cours\s+des|dans\s+les|pendant\s+les|sur\s+les|durant\s+les)\s+${N}\s+(?:prochain(?:e)?s\s+)?${UNIT}(?:\s+(?:prochain(?:e)?s|à\s+venir))?`,
    String.raw`d['’]ici\s+(?:à\s+)?${N}\s+${UNIT}`,
    String.raw`(?:en|durante)\s+los\s+(?:próximos|siguientes)\s+${N}\s+${UNIT}`,
    String.raw`(?:dentro\s+de|en\s+un\s+plazo\s+de)\s+${N}\s+(años)(?!\s+(?:de|desde|tras))`,
    String.raw`(?:in|für|während)\s+(?:den|die)\s+(?:nächsten|kommenden|folgenden\s+(?=\S+\s+\S+\s+(?:soll|werden|wird)))\s*${N}\s+${UNIT}`,
    String.raw`(?:innerhalb\s+von|binnen)\s+${N}\s+(Jahren)(?!\s+(?:nach|seit))`,
    String.raw`(?:протягом|впродовж|за|у|в)\s+(?:наступних|наступні|найближчі|найближчих)\s+${N}\s+${UNIT}`,
    String.raw`(?:в\s+течение|за|в|на)\s+(?:следующих|следующие|ближайшие|ближайших)\s+${N}\s+${UNIT}`,
  ]
    .map((p) => `(?<![\\p{L}\\d])${p}(?![\\p{L}\\d])`)
    .join('|'),
  'giu',
)

/** The unit's kind from its written form. */
export function unitOf(word: string): 'y' | 'm' | 'w' | 'd' | undefined {
  const w = word.toLowerCase()
  if (/^(?:year|an|année|año|jahr|рок|лет|год)/u.test(w)) return 'y'
  if (/^(?:month|mois|mes|monat|міс|месяц)/u.test(w)) return 'm'
  if (/^(?:week|semaine|semana|woche|тижн|недел)/u.test(w)) return 'w'
  if (/^(?:day|jour|día|tag|дн)/u.test(w)) return 'd'
  return undefined
}

/** The spans of `text` that run ahead from `ref` (`AHEAD`). */
export function aheadSpans(text: string, ref: Day | undefined, lex: Lexicon): FoundPeriod[] {
  if (ref === undefined) return []
  const found: FoundPeriod[] = []
  for (const m of text.matchAll(AHEAD)) {
    const groups = m.slice(1).filter((g) => g !== undefined)
    const [word, unitWord] = groups
    if (word === undefined || unitWord === undefined) continue
    const n = /^\d+$/.test(word) ? Number(word) : lex.parseNumberWords([word.toLowerCase()])?.value
    const unit = unitOf(unitWord)
    if (n === undefined || !Number.isInteger(n) || n < 1 || n > 100 || unit === undefined) continue
    let to: Day
    if (unit === 'd' || unit === 'w') to = addDays(ref, unit === 'd' ? n : 7 * n)
    else {
      const moved = addMonths({ ...ref, day: 1 }, unit === 'y' ? 12 * n : n)
      to = { ...moved, day: Math.min(ref.day, lastDayOfMonth(moved.year, moved.month)) }
    }
    found.push({ from: ref, to, index: m.index, text: m[0] })
  }
  return found
}
