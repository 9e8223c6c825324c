// Runs everywhere: French period phrases read by our own rules, since chrono-node's French parser reads
// weekdays forwards and misses months, years and relative spans: "fin décembre", "mi-mars", "en 2023",
// "d'ici fin 2025", "entre mars et mai", "cet hiver", "au premier trimestre".
import type { Day } from '../dates'
import { addMonths, lastDayOfMonth, nearestYear } from '../dates'
import type { FoundPeriod } from '../period-phrases'
import { B, dayNear, E, FR_MONTH, FR_WEEKDAY, monthOf, re, wholeMonth, wholeYear } from './fr-calendar'
import { relativeFrench } from './fr-relative'

export { FR_MONTH, FR_MONTHS, FR_WEEKDAY } from './fr-calendar'

/**
 * When a statement was made or figures published, not what they cover: "a publié jeudi", "a indiqué
 * mercredi à 7h30", "qui publiait jeudi", "a défendu mardi" (global flag).
 */
export const FR_SAID = new RegExp(
  `${B}(?:(?:a|ont|avait|avaient)\\s+(?:(?:été|aussi|également|encore|déjà)\\s+)?(?:publié|annoncé|indiqué|déclaré|présenté|dévoilé|communiqué|précisé|affirmé|assuré|expliqué|estimé|souligné|rappelé|confirmé|promis|défendu|prévenu|averti|signalé|révélé|fait\\s+savoir|détaillé)e?s?|publiait|publiaient|annonçait|indiquait|présentait)\\s+(?:ce\\s+)?${FR_WEEKDAY}(?:\\s+(?:matin|soir|après-midi))?(?:\\s+à\\s+\\d{1,2}\\s*h\\s*\\d{0,2})?${E}`,
  'giu',
)

/** Just before a date that must lie before the article's: "depuis le 1er janvier". */
const SINCE = /(?:depuis|dès)\s+(?:le\s+)?$/i

const MODIFIER_DAYS: Readonly<Record<string, [number, number]>> = {
  début: [1, 10],
  'mi-': [11, 20],
  mi: [11, 20],
  fin: [21, 31],
}
const ORDINALS: Readonly<Record<string, number>> = {
  premier: 1,
  '1er': 1,
  deuxième: 2,
  '2e': 2,
  second: 2,
  troisième: 3,
  '3e': 3,
  quatrième: 4,
  '4e': 4,
}
const SEASONS: Readonly<Record<string, number>> = { printemps: 3, été: 6, automne: 9, hiver: 12 }

