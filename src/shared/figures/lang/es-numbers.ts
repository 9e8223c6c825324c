// Runs everywhere: Spanish numbers as written: a full stop or a space groups thousands (10.456, 6.750.000,
// 10 456 with U+00A0 or U+202F), a comma marks decimals (8,2); and number words ("veintitrés", "treinta y
// cinco", "doscientas", "un millón y medio", "dos tercios", "la mitad", "media hora", "el triple").
// Callers pass lower-case words, with glued hyphens as their own `-` items.
import type { NumberWords } from '../number-words'

/** 10.456,5 and 10 456,5 (plain, no-break or narrow no-break spaces), then plain 4,2 and 4. */
export const SPANISH_NUMBERS = [
  '\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?(?![\\d.]\\d)',
  '\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?:,\\d+)?(?!\\d)',
  '\\d+(?:,\\d+)?',
]

/** `10.456,5` → `10456.5`. */
export const normalizeSpanishDigits = (text: string): string => text.replace(/[.\s]/g, '').replace(',', '.')

const UNITS: Readonly<Record<string, number>> = {
  cero: 0,
  uno: 1,
  una: 1,
  un: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciséis: 16,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  veintiuno: 21,
  veintiuna: 21,
  veintiún: 21,
  veintidós: 22,
  veintidos: 22,
  veintitrés: 23,
  veintitres: 23,
  veinticuatro: 24,
  veinticinco: 25,
  veintiséis: 26,
  veintiseis: 26,
  veintisiete: 27,
  veintiocho: 28,
  veintinueve: 29,
}

const TENS: Readonly<Record<string, number>> = {
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  sesenta: 60,
  setenta: 70,
  ochenta: 80,
  noventa: 90,
}

/** cien, ciento, doscientos/doscientas … novecientos/novecientas. */
const HUNDREDS: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries({
    cien: 100,
    ciento: 100,
    doscient: 200,
    trescient: 300,
    cuatrocient: 400,
    quinient: 500,
    seiscient: 600,
    setecient: 700,
    ochocient: 800,
    novecient: 900,
  }).flatMap(([stem, value]) =>
    value === 100 ? [[stem, value]] : [`${stem}os`, `${stem}as`].map((w) => [w, value]),
  ),
)

const SCALES: Readonly<Record<string, number>> = {
  mil: 1e3,
  millón: 1e6,
  millon: 1e6,
  millones: 1e6,
  billón: 1e12,
  billon: 1e12,
  billones: 1e12,
}

/** "una docena", "un centenar", "un millar": a round number said as a noun. */
const ROUND: Readonly<Record<string, number>> = {
  decena: 10,
  docena: 12,
  veintena: 20,
  treintena: 30,
  cuarentena: 40,
  centenar: 100,
  millar: 1000,
}

const DENOMINATORS: Readonly<Record<string, number>> = {
  tercio: 3,
  tercios: 3,
  cuarto: 4,
  cuartos: 4,
  quinto: 5,
  quintos: 5,
  sexto: 6,
  sextos: 6,
  octavo: 8,
  octavos: 8,
  décimo: 10,
  décimos: 10,
}

/** "una tercera parte", "dos terceras partes". */
const PART_ORDINALS: Readonly<Record<string, number>> = {
  tercera: 3,
  terceras: 3,
  cuarta: 4,
  cuartas: 4,
  quinta: 5,
  quintas: 5,
  sexta: 6,
  sextas: 6,
  octava: 8,
  octavas: 8,
  décima: 10,
  décimas: 10,
}

/** "el doble", "el triple": a multiple, read as its factor. */
const MULTIPLES: Readonly<Record<string, number>> = { doble: 2, triple: 3, cuádruple: 4, quíntuple: 5 }

/** Words "medio"/"media" make half of: "media hora", "medio millón", "media docena". */
const HALVED = new Set([
  'hora',
  'día',
  'jornada',
  'semana',
  'mes',
  'año',
  'siglo',
  'kilo',
  'kilómetro',
  'metro',
  'litro',
  'punto',
  'docena',
  'millón',
  'centenar',
  'millar',
])

const ONE = new Set(['un', 'una', 'uno'])

export const isSpanishNumberWord = (word: string): boolean =>
  (word in UNITS && !ONE.has(word)) || word in TENS || word in HUNDREDS || word in SCALES

/**
 * "un"/"una" is the article unless a scale, a round noun or a fraction follows ("un millón", "un tercio");
 * "uno" and "una" are pronouns unless "de cada" follows ("uno de cada tres", "una de cada cinco").
 */
