// Runs everywhere: reads Russian number words in the cases running text puts them in ("пять", "пяти",
// "тридцати одного", "двух тысяч", "полтора миллиона", "две трети", "каждый пятый", "четверо").
import type { NumberWords } from '../number-words'
import { numberTable, slavicNumberReader } from './slavic-numbers'

const { table, add } = numberTable((form) => (form.includes('ё') ? [form.replace(/ё/g, 'е')] : []))

add('unit', 0, 'ноль нуль нуля нолю нулю')
add('unit', 1, 'один одна одно одного одной одному одним одном одну одною')
add('unit', 2, 'два две двух двум двумя')
add('unit', 3, 'три трёх трём тремя')
add('unit', 4, 'четыре четырёх четырём четырьмя')
// пять … десять and the -надцать/-дцать words decline alike: -ь, -и, -ью
const soft = (stem: string): string => ['ь', 'и', 'ью'].map((e) => stem + e).join(' ')
const UNITS = ['пят', 'шест', 'сем', 'восем', 'девят']
UNITS.forEach((stem, k) => add('unit', 5 + k, soft(stem)))
add('unit', 8, 'восьми восьмью')
add('teen', 10, soft('десят'))
const TEENS = ['одиннадцат', 'двенадцат', 'тринадцат', 'четырнадцат', 'пятнадцат', 'шестнадцат']
TEENS.forEach((stem, k) => add('teen', 11 + k, soft(stem)))
add('teen', 17, soft('семнадцат'))
add('teen', 18, soft('восемнадцат'))
add('teen', 19, soft('девятнадцат'))
add('tens', 20, soft('двадцат'))
add('tens', 30, soft('тридцат'))
add('tens', 40, 'сорок сорока')
add('tens', 50, 'пятьдесят пятидесяти пятьюдесятью')
add('tens', 60, 'шестьдесят шестидесяти шестьюдесятью')
add('tens', 70, 'семьдесят семидесяти семьюдесятью')
add('tens', 80, 'восемьдесят восьмидесяти восемьюдесятью')
add('tens', 90, 'девяносто девяноста')
add('hundreds', 100, 'сто ста')
add('hundreds', 200, 'двести двухсот двумстам двумястами двухстах')
add('hundreds', 300, 'триста трёхсот трёмстам тремястами трёхстах')
add('hundreds', 400, 'четыреста четырёхсот четырёмстам четырьмястами четырёхстах')
const HUNDREDS = ['пят', 'шест', 'сем', 'восьм', 'девят']
HUNDREDS.forEach((stem, k) =>
  add(
    'hundreds',
    500 + 100 * k,
    `${stem === 'восьм' ? 'восем' : stem}ьсот ${stem}исот ${stem}истам ${stem}истах`,
  ),
)
add('collective', 2, 'двое двоих двоим')
add('collective', 3, 'трое троих троим')
add('collective', 4, 'четверо четверых четверым')
add('collective', 5, 'пятеро пятерых пятерым')
add('collective', 6, 'шестеро шестерых')
add('collective', 7, 'семеро семерых')
add('collective', 8, 'восьмеро восьмерых')
add('collective', 9, 'девятеро девятерых')
add('collective', 10, 'десятеро десятерых')
// "десяток" (a ten, said as a noun like "a dozen"): its nominal value, read alone
add('scale', 10, 'десяток десятка десятку десятком десятке')

const scale = (stem: string): string =>
  ['', 'а', 'у', 'ом', 'е', 'ов', 'ам', 'ами', 'ах'].map((e) => stem + e).join(' ')
add('scale', 1e3, 'тысяча тысячи тысяч тысячу тысячей тысячею тысяче тысячам тысячами тысячах')
add('scale', 1e6, scale('миллион'))
add('scale', 1e9, scale('миллиард'))
add('scale', 1e12, scale('триллион'))

/** Fraction nouns: "треть", "четверть", "половина" (a noun, never an ordinal, so a noun may follow). */
const DENOMINATORS = new Map<string, number>()
for (const [value, forms] of [
  [2, 'половина половины половину половиной половине'],
  [3, 'треть трети третью'],
  [4, 'четверть четверти четвертью'],
] as const)
  for (const form of forms.split(' ')) DENOMINATORS.set(form, value)
/** "две трети", "три четверти", "три пятых": the denominator after a count. */
const PLURAL_DENOMINATORS = new Map([
  ['трети', 3],
  ['третей', 3],
  ['четверти', 4],
  ['четвертей', 4],
  ['пятых', 5],
  ['десятых', 10],
])

/** "каждый пятый" (every fifth): the ordinal's stem and the share it means. */
const EVERY = new Set('каждый каждая каждое каждого каждой каждому каждую'.split(' '))
const ORDINALS: readonly [RegExp, number][] = [
  [/^втор(ой|ая|ое|ого|ой|ому|ую)$/, 2],
  [/^трет(ий|ья|ье|ьего|ьей|ьему|ью)$/, 3],
  [/^четв[её]рт(ый|ая|ое|ого|ой|ому|ую)$/, 4],
  [/^пят(ый|ая|ое|ого|ой|ому|ую)$/, 5],
  [/^шест(ой|ая|ое|ого|ому|ую)$/, 6],
  [/^седьм(ой|ая|ое|ого|ому|ую)$/, 7],
  [/^восьм(ой|ая|ое|ого|ому|ую)$/, 8],
  [/^девят(ый|ая|ое|ого|ой|ому|ую)$/, 9],
  [/^десят(ый|ая|ое|ого|ой|ому|ую)$/, 10],
  [/^сот(ый|ая|ое|ого|ой|ому|ую)$/, 100],
]
/** "полтора миллиона" (one and a half), "пол-миллиона" is written with a hyphen and read as half. */
const HALVES: Readonly<Record<string, number>> = { полтора: 1.5, полторы: 1.5, полутора: 1.5 }
/** Oblique forms of "one" standing alone ("в одной больнице", "одним словом") are not counts. */
const OBLIQUE_ONE = new Set('одного одной одному одним одном одною'.split(' '))

const ru = slavicNumberReader({
  table,
  norm: (word) => word.replace(/ё/g, 'е'),
  every: EVERY,
  ordinals: ORDINALS,
  parts: new Set('часть части частью'.split(' ')),
  halves: HALVES,
  denominators: DENOMINATORS,
  countedDenominators: PLURAL_DENOMINATORS,
  andAHalf: { words: ['с', 'половиной'], thenScale: true },
  obliqueOne: OBLIQUE_ONE,
})

export const isRuNumberWord = ru.isNumberWord

/** Reads the longest number at the start of `words` (see slavic-numbers.ts). */
export const parseRuNumberWords: (raw: readonly string[]) => NumberWords | undefined = ru.parse