/** Periods in `text` read by French rules; relative ones need `ref` (the article's date). */
export function findFrenchPeriods(text: string, ref: Day | undefined): FoundPeriod[] {
  const found: FoundPeriod[] = []
  const add = (m: RegExpMatchArray, period: { from: Day; to: Day } | undefined, at = 0): void => {
    if (period) found.push({ ...period, index: (m.index ?? 0) + at, text: m[0].slice(at) })
  }
  const yearOr = (y: string | undefined, month: number): number | undefined =>
    y ? Number(y) : ref ? nearestYear(month, ref) : undefined

  // le 5 décembre, mercredi 4 décembre 2024, les 5 et 6 décembre, du 5 au 7 mars
  const DAY = '(1er|\\d{1,2})'
  for (const m of text.matchAll(
    re(
      `${B}(?:${FR_WEEKDAY}\\s+)?${DAY}(?:\\s*(?:et|au|-|–)\\s*${DAY})?\\s+(${FR_MONTH})(?:\\s+(\\d{4}))?${E}`,
    ),
  )) {
    const month = monthOf(m[3])
    const from = Number.parseInt(m[1], 10)
    const to = m[2] ? Number.parseInt(m[2], 10) : from
    if (m[4])
      add(m, { from: { year: Number(m[4]), month, day: from }, to: { year: Number(m[4]), month, day: to } })
    else if (ref) {
      const past = SINCE.test(text.slice(0, m.index))
      add(m, { from: dayNear(month, from, ref, past), to: dayNear(month, to, ref, past) })
    }
  }
  // début mars, mi-mars, fin décembre 2023, courant mai, la première semaine de janvier
  for (const m of text.matchAll(
    re(
      `${B}(?:(début|fin|mi-?|courant)\\s*|(?:la|le)\\s+(première|dernière|seconde|deuxième)\\s+(semaine|quinzaine)\\s+d[e'’]\\s*)(?:d[e'’]\\s*)?(${FR_MONTH})(?:\\s+(\\d{4}))?${E}`,
    ),
  )) {
    const month = monthOf(m[4])
    const year = yearOr(m[5], month)
    if (year === undefined) continue
    const key = (m[1] ?? '').toLowerCase()
    let days: [number, number] = MODIFIER_DAYS[key] ?? [1, 31]
    if (m[2]) {
      const first = m[2].toLowerCase() === 'première'
      const week = m[3].toLowerCase() === 'semaine'
      const last = lastDayOfMonth(year, month)
      days = first
        ? [1, week ? 7 : 15]
        : m[2].toLowerCase() === 'dernière'
          ? [last - (week ? 6 : 14), last]
          : week
            ? [8, 14]
            : [16, 31]
    }
    add(m, wholeMonth(year, month, days[0], days[1]))
  }
  // entre mars et mai, de janvier à avril 2024
  for (const m of text.matchAll(
    re(`${B}(?:entre|de|d['’])\\s*(${FR_MONTH})\\s+(?:et|à)\\s+(${FR_MONTH})(?:\\s+(\\d{4}))?${E}`),
  )) {
    const [first, last] = [monthOf(m[1]), monthOf(m[2])]
    const year = yearOr(m[3], last)
    if (year === undefined) continue
    const from = wholeMonth(first > last ? year - 1 : year, first).from
    add(m, { from, to: wholeMonth(year, last).to })
  }
  // en mars, depuis janvier, mars 2022, en mai 2023
  for (const m of text.matchAll(
    re(`${B}(?:(en|depuis|d[eè]s|au\\s+mois\\s+de)\\s+)?(${FR_MONTH})(?:\\s+(\\d{4}))?${E}`),
  )) {
    if (!m[1] && !m[3]) continue
    const month = monthOf(m[2])
    const since = m[1] !== undefined && /^d/i.test(m[1]) && !m[3] && ref !== undefined
    const year = since ? dayNear(month, 1, ref as Day, true).year : yearOr(m[3], month)
    const at = m[1] && !/^en/i.test(m[1]) ? m[0].length - m[0].slice(m[1].length).trimStart().length : 0
    if (year !== undefined) add(m, wholeMonth(year, month), at)
  }
  // fin 2025 is its last day; d'ici (à) (la) fin 2025, d'ici 2028, jusqu'en 2026 run from the article's date
  for (const m of text.matchAll(
    re(
      `${B}(d['’]ici(?:\\s+à)?(?:\\s+la)?\\s+|jusqu['’]en\\s+|à\\s+l['’]horizon\\s+)?(fin\\s+)?((?:19|20)\\d{2})${E}(?!\\s*[-–]\\s*\\d)`,
    ),
  )) {
    const year = Number(m[3])
    if (m[1] && ref) add(m, { from: ref, to: { year, month: 12, day: 31 } })
    else if (m[2]) add(m, { from: { year, month: 12, day: 31 }, to: { year, month: 12, day: 31 } })
  }
  // en 2023, pour 2025, depuis 2019; entre 2027 et 2030, de 2019 à 2023, 2024-2027
  for (const m of text.matchAll(
    re(
      `${B}(?:entre|de)\\s+((?:19|20)\\d{2})\\s+(?:et|à)\\s+((?:19|20)\\d{2})${E}|${B}((?:19|20)\\d{2})\\s*[-–]\\s*((?:19|20)\\d{2})${E}`,
    ),
  )) {
    const from = Number(m[1] ?? m[3])
    const to = Number(m[2] ?? m[4])
    if (to > from) add(m, { from: wholeYear(from).from, to: wholeYear(to).to })
  }
  for (const m of text.matchAll(
    re(
      `${B}(?:en|pour|durant|pendant|depuis|dès|courant|au\\s+titre\\s+de|(?:(?:pour|sur|durant|pendant|au\\s+cours\\s+de)\\s+)?l['’](?:année|exercice))\\s+((?:19|20)\\d{2})${E}(?!\\s*[-–]\\s*\\d)`,
    ),
  ))
    add(m, wholeYear(Number(m[1])), /^(?:depuis|dès)/i.test(m[0]) ? m[0].length - 4 : 0)
  // les années 1990: the decade
  for (const m of text.matchAll(re(`${B}(?:les\\s+)?années\\s+((?:19|20)\\d0)${E}`)))
    add(m, { from: wholeYear(Number(m[1])).from, to: wholeYear(Number(m[1]) + 9).to })
  // au printemps 2027, cet hiver, l'été dernier
  for (const m of text.matchAll(
    re(
      `${B}(?<!(?:avant|après|jusqu['’]à)\\s+)(?:(?:au|le|du|l['’]|cet|cette|ce|en)\\s*)(printemps|été|automne|hiver)(?:\\s+(\\d{4})|\\s+(dernier|prochain))?${E}`,
    ),
  )) {
    if (!m[2] && !ref) continue
    const season = m[1].toLowerCase()
    const start = SEASONS[season]
    let year = m[2] ? Number(m[2]) : (ref as Day).year
    if (!m[2] && ref) {
      if (season === 'hiver') year = ref.month >= 9 ? ref.year : ref.year - 1
      if (m[3]?.toLowerCase() === 'dernier') year -= season === 'hiver' && ref.month < 9 ? 0 : 1
      if (m[3]?.toLowerCase() === 'dernier' && season !== 'hiver' && ref.month >= start + 3) year += 1
      if (m[3]?.toLowerCase() === 'prochain') year += 1
    }
    const end = addMonths({ year, month: start, day: 1 }, 2)
    add(m, { from: { year, month: start, day: 1 }, to: { ...end, day: lastDayOfMonth(end.year, end.month) } })
  }
  // au premier trimestre 2024, T3 2023, au second semestre
  for (const m of text.matchAll(
    re(
      `${B}(?:(premier|1er|deuxième|2e|second|troisième|3e|quatrième|4e)\\s+(trimestre|semestre)|T([1-4]))(?:\\s+(?:de\\s+)?((?:19|20)\\d{2}))?${E}`,
    ),
  )) {
    const n = m[1] ? ORDINALS[m[1].toLowerCase()] : Number(m[3])
    const months = m[2]?.toLowerCase() === 'semestre' ? 6 : 3
    const year = m[4] ? Number(m[4]) : ref?.year
    if (year === undefined || n < 1 || n * months > 12) continue
    const last = (n * months) as number
    add(m, {
      from: { year, month: last - months + 1, day: 1 },
      to: { year, month: last, day: lastDayOfMonth(year, last) },
    })
  }
  if (ref !== undefined) found.push(...relativeFrench(text, ref))
  return found
}