function startsNumber(words: readonly string[]): boolean {
  const [word, next, third] = words
  if (ONE.has(word)) {
    // "una de cada tres urgencias": the feminine shares out feminine nouns the same way
    if (next === 'de' && third === 'cada' && word !== 'un') return true
    if (word === 'uno') return false
    return (
      next !== undefined && (next in SCALES || next in ROUND || next in DENOMINATORS || next in PART_ORDINALS)
    )
  }
  if (word === 'medio' || word === 'media') return next !== undefined && HALVED.has(next)
  // "el triple", and "más del triple" (de + el)
  if ((word === 'la' && next === 'mitad') || ((word === 'el' || word === 'del') && next in MULTIPLES))
    return true
  return (word in UNITS && word !== 'cero') || word in TENS || word in HUNDREDS || word === 'mil'
}

/**
 * Reads the longest Spanish number at the start of `words`; `used` counts the items consumed. With
 * `fractions: false`, denominators end the number instead.
 */
export function parseSpanishNumberWords(words: readonly string[], fractions = true): NumberWords | undefined {
  if (words.length === 0 || !startsNumber(words)) return undefined
  const [first, second] = words
  if (first === 'la') return fractions ? { value: 0.5, used: 2, fraction: true } : undefined
  if (first === 'el' || first === 'del')
    return fractions ? { value: MULTIPLES[second], used: 2, fraction: true } : undefined
  // "un cuarto intento", "una quinta reunión": an ordinal after the article, not a count of one
  if (!fractions && ONE.has(first) && (second in DENOMINATORS || second in PART_ORDINALS)) return undefined
  if (first === 'medio' || first === 'media') {
    // "medio millón" is 500 000; "media hora", "media docena" are half of what follows
    if (second in SCALES) return { value: SCALES[second] / 2, used: 2, fraction: false }
    if (second in ROUND) return { value: ROUND[second] / 2, used: 2, fraction: false }
    return { value: 0.5, used: 1, fraction: false }
  }
  if (ONE.has(first) && second === 'de') return { value: 1, used: 1, fraction: false }
  let total = 0
  let current = 0
  let lastScale = Infinity
  let last: 'none' | 'unit' | 'tens' | 'hundred' | 'scale' | 'and' = 'none'
  let used = 0
  for (; used < words.length; used++) {
    const word = words[used]
    const next = words[used + 1] ?? ''
    if (word in UNITS && (last === 'none' || last === 'hundred' || last === 'scale' || last === 'and')) {
      if (last === 'and' && UNITS[word] >= 10) break
      current += UNITS[word]
      last = 'unit'
    } else if (word in TENS && (last === 'none' || last === 'hundred' || last === 'scale')) {
      current += TENS[word]
      last = 'tens'
    } else if (word in HUNDREDS && (last === 'none' || last === 'scale') && current === 0) {
      current = HUNDREDS[word]
      last = 'hundred'
    } else if (word === 'y' && last === 'tens' && next in UNITS && UNITS[next] < 10 && UNITS[next] > 0) {
      last = 'and'
    } else if (word in SCALES && SCALES[word] < lastScale && last !== 'and') {
      total += (current || 1) * SCALES[word]
      current = 0
      lastScale = SCALES[word]
      last = 'scale'
    } else if (word in SCALES && word !== 'mil' && lastScale === 1e3 && last === 'scale') {
      // "dos mil millones": a thousand million
      total *= SCALES[word]
      lastScale = 1e3 * SCALES[word]
    } else if (word in ROUND && used === 1 && ONE.has(first)) {
      return { value: ROUND[word], used: 2, fraction: false }
    } else if (word === 'y' && (next === 'medio' || next === 'media') && last !== 'none') {
      // "un millón y medio", "tres y media"
      if (last === 'scale') total += lastScale / 2
      else current += 0.5
      used += 2
      break
    } else if (word in DENOMINATORS && fractions && total === 0 && last === 'unit') {
      return { value: current / DENOMINATORS[word], used: used + 1, fraction: true }
    } else if (word in PART_ORDINALS && fractions && total === 0 && last === 'unit') {
      const partWord = words[used + 1]
      // "una quinta reunión": an ordinal after the article, not a count of one
      if (partWord !== 'parte' && partWord !== 'partes' && used === 1 && ONE.has(first)) return undefined
      if (partWord !== 'parte' && partWord !== 'partes') break
      return { value: current / PART_ORDINALS[word], used: used + 2, fraction: true }
    } else break
  }
  if (last === 'none' || last === 'and') {
    if (last === 'and') used--
    else return undefined
  }
  if (total + current === 0) return undefined
  return { value: total + current, used, fraction: false }
}
