// Runs everywhere: a Russian or Ukrainian noun phrase of adjectives and a head noun brought to the
// nominative by its MORPHOLOGY, not by a list of bodies: the adjectives' endings give the phrase's case,
// gender and number ("Зернового" is masculine or neuter, "Национальной" feminine, "Северо-Восточных"
// plural), the head noun's ending its declension ("терминала" → "терминал", "лотереи" → "лотерея",
// "агентства" → "агентство", "авиалиний" → "авиалинии"), and the adjectives then agree with the head
// ("Зерновой терминал", "Национальная лотерея"). The words after the head (a genitive complement:
// "сельского хозяйства", "по Алтынской области") are kept as written. Where the text itself writes a
// candidate form, that form wins.
import { escapeRegExp as escape } from './regex'

type Agreement = 'fem' | 'masc' | 'plural'

const RU_ADJ: readonly [RegExp, Agreement][] = [
  [/(?:ой|ей|ую|юю|ою|ею)$/u, 'fem'],
  [/(?:ого|его|ому|ему|ым|им|ом|ем)$/u, 'masc'],
  [/(?:ых|их|ыми|ими)$/u, 'plural'],
]
const UK_ADJ: readonly [RegExp, Agreement][] = [
  [/(?:ої|ій|ою|ьої)$/u, 'fem'],
  [/(?:ого|ому|им|ім|ього|ьому)$/u, 'masc'],
  [/(?:их|іх|ими|іми)$/u, 'plural'],
]

