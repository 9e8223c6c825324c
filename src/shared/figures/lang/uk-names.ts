// Runs everywhere: a Ukrainian name or body in the nominative and in full, where the words around it put
// it in another case ("за словами Тараса Кравчука" → "Тарас Кравчук", "за даними Одеської міської ради"
// → "Одеська міська рада", "уточнив Кравчук" → the "Тарас Кравчук" the article introduced).

/** Head nouns of bodies, and their nominative. */
const BODIES: readonly [RegExp, string][] = [
  [/^(міністерств|агентств|відомств)(?:а|у|ом|і)$/iu, '$1о'],
  [/^(управлінн)(?:ю|ям|і)$/iu, '$1я'],
  [/^(\p{L}+рад)(?:и|і|у|ою)$/iu, '$1а'],
  [/^(адміністраці|асоціаці|комісі|компані|агенці|федераці|корпораці|поліці)(?:ї|ю|єю|ї)$/iu, '$1я'],
  [/^(рад|служб|груп|школ|спілк|мері|прокуратур)(?:и|і|у|ою|ою)$/iu, '$1а'],
  [/^(банк|штаб|центр|фонд|комітет|департамент|інститут|союз|уряд)(?:у|а|ом|і)$/iu, '$1'],
  [/^сил(?:ами|ам|ах)?$/iu, 'сили'],
]

/** "Одеської" before "рада" → "Одеська"; "Національного" before "банк" → "Національний". */
function adjective(word: string, head: string): string {
  const m = /^(.+?)(ого|ому|ої|ій|ою|им|ім|их|ими)$/iu.exec(word)
  if (m === null) return word
  if (/и$/iu.test(head)) return `${m[1]}і` // сили → Повітряні
  if (/о$/iu.test(head)) return `${m[1]}е` // агентство → Державне
  if (/[ая]$/iu.test(head)) return `${m[1]}а` // рада → Одеська
  return `${m[1]}ий` // банк → Національний
}

/** A head noun already in the nominative: the words after it are its complement, kept as written. */
const NOMINATIVE_HEAD =
  /^(?:управління|міністерство|агентство|відомство|\p{L}*рада|адміністрація|асоціація|комісія|компанія|агенція|федерація|корпорація|поліція|прокуратура|служба|група|школа|спілка|мерія|банк|штаб|центр|фонд|комітет|департамент|інститут|союз|уряд)$/iu

/** A body's name with its leading adjectives and head noun in the nominative; the rest as written. */
function body(words: string[]): string[] | undefined {
  const at = words.findIndex((w) => BODIES.some(([p]) => p.test(w)))
  if (at < 0 || at > 3) return undefined
  // ("Головне управління рятувальної служби …": the head is "управління", "служби" its complement)
  if (words.slice(0, at).some((w) => NOMINATIVE_HEAD.test(w))) return words
  const [pattern, nominative] = BODIES.find(([p]) => p.test(words[at])) as [RegExp, string]
  const replaced = words[at].replace(pattern, nominative)
  const head = /^\p{Lu}/u.test(words[at]) ? replaced[0].toUpperCase() + replaced.slice(1) : replaced
  return [...words.slice(0, at).map((w) => adjective(w, head)), head, ...words.slice(at + 1)]
}

/** "Повітряних силах ЗСУ" → "Повітряні сили ЗСУ": a body's name in the nominative, if `name` is one. */
export const ukBodyNominative = (name: string): string | undefined => body(name.split(' '))?.join(' ')

/** Short forms of bodies and how the article may spell them out: Генштаб → Генеральний штаб ЗСУ. */
const SHORT_FORMS: readonly [RegExp, string][] = [
  [/^Генштаб/u, 'Генеральн\\p{L}*\\s+штаб\\p{L}*'],
  [/^Нацбанк/u, 'Національн\\p{L}*\\s+банк\\p{L}*'],
  [/^Міноборони$/u, 'Міністерств\\p{L}*\\s+оборони'],
  [/^Мінфін/u, 'Міністерств\\p{L}*\\s+фінансів'],
  [/^Мінекономіки$/u, 'Міністерств\\p{L}*\\s+економіки'],
  [/^Держстат/u, 'Державн\\p{L}*\\s+служб\\p{L}*\\s+статистики'],
]

