// Runs everywhere: reads Ukrainian number words in every case they take ("п'ять", "п'яти", "п'ятьма",
// "двадцять мільйонів", "дві тисячі п'ятсот", "дві третини", "півтора мільйона", "кожна третя").
import type { NumberWords } from '../number-words'
import { numberTable, slavicNumberReader } from './slavic-numbers'

const { table, add } = numberTable()

add('unit', 0, 'нуль нуля нулю')
add('unit', 1, 'один одна одне одно одного одної одному одній одним одною одну')
add('unit', 2, 'два дві двох двом двома двоє')
add('unit', 3, 'три трьох трьом трьома троє')
add('unit', 4, 'чотири чотирьох чотирьом чотирма четверо')
const nine = [
  [5, "п'ять п'яти п'ятьох п'ятьом п'ятьма п'ятьома п'ятеро"],
  [6, 'шість шести шістьох шістьом шістьма шістьома шестеро'],
  [7, 'сім семи сімох сімом сімома семеро'],
  [8, 'вісім восьми вісьмох вісьмом вісьма вісьмома восьмеро'],
  [9, "дев'ять дев'яти дев'ятьох дев'ятьом дев'ятьма дев'ятьома дев'ятеро"],
] as const
for (const [value, forms] of nine) add('unit', value, forms)
// десять and the -надцять/-дцять words share one declension: -ь, -и, -ьох, -ьом, -ьма, -ьома
const declined = (stem: string): string =>
  ['ь', 'и', 'ьох', 'ьом', 'ьма', 'ьома'].map((e) => stem + e).join(' ')
add('teen', 10, `${declined('десят')} десятеро`)
const TEENS = [
  'одинадцят',
  'дванадцят',
  'тринадцят',
  'чотирнадцят',
  "п'ятнадцят",
  'шістнадцят',
  'сімнадцят',
  'вісімнадцят',
  "дев'ятнадцят",
]
TEENS.forEach((stem, k) => add('teen', 11 + k, declined(stem)))
add('tens', 20, declined('двадцят'))
add('tens', 30, declined('тридцят'))
add('tens', 40, 'сорок сорока')
add('tens', 50, "п'ятдесят п'ятдесяти п'ятдесятьох п'ятдесятьма п'ятдесятьома")
add('tens', 60, 'шістдесят шістдесяти шістдесятьох шістдесятьма шістдесятьома')
add('tens', 70, 'сімдесят сімдесяти сімдесятьох сімдесятьма сімдесятьома')
add('tens', 80, 'вісімдесят вісімдесяти вісімдесятьох вісімдесятьма вісімдесятьома')
add('tens', 90, "дев'яносто дев'яноста")
add('hundreds', 100, 'сто ста')
add('hundreds', 200, 'двісті двохсот двомстам двомастами двохстах')
add('hundreds', 300, 'триста трьохсот трьомстам трьомастами трьохстах')
add('hundreds', 400, 'чотириста чотирьохсот чотирьомстам чотирмастами чотирьохстах')
const HUNDREDS = [
  [500, "п'ятсот п'ятисот п'ятистам п'ятьмастами п'ятистах"],
  [600, 'шістсот шестисот шестистам шістьмастами шестистах'],
  [700, 'сімсот семисот семистам сьомастами семистах'],
  [800, 'вісімсот восьмисот восьмистам вісьмастами восьмистах'],
  [900, "дев'ятсот дев'ятисот дев'ятистам дев'ятьмастами дев'ятистах"],
] as const
for (const [value, forms] of HUNDREDS) add('hundreds', value, forms)
const scale = (stem: string): string =>
  ['', 'а', 'у', 'ом', 'і', 'и', 'ів', 'ам', 'ами', 'ах'].map((e) => stem + e).join(' ')
// "десяток" (a ten, said as a noun like "a dozen"): its nominal value, read alone
add('scale', 10, 'десяток десятка десятку десятком десятці')
add('scale', 1e3, 'тисяча тисячі тисяч тисячу тисячею тисячам тисячами тисячах')
add('scale', 1e6, scale('мільйон'))
add('scale', 1e9, scale('мільярд'))
add('scale', 1e12, scale('трильйон'))

/** Fraction nouns: "третина", "чверть", "половина" (never adjectives, so no noun may follow by mistake). */
const DENOMINATORS = new Map<string, number>()
for (const [value, forms] of [
  [2, 'половина половини половину половиною половині'],
  [3, 'третина третини третину третиною третині'],
  [4, 'чверть чверті чвертю'],
  [5, "п'ятина п'ятини п'ятину"],
  [10, 'десятина десятини десятину'],
] as const)
  for (const form of forms.split(' ')) DENOMINATORS.set(form, value)

