// Runs everywhere: the Ukrainian period phrases chrono-node misses or misreads: months and seasons without a
// year ("у вересні", "навесні", "торік восени"), "на початку серпня", "з 1 липня", "за минулу добу",
// "вночі", "у вівторок", "у третьому кварталі", "до кінця 2025 року", "від початку вторгнення".
import type { Day } from '../dates'
import { lastDayOfMonth, nearestYear } from '../dates'
import type { FoundPeriod } from '../period-phrases'
import type { PeriodWords } from './types'
import type { Range } from './uk-period-ranges'
import { L, R, before, clip, month, re, year } from './uk-period-ranges'
import { relativePeriods } from './uk-periods-relative'

/** Month names in the cases a date takes: nominative, genitive, dative, locative, instrumental. */
const MONTH_FORMS = [
  'січень січня січню січні січнем',
  'лютий лютого лютому лютим',
  'березень березня березню березні березнем',
  'квітень квітня квітню квітні квітнем',
  'травень травня травню травні травнем',
  'червень червня червню червні червнем',
  'липень липня липню липні липнем',
  'серпень серпня серпню серпні серпнем',
  'вересень вересня вересню вересні вереснем',
  'жовтень жовтня жовтню жовтні жовтнем',
  'листопад листопада листопаду листопаді листопадом',
  'грудень грудня грудню грудні груднем',
]
const MONTH_INDEX = new Map(
  MONTH_FORMS.flatMap((forms, k) => forms.split(' ').map((f) => [f, k + 1] as const)),
)
const MONTH = `(${[...MONTH_INDEX.keys()].join('|')})`
const monthOf = (word: string): number => MONTH_INDEX.get(word.toLowerCase()) ?? 0
const YEAR = '(?:\\s+((?:19|20)\\d{2})(?:\\s*(?:року|р\\.|рік)|-го)?)?'
// Which days of a month a modifier covers: на початку 1–10, в середині 11–20, наприкінці 21–end.
const MODIFIER =
  '(на\\s+початку|на\\s+початок|початок|початку|у\\s+середині|в\\s+середині|середина|середини|наприкінці|' +
  'в\\s+кінці|у\\s+кінці|на\\s+кінець|під\\s+кінець|кінець|кінця|у\\s+першій\\s+половині|у\\s+другій\\s+половині|' +
  'першого\\s+тижня|у\\s+перший\\s+тиждень|в\\s+перший\\s+тиждень|протягом\\s+першого\\s+тижня)'
const modifierDays = (m: string): [number, number | undefined] =>
  /середин/i.test(m)
    ? [11, 20]
    : /кін/i.test(m)
      ? [21, undefined]
      : /першій/i.test(m)
        ? [1, 15]
        : /другій/i.test(m)
          ? [16, undefined]
          : /тиж/i.test(m)
            ? [1, 7]
            : [1, 10]

const SEASONS: readonly [RegExp, number][] = [
  [/^(?:навесні|весною|весна|весни|весну)$/i, 3],
  [/^(?:влітку|улітку|літом|літо|літа)$/i, 6],
  [/^(?:восени|осінь|осені|осінню)$/i, 9],
  [/^(?:взимку|узимку|зимою|зима|зими|зиму)$/i, 12],
]
const season = (y: number, start: number): Range => ({
  from: { year: y, month: start, day: 1 },
  to: start === 12 ? month(y + 1, 2).to : month(y, start + 2).to,
})
/** The season (by its first month) a modifier names, relative to `ref`. */
function seasonFor(start: number, modifier: string, explicit: number | undefined, ref: Day): Range {
  if (explicit !== undefined) return season(explicit, start)
  const starts = (y: number): Day => ({ year: y, month: start, day: 1 })
  let latest = before(ref, starts(ref.year)) ? ref.year - 1 : ref.year
  if (/^(?:минул|торік|торішн)/i.test(modifier)) {
    if (/^тор/i.test(modifier)) return season(ref.year - 1, start)
    if (!before(season(latest, start).to, ref)) latest--
  } else if (/^наступн/i.test(modifier)) latest++
  else if (/^(?:цьог|ціє|цей|ця)/i.test(modifier) && start !== 12) latest = ref.year
  return season(latest, start)
}

