// Runs everywhere: FIELD YEARS (period round 13, conventions §22). A split year written with its field's noun is
// that field's year, not two calendar years: "the 2025/26 school year", "l'année scolaire 2026-2027", "el curso
// 2025-2026", "Schuljahr 2027/28", "у 2025/26 навчальному році" run September–August; "Wintersaison 2025/26",
// "зимовий сезон 2025/26" December–February; a grain marketing year ("2024/25 маркетингового року", "marketing
// year", "Wirtschaftsjahr") July–June; an olive or crop campaign ("la campaña 2025/26", "campagne oléicole")
// October–September; a season of play ("the 2025/26 season", "в сезоне 2026/27", "temporada 2025/26") July–June,
// or from the day the article says it began. A later bare field noun ("the season", "la campaña", "по итогам
// сезона", "навчального року") points back to the last split year of that field the article named. Read on the
// sentence's words as written (the split year may look like a figure) in all six languages.
import type { Day } from './dates'
import { addDays, lastDayOfMonth } from './dates'
import type { FoundPeriod } from './period-phrases'

type Field = { name: string; noun: string; month: number }

/** Each field's nouns (any of the six languages) and the month its year starts in. Winter before season. */
const FIELDS: Field[] = [
  {
    name: 'school',
    noun: 'school\\s+year|academic\\s+year|année\\s+(?:scolaire|universitaire)|curso(?:\\s+(?:escolar|académico))?|año\\s+(?:escolar|académico)|Schuljahr\\p{L}*|Studienjahr\\p{L}*|навчальн\\p{L}*(?:\\s+р(?:ік|оку|оці))?|учебн\\p{L}*(?:\\s+год\\p{L}*)?',
    month: 9,
  },
  {
    name: 'winter',
    noun: "winter\\s+season|ski\\s+season|saison\\s+(?:d[’']hiver|hivernale)|temporada\\s+(?:de\\s+invierno|invernal|de\\s+esquí)|Wintersaison|Skisaison|Wintersportsaison|зимов\\p{L}*\\s+сезон\\p{L}*|зимн\\p{L}*\\s+сезон\\p{L}*|горнолыжн\\p{L}*\\s+сезон\\p{L}*",
    month: 12,
  },
  {
    name: 'marketing',
    noun: 'marketing\\s+year|campagne\\s+de\\s+commercialisation|campaña\\s+de\\s+comercialización|Wirtschaftsjahr\\p{L}*|Vermarktungsjahr\\p{L}*|маркетингов\\p{L}*(?:\\s+р(?:ік|оку|оці)|\\s+год\\p{L}*)?|сельскохозяйственн\\p{L}*\\s+год\\p{L}*|сельхозгод\\p{L}*',
    month: 7,
  },
  {
    name: 'crop',
    noun: 'crop\\s+year|harvest\\s+year|olive\\s+(?:season|campaign)|campagne(?:\\s+(?:oléicole|agricole|sucrière|betteravière))?|campaña(?:\\s+(?:oleícola|agrícola|de\\s+aceite|citrícola))?|Erntejahr\\p{L}*',
    month: 10,
  },
  {
    name: 'season',
    noun: 'season|saison|temporada|Saison|Spielzeit|сезон(?:а|е|у|ом|і)?',
    month: 7,
  },
]

const SPLIT = String.raw`(?<![\d./])((?:19|20)\d{2})\s*[/–-]\s*((?:19|20)?\d{2})(?!\d|[./]\d)`
const fieldRe = (f: Field): RegExp =>
  new RegExp(
    `(?<![\\p{L}])(?:(?:${f.noun})\\s+(?:(?:de|del|des|of|von|des|года|року)\\s+)?${SPLIT}|${SPLIT}(?:\\s+(?:[\\p{L}-]+\\s+){0,1}?)(?:${f.noun}))(?![\\p{L}])`,
    'giu',
  )
const FIELD_RES = FIELDS.map((f) => ({ field: f, re: fieldRe(f) }))
/** A bare field noun pointing back ("the season", "la campaña", "по итогам сезона", "навчального року"). */
const BARE_RES = FIELDS.map((f) => ({
  field: f,
  re: new RegExp(
    `(?<![\\p{L}])(?:${f.noun})(?![\\p{L}])(?!\\s*(?:(?:de|del|of|von)\\s+)?(?:19|20)\\d{2})`,
    'giu',
  ),
}))

/** "began on 1 July", "Saisonbeginn am 1. November", "стартував 1 липня": the day a season began. */
const BEGAN =
  /(?<![\p{L}])(?:began|started|opened|kicked\s+off|a\s+(?:débuté|commencé)|(?:a\s+)?démarré|comenzó|empezó|arrancó|se\s+inició|begann|startete|Saisonbeginn|Saisonstart|почав\p{L}*|розпочав\p{L}*|стартував\p{L}*|началс\p{L}*|стартовал\p{L}*|открыл\p{L}*)(?![\p{L}])[^.;\d]{0,12}?(\d{1,2})\.?\s*(?:de\s+)?(\p{L}+)/iu