/** Nominatives a genitive, dative or instrumental name may come from, most likely first. */
function nominatives(word: string): string[] {
  const out: string[] = []
  const swap = (re: RegExp, to: string): void => {
    if (re.test(word)) out.push(word.replace(re, to))
  }
  swap(/енка$/u, 'енко') // Лисенка → Лисенко
  swap(/(?<=[сзц]ьк)(?:ого|ому|им)$/u, 'ий') // Зеленського → Зеленський
  swap(/(?<=[сзц]ьк)(?:ої|ій|ою)$/u, 'а') // Зеленської → Зеленська
  swap(/(?<=(?:ов|ев|єв|ин|ін))(?:ої|ій|ою)$/u, 'а') // Іванової → Іванова
  swap(/ії$/u, 'ія') // Марії → Марія
  swap(/(?<=[аеиіоуя])я$/u, 'й') // Андрія → Андрій
  swap(/(?<=[^аеиіоуяюєї'’])я$/u, 'ь') // Ігоря → Ігор (Ігорь is not Ukrainian, kept as a candidate)
  swap(/(?<=[^аеиіоуяюєї])(?:а|у|ові|ом|ем)$/u, '') // Кравчука → Кравчук, Литвина → Литвин
  swap(/(?<=[^аеиіоуяюєї])(?:и|і|ою|ій)$/u, 'а') // Оксани → Оксана, Олені → Олена
  out.push(word)
  return out
}

const wordRe = (w: string): string =>
  `(?<![\\p{L}'’-])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}'’-])`

/**
 * The name in the nominative, as full as the article gives it; `oblique` when the words before it put it
 * in another case ("за словами", "начальниці").
 */
export function ukNominative(name: string, text: string, oblique = false): string {
  const words = name.split(' ')
  const asBody = oblique ? body(words) : undefined
  if (asBody) return asBody.join(' ')
  if (!words.every((w) => /^\p{Lu}/u.test(w) || /^[«»]/.test(w))) return name
  // each word in the nominative: the form the text itself uses, else the likeliest ending
  const found = words.map((w) => {
    if (!oblique) return w
    const options = nominatives(w)
    return options.find((o) => o !== w && new RegExp(wordRe(o), 'u').test(text)) ?? options[0]
  })
  const last = found[found.length - 1]
  const short = SHORT_FORMS.find(([re]) => re.test(last))
  if (found.length === 1 && short) {
    const full = new RegExp(`(?<![\\p{L}])${short[1]}(?:\\s+[\\p{Lu}][\\p{L}]*)?`, 'u').exec(text)
    if (full) return body(full[0].split(/\s+/))?.join(' ') ?? full[0]
  }
  if (found.length > 1 || /^[\p{Lu}\d]+$/u.test(last)) return found.join(' ')
  // "Кравчук" → "Тарас Кравчук": a first name before the surname elsewhere in the text
  // a first name inside a sentence ("ранку Микола Дяченко"), not a headline word ("Огляд Lumen")
  const full = new RegExp(`(?<=[\\p{Ll},»"“] )(\\p{Lu}[\\p{Ll}'’]+) ${wordRe(last)}`, 'gu')
  for (const m of text.matchAll(full))
    if (!/^(?:За|Як|Про|Але|Це|Та|І|А|У|В|З|На|Для|Від|До)$/u.test(m[1])) return `${m[1]} ${last}`
  // the surname declined elsewhere with a first name: "Тараса Кравчука" for "Кравчук"
  const declined = new RegExp(
    `(?<=[\\p{Ll},»"“] )(\\p{Lu}[\\p{Ll}'’]+) (${last}\\p{Ll}{0,3})(?![\\p{L}])`,
    'gu',
  )
  for (const m of text.matchAll(declined)) {
    const [first] = nominatives(m[1])
    if (nominatives(m[2]).includes(last)) return `${first} ${last}`
  }
  return last
}