const QUARTERS: Readonly<Record<string, number>> = { перш: 1, друг: 2, трет: 3, четверт: 4 }

function findUkPeriods(text: string, ref: Day | undefined): FoundPeriod[] {
  const found: FoundPeriod[] = []
  const add = (m: RegExpMatchArray, r: (Range & { implicit?: boolean }) | undefined, skip = 0): void => {
    if (r) found.push({ ...r, index: (m.index ?? 0) + skip, text: m[0].slice(skip).trim() })
  }
  const yearOf = (explicit: string | undefined, m: number): number | undefined =>
    explicit ? Number(explicit) : ref ? nearestYear(m, ref) : undefined
  // "на початку серпня", "наприкінці грудня 2024 року"
  for (const m of text.matchAll(re(`${L}${MODIFIER}\\s+${MONTH}${YEAR}${R}`))) {
    const mo = monthOf(m[2])
    const y = yearOf(m[3], mo)
    const [fromDay, toDay] = modifierDays(m[1])
    // without a year it is implicit: the latest begun, or the coming one in a forecast (period-find.ts)
    const r = mo > 0 && y !== undefined ? month(y, mo, fromDay, toDay) : undefined
    // (the article's own month stays as read: "на кінець листопада" written in November)
    const current = ref !== undefined && y === ref.year && mo === ref.month
    if (r) add(m, m[3] || current ? r : { ...r, implicit: true })
  }
  // "з березня до липня 2023 року", "у січні–вересні", "між березнем і травнем"
  const span = `${L}(?:(?:з|із|від|між)\\s+|(?:у|в)\\s+)?${MONTH}\\s*(?:[-–—]|\\s(?:до|по|і|й|та)\\s)\\s*${MONTH}${YEAR}${R}`
  for (const m of text.matchAll(re(span))) {
    const [a, b] = [monthOf(m[1]), monthOf(m[2])]
    const yb = yearOf(m[3], b)
    if (a === 0 || b === 0 || yb === undefined) continue
    const ya = a <= b ? yb : yb - 1
    add(m, clip({ from: month(ya, a).from, to: month(yb, b).to }, ref))
  }
  // "13 березня" with no year: the nearest one to the article's date ("на завтра, 13 березня")
  for (const m of text.matchAll(re(`${L}(\\d{1,2})(?:-го)?\\s+${MONTH}(?!\\s+(?:19|20)\\d{2})${R}`))) {
    const mo = monthOf(m[2])
    const day = Number(m[1])
    const opener = text.slice(Math.max(0, (m.index ?? 0) - 4), m.index)
    if (mo === 0 || !ref || day < 1 || /(?:з|із|від)\s+$/iu.test(opener)) continue
    const y = nearestYear(mo, ref)
    if (day <= lastDayOfMonth(y, mo))
      add(m, { from: { year: y, month: mo, day }, to: { year: y, month: mo, day } })
  }
  // "з 1 липня", "від 24 лютого 2022 року": since a day
  for (const m of text.matchAll(
    re(`${L}(?:з|із|від|починаючи\\s+з)\\s+(\\d{1,2})(?:-го)?\\s+${MONTH}${YEAR}${R}(?!\\s*(?:до|по)\\s)`),
  )) {
    const mo = monthOf(m[2])
    const y = yearOf(m[3], mo)
    if (mo === 0 || y === undefined || !ref) continue
    const from = { year: y, month: mo, day: Number(m[1]) }
    if (before(from, ref)) add(m, { from, to: ref })
  }
  // a month alone: "у вересні", "в серпні 2023 року", "з березня" (since March)
  for (const m of text.matchAll(
    re(`${L}(?<!\\d(?:-го)?\\s*)(?:(з|із|від)\\s+|(?:у|в)\\s+)?${MONTH}${YEAR}${R}`),
  )) {
    const mo = monthOf(m[2])
    const y = yearOf(m[3], mo)
    if (mo === 0 || y === undefined) continue
    const r = month(y, mo)
    add(m, m[1] && ref && before(r.from, ref) ? { from: r.from, to: ref } : clip(r, ref))
  }
  // "бюджет-2025": the budget of a year
  for (const m of text.matchAll(re(`${L}бюджет\\p{L}*[-–]((?:19|20)\\d{2})${R}`))) add(m, year(Number(m[1])))
  // seasons: "навесні", "торік восени", "минулого літа", "наступної весни", "восени 2022-го"
  const seasonWord =
    '(навесні|весною|весна|весни|весну|влітку|улітку|літом|літо|літа|восени|осінь|осені|взимку|узимку|зимою|зима|зими|зиму)'
  const modifier =
    '(?:(торік|минулого|минулої|минулий|минула|цього|цієї|цей|ця|наступного|наступної|торішньої|торішнього)\\s+)?'
  for (const m of text.matchAll(re(`${L}${modifier}${seasonWord}(?:\\s+(торік))?${YEAR}${R}`))) {
    const start = SEASONS.find(([p]) => p.test(m[2]))?.[1]
    if (start === undefined || (!ref && !m[4])) continue
    // a season still running on the article's date ends there
    add(m, clip(seasonFor(start, m[1] ?? m[3] ?? '', m[4] ? Number(m[4]) : undefined, ref as Day), ref))
  }
  // years: "у 2021 році", "на 2024 рік", "з 2014 року" (since), "до 2032 року" (until), "2022-го"
  for (const m of text.matchAll(
    re(
      `${L}(?:(з|із|від|до|до\\s+кінця)\\s+)?((?:19|20)\\d{2})(?:\\s*(?:року|рік|році|р\\.)|-(?:го|му))${R}`,
    ),
  )) {
    const y = Number(m[2])
    const opener = (m[1] ?? '').toLowerCase()
    if (opener.startsWith('до')) add(m, ref && ref.year <= y ? { from: ref, to: year(y).to } : undefined)
    else if (opener) add(m, ref && ref.year >= y ? { from: year(y).from, to: ref } : year(y))
    else add(m, year(y))
  }
  // "у третьому кварталі (2024 року)", "у першому півріччі"
  for (const m of text.matchAll(
    re(`${L}(?:у|в)\\s+(перш|друг|трет|четверт)\\p{L}*\\s+(кварта|півріч)\\p{L}*${YEAR}${R}`),
  )) {
    const q = QUARTERS[m[1].toLowerCase()]
    const half = m[2].toLowerCase().startsWith('півріч')
    const [first, months] = half ? [(q - 1) * 6 + 1, 6] : [(q - 1) * 3 + 1, 3]
    if (half && q > 2) continue
    let y = m[3] ? Number(m[3]) : ref?.year
    if (y === undefined) continue
    if (!m[3] && ref && ref.month < first) y--
    add(m, { from: month(y, first).from, to: month(y, first + months - 1).to })
  }
  if (ref) found.push(...relativePeriods(text, ref))
  return found
}

