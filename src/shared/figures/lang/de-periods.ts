// Runs everywhere: the German period phrases chrono-node misses or reads forward in time: "Ende Juli",
// "im Herbst 2018", "am Dienstagmorgen", "in der Nacht zu Mittwoch", "in den vergangenen drei Jahren".
import type { Day } from '../dates'
import { addDays, addMonths, lastDayOfMonth, nearestYear, toISO, weekdayIndex } from '../dates'
import type { FoundPeriod } from '../period-phrases'
import type { PeriodWords } from './types'
import { parseGermanNumberWords } from './de-numbers'

type Range = { from: Day; to: Day }

const MONTHS = ['jan', 'feb', 'mär', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dez']
const MONTH =
  '(Januar|Jänner|Februar|Feber|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)'
const monthOf = (name: string): number =>
  /^j[äa]n/i.test(name) ? 1 : /^feber/i.test(name) ? 2 : MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1
const WEEKDAYS = ['montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag']
const WEEKDAY = '(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)'
const DAYTIME = '(?:morgen|vormittag|mittag|nachmittag|abend|nacht)?'
const YEAR = '((?:19|20)\\d{2})'
/** Days of a month a modifier covers. */
const PART: Readonly<Record<string, [number, number | 'last']>> = {
  anfang: [1, 10],
  beginn: [1, 10],
  mitte: [11, 20],
  ende: [21, 'last'],
}
const SEASONS: Readonly<Record<string, number>> = {
  frühling: 3,
  frühjahr: 3,
  sommer: 6,
  herbst: 9,
  winter: 12,
}
const QUARTER: Readonly<Record<string, number>> = { ersten: 1, zweiten: 2, dritten: 3, vierten: 4 }
const UNIT_DAYS: Readonly<Record<string, number>> = { stunden: 1 / 24, tagen: 1, wochen: 7 }
/** Years named by a noun of accounts: "Budget 2025", "Rechnung 2023", "Geschäftsjahr 2024". */
const FISCAL = '(?:Jahr|Jahre|Jahres|Budget|Haushalt|Haushaltsjahr|Geschäftsjahr|Rechnung|Bilanz|Saison)'

function month(year: number, m: number, from = 1, to: number | 'last' = 'last'): Range {
  return {
    from: { year, month: m, day: from },
    to: { year, month: m, day: to === 'last' ? lastDayOfMonth(year, m) : to },
  }
}
const wholeYear = (year: number): Range => ({
  from: { year, month: 1, day: 1 },
  to: { year, month: 12, day: 31 },
})
const day = (d: Day): Range => ({ from: d, to: d })
const later = (a: Day, b: Day): boolean => toISO(a) > toISO(b)

/** The last `weekday` on or before `ref` (or the next one after it, for forecasts). */
function weekday(ref: Day, name: string, forward: boolean): Day {
  const target = WEEKDAYS.indexOf(name === 'sonnabend' ? 'samstag' : name)
  const back = (weekdayIndex(ref) - target + 7) % 7
  return forward ? addDays(ref, back === 0 ? 0 : 7 - back) : addDays(ref, -back)
}

/** The season starting in `start` month: the latest begun by `ref`, or the one before or after it. */
function season(ref: Day, start: number, which: 'this' | 'last' | 'next', year?: number): Range {
  let y = year ?? (ref.month >= start ? ref.year : ref.year - 1)
  const range = (yy: number): Range => {
    const end = addMonths({ year: yy, month: start, day: 1 }, 2)
    return {
      from: { year: yy, month: start, day: 1 },
      to: { ...end, day: lastDayOfMonth(end.year, end.month) },
    }
  }
  if (year === undefined && which === 'last' && !later(ref, range(y).to)) y--
  if (year === undefined && which === 'next') y++
  return range(y)
}

function count(word: string): number | undefined {
  return /^\d+$/.test(word) ? Number(word) : parseGermanNumberWords([word.toLowerCase()])?.value
}

export function findGermanPeriods(text: string, ref: Day | undefined): FoundPeriod[] {
  const found: FoundPeriod[] = []
  const add = (m: RegExpMatchArray, period: Range | undefined, skip = 0): void => {
    if (period) found.push({ ...period, index: (m.index ?? 0) + skip, text: m[0].slice(skip) })
  }
  const each = (pattern: string, use: (m: RegExpMatchArray) => void): void => {
    for (const m of text.matchAll(new RegExp(pattern, 'giu'))) use(m)
  }
  // Anfang/Mitte/Ende Juli (2025), Ende 2027
  each(`\\b(Anfang|Beginn|Mitte|Ende)\\s+${MONTH}(?:\\s+${YEAR})?\\b`, (m) => {
    const mm = monthOf(m[2])
    const year = m[3] ? Number(m[3]) : ref ? nearestYear(mm, ref) : undefined
    const [from, to] = PART[m[1].toLowerCase()]
    if (year !== undefined) add(m, month(year, mm, from, to))
  })
  each(`\\b(?:Anfang|Beginn|Mitte|Ende)\\s+${YEAR}\\b`, (m) => add(m, wholeYear(Number(m[1]))))
  // erste Woche im Januar, ersten Januarwoche
  each(`\\bersten\\s+(?:Woche\\s+(?:im|des)\\s+${MONTH}|${MONTH}woche)(?:\\s+${YEAR})?`, (m) => {
    const mm = monthOf(m[1] ?? m[2])
    const year = m[3] ? Number(m[3]) : ref ? nearestYear(mm, ref) : undefined
    if (year !== undefined) add(m, month(year, mm, 1, 7))
  })
  // 4. Dezember (2024); im Juli (2025)
  each(`\\b(\\d{1,2})\\.\\s*${MONTH}(?:\\s+${YEAR})?\\b`, (m) => {
    const mm = monthOf(m[2])
    const year = m[3] ? Number(m[3]) : ref ? nearestYear(mm, ref) : undefined
    if (year !== undefined) add(m, day({ year, month: mm, day: Number(m[1]) }))
  })
  each(`(?<!\\p{L})${MONTH}(?:\\s+${YEAR})?\\b`, (m) => {
    const mm = monthOf(m[1])
    const year = m[2] ? Number(m[2]) : ref ? nearestYear(mm, ref) : undefined
    if (year !== undefined) add(m, month(year, mm))
  })
  // quarters and halves: im vierten Quartal (2024), Q1 2024, im ersten Halbjahr
  each(
    `\\b(?:im\\s+)?(ersten|zweiten|dritten|vierten|[1-4]\\.)\\s+(Quartal|Halbjahr)(?:\\s+${YEAR})?`,
    (m) => {
      const n = QUARTER[m[1].toLowerCase()] ?? Number(m[1][0])
      const months = m[2].toLowerCase() === 'quartal' ? 3 : 6
      if (months === 6 && n > 2) return
      let year = m[3] ? Number(m[3]) : ref?.year
      if (year === undefined) return
      if (!m[3] && ref && (n - 1) * months + 1 > ref.month) year--
      const to = month(year, n * months).to
      add(m, { from: { year, month: (n - 1) * months + 1, day: 1 }, to })
    },
  )
  // seasons: im Herbst 2018, im vergangenen Herbst, diesen Sommer
  each(
    `\\b(?:(vergangenen|letzten|vorigen|diesen|diesem|kommenden|nächsten)\\s+)?(Frühling|Frühjahr|Sommer|Herbst|Winter)(?:\\s+${YEAR})?\\b`,
    (m) => {
      if (ref === undefined && !m[3]) return
      const mod = m[1]?.toLowerCase() ?? ''
      const which = /^(verg|letz|vori)/.test(mod) ? 'last' : /^(komm|näch)/.test(mod) ? 'next' : 'this'
      add(
        m,
        season(
          ref ?? { year: 0, month: 1, day: 1 },
          SEASONS[m[2].toLowerCase()],
          which,
          m[3] ? Number(m[3]) : undefined,
        ),
      )
    },
  )
  // years: im Jahr 2023, seit 2019, für 2025, Budget 2025, "2025 steigt …"
  each(
    `(?:\\b${FISCAL}\\s+|\\b(?:im|in|für|seit|bis|von|ab|um|zwischen|und|nach)\\s+|(?<=(?:^|[\\s(])\\p{Ll}+\\s|^|[,;:(]\\s?))${YEAR}(?![\\d'’-]|[.,]\\d|\\s*(?:Prozent|%|Euro|Franken|Dollar))`,
    (m) => {
      const year = Number(m[1])
      const at = m[0].length - 4
      add(m, wholeYear(year), at)
    },
  )
  // bis Ende 2027, bis Anfang September, bis 2030: from the article's date to then
  if (ref !== undefined) {
    for (const p of [...found]) {
      const before = /\bbis\s+(?:zum\s+|zur\s+|in\s+den\s+|in\s+die\s+)?$/i.exec(text.slice(0, p.index))
      if (before && later(p.to, ref))
        found.unshift({
          from: ref,
          to: p.to,
          index: before.index,
          text: text.slice(before.index, p.index + p.text.length),
        })
    }
    found.push(...relative(text, ref))
  }
  return found
}

function relative(text: string, ref: Day): FoundPeriod[] {
  const found: FoundPeriod[] = []
  const add = (m: RegExpMatchArray, period: Range): void => {
    found.push({ ...period, index: m.index ?? 0, text: m[0] })
  }
  const each = (pattern: string, use: (m: RegExpMatchArray) => void): void => {
    for (const m of text.matchAll(new RegExp(pattern, 'giu'))) use(m)
  }
  // in den vergangenen drei Jahren, in den letzten 24 Stunden, in den kommenden zwei Wochen
  each(
    '\\b(vergangenen|letzten|zurückliegenden|kommenden|nächsten)\\s+(\\d+|\\p{L}+)\\s+(Stunden|Tagen|Wochen|Monaten|Jahren)\\b',
    (m) => {
      const n = count(m[2])
      if (n === undefined) return
      const unit = m[3].toLowerCase()
      const sign = /^(komm|näch)/i.test(m[1]) ? 1 : -1
      const other =
        unit in UNIT_DAYS
          ? addDays(ref, sign * Math.ceil(n * UNIT_DAYS[unit]))
          : addMonths(ref, sign * (unit === 'monaten' ? n : 12 * n))
      add(m, sign < 0 ? { from: other, to: ref } : { from: ref, to: other })
    },
  )
  each(
    '\\b(?:im\\s+)?(vergangenen|letzten|vorigen|laufenden|diesem|dieses|kommenden|nächsten|nächstes|letztes)\\s+(Jahr|Monat|Woche)\\b',
    (m) => {
      const mod = m[1].toLowerCase()
      const step = /^(verg|letz|vori)/.test(mod) ? -1 : /^(komm|näch)/.test(mod) ? 1 : 0
      const unit = m[2].toLowerCase()
      if (unit === 'jahr') add(m, wholeYear(ref.year + step))
      else if (unit === 'monat') {
        const d = addMonths({ ...ref, day: 1 }, step)
        add(m, month(d.year, d.month))
      } else {
        const monday = addDays(ref, -weekdayIndex(ref) + 7 * step)
        add(m, { from: monday, to: addDays(monday, 6) })
      }
    },
  )
  each('\\bim\\s+Vorjahr\\b', (m) => add(m, wholeYear(ref.year - 1)))
  // seit Jahresbeginn, seit Beginn des Jahres: the year so far
  each(
    '\\bseit\\s+(?:Jahresbeginn|Jahresanfang|Jahresstart|(?:Beginn|Anfang)\\s+(?:des|dieses)\\s+Jahres)\\b',
    (m) => add(m, { from: { year: ref.year, month: 1, day: 1 }, to: ref }),
  )
  // in der Nacht zu(m) Mittwoch: the night before that day
  each(`\\bNacht\\s+(?:zu|zum|auf|auf\\s+den)\\s+${WEEKDAY}\\b`, (m) => {
    const d = weekday(ref, m[1].toLowerCase(), false)
    add(m, { from: addDays(d, -1), to: d })
  })
  // am Dienstag, an diesem Dienstagmorgen, seit Montag; "für Donnerstag" is a forecast
  each(`(?:\\b(für|ab)\\s+)?\\b${WEEKDAY}${DAYTIME}\\b`, (m) => {
    const forward = m[1] !== undefined
    const skip = forward ? m[0].length - m[0].replace(/^\S+\s+/, '').length : 0
    found.push({
      ...day(weekday(ref, m[2].toLowerCase(), forward)),
      index: (m.index ?? 0) + skip,
      text: m[0].slice(skip),
    })
  })
  // a clock time in a report is the article's day: bis 14.30 Uhr, 17:05 Uhr
  each('\\b\\d{1,2}(?:[.:]\\d{2})?\\s*Uhr\\b', (m) => add(m, day(ref)))
  // heute, am Morgen, am Nachmittag, seit dem Vormittag, um Mitternacht; über Nacht, in der Nacht
  each(
    '\\b(?:heute|heutigen|am\\s+(?:Morgen|Vormittag|Mittag|Nachmittag|Abend)|(?:seit\\s+dem|dem)\\s+(?:Morgen|Vormittag|Mittag|Nachmittag)|Mitternacht)\\b',
    (m) => add(m, day(ref)),
  )
  each(
    '(?<!\\p{L})(?:über\\s+Nacht|in\\s+der\\s+Nacht|in\\s+der\\s+vergangenen\\s+Nacht|nachts)\\b(?!\\s+(?:zu|zum|auf)\\b)',
    (m) => add(m, { from: addDays(ref, -1), to: ref }),
  )
  return found
}

export const dePeriod: PeriodWords = {
  chrono: 'de',
  phrases: findGermanPeriods,
  joiner: /^\s*(?:bis|-|–|—)\s*$/i,
  and: /^\s*und\s*(?:(?:dem|den)\s+)?$/i,
  since: /\bseit\s+(?:(?:dem|der|den)\s+)?(?:\p{L}+\s+(?:im|am|vom)\s+)?$/iu,
  between: /\b(?:zwischen|von)\s+(?:(?:dem|den)\s+)?$/i,
  duration: /^(?:für|in|innerhalb|binnen|nach|über|während)\b/i,
  // chrono reads the adverb "so" as Sonntag: abbreviated weekdays are left to our own phrases
  relative:
    /^(?:jetzt|nun)$|^(?:mo|di|mi|do|fr|sa|so)\.?$|\b(?:vor|nach|später|früher|zuvor|danach|davor)\b/i,
  // "3,4 Prozent mehr als im gleichen Zeitraum 2025", "gegenüber 1.980 im Vorjahreszeitraum": compared with
  comparison:
    /(?<!\p{L})(?:(?:mehr|weniger|höher|niedriger|größer|kleiner|teurer|billiger|stärker|schwächer|besser|schlechter)\s+als|gegenüber|verglichen\s+mit|im\s+Vergleich\s+zu[mr]?)\s+(?:[\p{L}.-]+\s+){0,4}?$/iu,
  // "wie das Landesamt am Mittwoch in Kallstadt mitteilte": when it was said, not what the figures cover
  said: /\b(?:am|an\s+diesem)\s+(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)(?:morgen|vormittag|mittag|nachmittag|abend)?(?=(?:\s+[\p{L}.-]+){0,4}\s+(?:mitteilte|mitteilten|mit(?=\s*[.,;:])|sagte|sagten|erklärte|erklärten|berichtete|meldete|bekanntgab|ankündigte|veröffentlichte)\b)/giu,
}