/** An adjective's agreement by its oblique ending, undefined for a word that is no oblique adjective. */
function agreement(word: string, code: 'ru' | 'uk'): Agreement | undefined {
  if (word.length < 5 || /^[«"“]/u.test(word)) return undefined
  for (const [re, a] of code === 'ru' ? RU_ADJ : UK_ADJ) if (re.test(word.toLowerCase())) return a
  return undefined
}

/** The nominatives a head noun in another case may come from, likeliest first. */
function heads(noun: string, a: Agreement, code: 'ru' | 'uk'): string[] {
  const out: string[] = []
  const swap = (re: RegExp, to: string): void => {
    if (re.test(noun)) out.push(noun.replace(re, to))
  }
  if (code === 'ru') {
    if (a === 'fem') {
      swap(/ии$/u, 'ия') // линии → линия
      swap(/(?<=[аеиоуэюя])[иеюй]$/u, 'я') // лотереи → лотерея
      swap(/(?<=[гкхжшчщ])[иеу]$/u, 'а') // палаты, службы, Думе
      swap(/(?:ы|е|у|ой)$/u, 'а')
      swap(/и$/u, 'ь') // области → область
      swap(/и$/u, 'я')
    } else if (a === 'masc') {
      swap(/(?<=и)(?:я|ю|ем|и)$/u, 'е') // управления → управление
      swap(/(?<=ств)(?:а|у|ом|е)$/u, 'о') // агентства → агентство
      swap(/(?<=[аеоуыэюя])(?:я|ю|ем|е)$/u, 'й') // края → край
      swap(/(?<=[^аеиоуыэюяь])(?:а|у|ом|е)$/u, '') // союза → союз, терминала → терминал
      swap(/(?:я|ю|ем|е)$/u, 'ь')
    } else {
      swap(/ий$/u, 'ии') // авиалиний → авиалинии
      swap(/(?:ов|ев)$/u, 'ы') // заводов → заводы
      swap(/ей$/u, 'и') // сетей → сети
      swap(/(?:ам|ами|ах)$/u, 'ы')
    }
  } else if (/(?:нн|тт|лл|сс|зз|чч)я$/u.test(noun)) {
    // (a Ukrainian neuter in -ння: "управління" is the genitive and the nominative)
  } else if (a === 'fem') {
    swap(/ії$/u, 'ія') // компанії → компанія
    swap(/(?<=[аеиіоуяюєї'’])ї$/u, 'я')
    swap(/(?:и|і|у|ою)$/u, 'а') // ради → рада, прокуратури → прокуратура
    swap(/і$/u, 'ь') // області → область
  } else if (a === 'masc') {
    swap(/(?<=ств)(?:а|у|і|ом)$/u, 'о') // агентства → агентство
    swap(/(?<=(?:нн|тт|лл|цт))(?:ю|ям|і)$/u, 'я') // управлінню → управління (the genitive is the nominative)
    swap(/(?<=[^аеиіоуяюєїь'’])(?:у|а|ові|ом|і)$/u, '') // центру → центр, терміналу → термінал
    swap(/(?:я|ю|ем|еві)$/u, 'ь')
  } else {
    swap(/(?:ів|їв)$/u, 'и') // заводів → заводи
    swap(/(?:ам|ами|ах)$/u, 'и')
  }
  out.push(noun)
  return out
}

/** An adjective in the nominative agreeing with `head`. */
function adjective(word: string, head: string, a: Agreement, code: 'ru' | 'uk'): string {
  if (code === 'ru') {
    const m = /^(.+?)(ого|его|ому|ему|ым|им|ом|ем|ой|ей|ую|юю|ою|ею|ых|их|ыми|ими)$/iu.exec(word)
    if (m === null) return word
    const stem = m[1]
    const velar = /[кгхжшчщ]$/iu.test(stem)
    const soft = !velar && /^(?:его|ему|ем|ей|юю|ею|их|ими|им)$/iu.test(m[2])
    if (a === 'plural') return stem + (soft || velar ? 'ие' : 'ые')
    if (a === 'fem') return stem + (soft ? 'яя' : 'ая')
    if (/[ое]$/iu.test(head)) return stem + (soft ? 'ее' : 'ое')
    return stem + (soft || velar ? 'ий' : 'ый')
  }
  const m = /^(.+?)(ього|ьому|ьої|ого|ому|ої|ій|ою|им|ім|их|іх|ими|іми)$/iu.exec(word)
  if (m === null) return word
  const soft = /^ь|^і/u.test(m[2]) && m[2] !== 'ій'
  if (a === 'plural') return `${m[1]}і`
  if (a === 'fem') return m[1] + (soft ? 'я' : 'а')
  if (/(?:[ое]|нн[яю]|тт[яю]|лл[яю])$/iu.test(head)) return m[1] + (soft ? 'є' : 'е')
  return m[1] + (soft ? 'ій' : 'ий')
}

const written = (form: string, text: string): boolean =>
  new RegExp(`(?<![\\p{L}'’-])${escape(form)}(?![\\p{L}'’-])`, 'iu').test(text)

/**
 * `phrase` (adjectives, a head noun, then anything) in the nominative, or undefined when it opens with no
 * oblique adjective (nothing to read its case from). `text` is the article: a candidate it writes wins.
 */
export function slavicPhraseNominative(phrase: string, code: 'ru' | 'uk', text = ''): string | undefined {
  const words = phrase.split(/\s+/).filter(Boolean)
  let n = 0
  const a = agreement(words[0] ?? '', code)
  if (a === undefined) return undefined
  while (n < words.length - 1 && n < 4 && agreement(words[n], code) === a) n++
  const noun = words[n]
  // (the head is a common noun: two capitalised words are a person, "Андрій Ковальчук", "Вадим Круглов")
  if (noun === undefined || agreement(noun, code) !== undefined || !/^\p{Ll}[\p{L}-]*$/u.test(noun))
    return undefined
  const options = heads(noun, a, code)
  const head = options.find((o) => o !== noun && written(o, text)) ?? options[0]
  const adjectives = words.slice(0, n).map((w) => adjective(w, head, a, code))
  const whole = [...adjectives, head, ...words.slice(n + 1)].join(' ')
  return whole
}

/** A single noun or quoted name in another case ("прокуратури", "Небосхилу"): the form the text writes. */
export function slavicWordNominative(word: string, code: 'ru' | 'uk', text: string): string | undefined {
  for (const a of ['masc', 'fem'] as const)
    for (const o of heads(word, a, code)) if (o !== word && o.length >= 4 && written(o, text)) return o
  return undefined
}