export const ukPeriod: PeriodWords = {
  chrono: 'uk',
  phrases: findUkPeriods,
  joiner: /^\s*(?:до|по|-|–|—)\s*$/i,
  and: /^\s*(?:і|й|та)\s*$/i,
  // "з 2014 року"; "з моменту запуску коридору в серпні 2023 року"
  since:
    /(?<!\p{L})(?:(?:з|із|зі|від|починаючи\s+з)|(?:з|із|від)\s+(?:моменту|часу|початку)(?:\s+[\p{L}'’-]+){1,6}(?:\s+(?:в|у))?)\s$/iu,
  between: /(?<!\p{L})(?:між|від|з|із)\s+$/iu,
  comparison:
    /(?<!\p{L})(?:ніж|порівняно\s+з(?:\s+(?:тим\s+самим|аналогічним)\s+період\p{L}*)?|проти|у\s+порівнянні\s+з)\s+(?:[\p{L}'’-]+\s+){0,3}?$/iu,
  duration: /^(?:протягом|впродовж|за|через|на|упродовж)\s/i,
  // "тиждень тому" (a week ago) is a comparison point; chrono reads "у сер(едньому)" as August
  relative:
    /(?:тому|пізніше|раніше|згодом)$|^(?:зараз|нині|тепер)$|^(?:цей|той)\s+час|^(?:[ув]\s+)?(?:січ|лют|бер|квіт?|трав?|черв?|лип|серп?|вер|жовт?|лист?|груд?)\.?$/i,
}