const MONTH_STEMS: [RegExp, number][] = [
  [/^(?:jan|janv|ene|jän|січ|январ|січн)/iu, 1],
  [/^(?:feb|févr|fév|лют|феврал)/iu, 2],
  [/^(?:mar(?!i)|mär|берез|март)/iu, 3],
  [/^(?:apr|avr|abr|квіт|апрел)/iu, 4],
  [/^(?:may|mai|mayo|трав|ма[йяю])/iu, 5],
  [/^(?:jun|juin|черв|июн)/iu, 6],
  [/^(?:jul|juil|лип|июл)/iu, 7],
  [/^(?:aug|août|ago|серп|август)/iu, 8],
  [/^(?:sep|sept|верес|сентябр)/iu, 9],
  [/^(?:oct|okt|жовт|октябр)/iu, 10],
  [/^(?:nov|листопад|ноябр)/iu, 11],
  [/^(?:dec|déc|dic|dez|груд|декабр)/iu, 12],
]

const PREVIOUS =
  /(?<![\p{L}])(?:last|previous|next|dernière|prochaine|précédente|vergangenen|letzten|nächsten|kommenden|минул\p{L}*|попередн\p{L}*|наступн\p{L}*|прошл\p{L}*|предыдущ\p{L}*|следующ\p{L}*|будущ\p{L}*)\s+$/iu
const PREVIOUS_AFTER =
  /^\s+(?:pasad[oa]|anterior|próxim[oa]|que\s+viene|dernière|précédente|prochaine|passée)(?![\p{L}])/iu

type Named = { field: string; from: Day; to: Day; at: number }

const span = (
  first: number,
  month: number,
  began?: { month: number; day: number },
): { from: Day; to: Day } => {
  const from: Day = began
    ? { year: first, month: began.month, day: began.day }
    : { year: first, month, day: 1 }
  if (month === 12 && !began)
    return { from, to: { year: first + 1, month: 2, day: lastDayOfMonth(first + 1, 2) } }
  const next: Day = { year: first + 1, month: from.month, day: from.day }
  return { from, to: addDays(next, -1) }
}

const cache = new Map<string, Named[]>()

/** Every split year of a field the article names, in order (cached per text). */
function namedFields(text: string): Named[] {
  const hit = cache.get(text)
  if (hit) return hit
  const found: Named[] = []
  const taken: [number, number][] = []
  for (const { field, re } of FIELD_RES) {
    for (const m of text.matchAll(re)) {
      if (taken.some(([a, b]) => m.index < b && a < m.index + m[0].length)) continue
      const y1 = m[1] ?? m[3]
      const y2raw = m[2] ?? m[4]
      const first = Number(y1)
      const second = Number(y2raw.length === 2 ? y1.slice(0, 2) + y2raw : y2raw)
      if (second !== first + 1) continue
      taken.push([m.index, m.index + m[0].length])
      // a season of play: from the day the article says it began, if it says so
      let began: { month: number; day: number } | undefined
      if (field.name === 'season') {
        const b = [...text.matchAll(new RegExp(BEGAN.source, 'giu'))].find((x) =>
          /saison|season|temporada|сезон/iu.test(
            text.slice(Math.max(0, x.index - 80), x.index + x[0].length),
          ),
        )
        const month = b ? MONTH_STEMS.find(([stem]) => stem.test(b[2]))?.[1] : undefined
        if (b && month !== undefined) began = { month, day: Number(b[1]) }
      }
      found.push({ field: field.name, ...span(first, field.month, began), at: m.index })
    }
  }
  found.sort((a, b) => a.at - b.at)
  if (cache.size > 16) cache.clear()
  cache.set(text, found)
  return found
}

/**
 * The field years of the sentence from `start` to `end` of `text` (offsets into the sentence): a split year with
 * its field noun, and a bare field noun after one (the last of that field named before it).
 */
export function fieldPeriods(text: string, start: number, end: number): FoundPeriod[] {
  const named = namedFields(text)
  if (named.length === 0) return []
  const slice = text.slice(start, end)
  const found: FoundPeriod[] = []
  for (const { re } of FIELD_RES)
    for (const m of slice.matchAll(re)) {
      const n = named.find((x) => x.at === start + m.index)
      if (n) found.push({ from: n.from, to: n.to, index: m.index, text: m[0] })
    }
  for (const { field, re } of BARE_RES)
    for (const m of slice.matchAll(re)) {
      if (found.some((p) => p.index <= m.index && m.index < p.index + p.text.length)) continue
      // "last season", "la campaña pasada", "прошлого сезона": another year than the one named
      const word = slice.slice(Math.max(0, m.index - 14), m.index)
      if (PREVIOUS.test(word) || PREVIOUS_AFTER.test(slice.slice(m.index + m[0].length))) continue
      const fields = field.name === 'season' ? ['season', 'winter'] : [field.name]
      const prior = named.filter((x) => fields.includes(x.field) && x.at < start + m.index).pop()
      if (prior) found.push({ from: prior.from, to: prior.to, index: m.index, text: m[0] })
    }
  return found
}