/** "кожен третій" (every third): the ordinal's stem and the share it means. */
const EVERY = new Set('кожен кожна кожне кожний кожного кожної кожному кожній'.split(' '))
const ORDINALS: readonly [RegExp, number][] = [
  [/^друг(ий|а|е|у|ого|ої|ому|ій)$/, 2],
  [/^трет(ій|я|є|ю|ього|ьої|ьому)$/, 3],
  [/^четверт(ий|а|е|у|ого|ої|ому|ій)$/, 4],
  [/^п'ят(ий|а|е|у|ого|ої|ому|ій)$/, 5],
  [/^шост(ий|а|е|у|ого|ої|ому|ій)$/, 6],
  [/^сьом(ий|а|е|у|ого|ої|ому|ій)$/, 7],
  [/^восьм(ий|а|е|у|ого|ої|ому|ій)$/, 8],
  [/^дев'ят(ий|а|е|у|ого|ої|ому|ій)$/, 9],
  [/^десят(ий|а|е|у|ого|ої|ому|ій)$/, 10],
]
/** "півтора мільйона" (one and a half), "пів мільйона" (half). */
const HALVES: Readonly<Record<string, number>> = { півтора: 1.5, півтори: 1.5, пів: 0.5 }
/** Oblique forms of "one" standing alone ("в одній лікарні", "однією рукою") are not counts. */
const OBLIQUE_ONE = new Set('одного одної одному одній одним одною'.split(' '))

const uk = slavicNumberReader({
  table,
  norm: (word) => word.replace(/[’ʼ`]/g, "'"),
  every: EVERY,
  ordinals: ORDINALS,
  parts: new Set('частина частину частини частиною частині'.split(' ')),
  halves: HALVES,
  denominators: DENOMINATORS,
  // "дві третини": the same nouns after a count
  countedDenominators: DENOMINATORS,
  andAHalf: { words: ['з', 'половиною'], thenScale: false },
  obliqueOne: OBLIQUE_ONE,
})

export const isUkNumberWord = uk.isNumberWord

/** "пів року", "півгодини": half of a unit of time (the unit after "пів" is read as the figure's unit). */
const HALF_OF = /^(?:року|години|доби|місяця|тижня|дня|століття|хвилини)$/
const HALF_GLUED = /^пів(?:року|години|доби|місяця|тижня|дня|століття|хвилини)$/

/** A length written into an adjective: "трирічного моніторингу", "тридцятиденний строк", "двогодинна зустріч". */
const LENGTH_PREFIXES: Readonly<Record<string, number>> = {
  одно: 1,
  дво: 2,
  три: 3,
  чотири: 4,
  "п'яти": 5,
  шести: 6,
  семи: 7,
  восьми: 8,
  "дев'яти": 9,
  десяти: 10,
  дванадцяти: 12,
  "п'ятнадцяти": 15,
  двадцяти: 20,
  тридцяти: 30,
  сорока: 40,
  "п'ятдесяти": 50,
  сто: 100,
}
const LENGTH = /^([\p{L}']+?)(річн|денн|годинн|тижнев|місячн|хвилинн)\p{L}*$/u
const LENGTH_UNITS: Readonly<Record<string, string>> = {
  річн: 'years',
  денн: 'days',
  годинн: 'hours',
  тижнев: 'weeks',
  місячн: 'months',
  хвилинн: 'minutes',
}
/** "трирічна дитина" is an age, not a length: the people an age in "-річний" goes with. */
const PEOPLE =
  /^(?:дит|хлоп|дівч|син|сина|доньк|дочк|малюк|малюч|чолові|жінк|юнак|юнач|підліт|підлітк|онук|онуч|брат|сестр|школяр|студент)/

function ukExtra(raw: readonly string[]): NumberWords | undefined {
  const [first, second] = raw.map((word) => word.replace(/[’ʼ`]/g, "'"))
  if (first === undefined) return undefined
  if (first === 'пів' && HALF_OF.test(second ?? '')) return { value: 0.5, used: 1, fraction: false }
  if (HALF_GLUED.test(first)) return { value: 0.5, used: 1, fraction: false }
  const length = LENGTH.exec(first)
  const value = length ? LENGTH_PREFIXES[length[1]] : undefined
  if (length === null || value === undefined) return undefined
  if (length[2] === 'річн' && PEOPLE.test(second ?? '')) return undefined
  return { value, used: 1, fraction: false, measure: LENGTH_UNITS[length[2]] }
}

/** Reads the longest number at the start of `words` (see slavic-numbers.ts), and halves and lengths above. */
export const parseUkNumberWords = (raw: readonly string[]): NumberWords | undefined =>
  ukExtra(raw) ?? uk.parse(raw)
