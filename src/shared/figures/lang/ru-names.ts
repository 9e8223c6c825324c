// Runs everywhere: a Russian name or body in the nominative, where the words before it put it in another
// case ("по словам Марата Хайруллина" → "Марат Хайруллин", "по данным Росстата" → "Росстат",
// "в министерстве энергетики области" → "министерство энергетики области").

/** Words before a name that put it in the genitive, dative or prepositional: по словам, согласно, в. */
const OBLIQUE =
  /(?:^|[^\p{L}])(?:по\s+(?:его\s+|ее\s+|её\s+|их\s+)?(?:словам|данным|информации|оценке|оценкам|подсч[её]там|прогнозу|прогнозам|мнению|сообщению|заявлению|расч[её]там)|согласно(?:\s+\p{L}+)?|(?:сообщили|уточнили|рассказали|заявили|отметили|пояснили|говорится)(?:\s+\p{L}+)?\s+(?:в|во)|(?:председателя|директора|гендиректора|руководителя|главы|представителя|губернатора|министра|заместителя|начальника|секретаря|мэра|риелтора|депутата|эксперта|аналитика|экономиста|сотрудника|жителя|жительницы|пресс-службы|сообщении|сообщения|заявлении|заявления|отч[её]тности|записки|оценке|оценки))(?:\s+[\p{L}«»"-]+){0,4}\s*$/iu

/** A preposition or source noun right before a name: "в Министерстве энергетики", "из данных Минфина". */
const NEAR =
  /(?:^|[^\p{L}])(?:в|во|из|источник(?:и|ом)?\s+(?:в|во)|(?:из\s+)?данных|отч[её]та|оценке|оценки)\s*$/iu

/** A role noun in the nominative, then its genitive complement, right before a name. */
const NOMINATIVE_ROLE =
  /(?:^|[^\p{L}-])(?:заместитель|замглавы|помощник|советник|представитель|глава|руководитель|директор|начальник|председатель|секретарь|пресс-секретарь|министр)\s+(?:министра|министерства|главы|губернатора|мэра|директора|председателя|правительства|администрации|комиссии|компании|банка|фонда|службы)(?:\s+[\p{L}«»"-]+){0,4}\s*$/iu

/** Bodies whose case form is listed: the head noun of an organisation's name. */
const BODIES: readonly [RegExp, string][] = [
  [/^министерств[аеуо]м?$/i, 'министерство'],
  [/^управлени[яеию]м?$/i, 'управление'],
  [/^правительств[аеуо]м?$/i, 'правительство'],
  [/^агентств[аеуо]м?$/i, 'агентство'],
  [/^ведомств[аеуо]м?$/i, 'ведомство'],
  [/^администраци[ияею]й?$/i, 'администрация'],
  [/^комисси[ияею]й?$/i, 'комиссия'],
  [/^компани[ияею]й?$/i, 'компания'],
  [/^служб[ыеуа]й?$/i, 'служба'],
  [/^пресс-служб[ыеуа]й?$/i, 'пресс-служба'],
  [/^мэри[ияею]й?$/i, 'мэрия'],
  [/^дум[ыеуа]й?$/i, 'дума'],
  [/^ассоциаци[ияею]й?$/i, 'ассоциация'],
  [/^инспекци[ияею]й?$/i, 'инспекция'],
  [/^(центр|банк|фонд|холдинг|институт|комитет|департамент|совет|штаб|союз|регулятор)(?:а|у|е|ом)$/i, '$1'],
]

const matchCase = (model: string, word: string): string =>
  /^\p{Lu}/u.test(model) ? word[0].toUpperCase() + word.slice(1) : word

/** "финансового" before "управление" → "финансовое"; "Алтынском" before "центр" → "Алтынский". */
function adjective(word: string, head: string): string {
  const m = /^(.+?)(ого|его|ому|ему|ом|ем|ой|ей|ую|юю|ым|им)$/iu.exec(word)
  if (m === null) return word
  const stem = m[1]
  const velar = /[кгх]$/i.test(stem)
  const soft = !velar && /^(?:его|ему|ем|ей|юю|им)$/i.test(m[2])
  if (/[ое]$/i.test(head)) return stem + (soft ? 'ее' : 'ое')
  if (/[ая]$/i.test(head)) return stem + (soft ? 'яя' : 'ая')
  return stem + (soft || velar || /[жшчщ]$/i.test(stem) ? 'ий' : 'ый')
}

/** A body's name: its leading adjectives and head noun in the nominative, the rest as written. */
function body(words: string[]): string[] | undefined {
  const at = words.findIndex((w) => BODIES.some(([p]) => p.test(w)))
  if (at < 0 || at > 3) return undefined
  const [pattern, nominative] = BODIES.find(([p]) => p.test(words[at])) as [RegExp, string]
  const head = matchCase(words[at], words[at].replace(pattern, nominative))
  return [...words.slice(0, at).map((w) => adjective(w, head)), head, ...words.slice(at + 1)]
}

/** Endings of the genitive, dative and prepositional, and the nominative each comes from. */
const ENDINGS: readonly [RegExp, string, 'any' | 'male'][] = [
  [/(?<=(?:ов|ев|ин|ын))ой$/u, 'а', 'any'], // Сомовой → Сомова
  [/(?<=[сц]к)(?:ого|ому|ом)$/u, 'ий', 'any'], // Горького → Горький
  [/(?<=(?:ов|ев|ёв|ин|ын))(?:а|у|ым|е)$/u, '', 'male'], // Хайруллина → Хайруллин
  [/ии$/u, 'ия', 'any'], // Росавиации → Росавиация, Марии → Мария
  [/(?<=[^аеиоуыэюя]ь)и$/u, 'я', 'any'], // Натальи → Наталья
  [/(?<=[еи])я$/u, 'й', 'male'], // Андрея → Андрей, Дмитрия → Дмитрий
  [/(?<=[^аеиоуыэюяь])я$/u, 'ь', 'male'], // Игоря → Игорь
  [/(?<=[^аеиоуыэюягкхжшчщ])ы$/u, 'а', 'any'], // Анны → Анна
  [/(?<=[гкхжшчщ])и$/u, 'а', 'any'], // Ольги → Ольга, Аналитики → Аналитика
  [/(?<=[^аеиоуыэюяй])(?:а|у|ом|е)$/u, '', 'male'], // Марата → Марат, Росстата → Росстат
]

/** One capitalised word of a person's or a body's name from another case. */
function nameWord(word: string, feminine: boolean): string {
  for (const [pattern, nominative, who] of ENDINGS) {
    if (!pattern.test(word)) continue
    return who === 'male' && feminine ? word : word.replace(pattern, nominative)
  }
  return word
}

/** `name` in the nominative, when `before` (the sentence's text before it) governs another case. */
export function ruNominative(name: string, before: string): string {
  if (!OBLIQUE.test(before) && !NEAR.test(before)) return name
  const words = name.split(' ')
  // a role in the nominative with a genitive complement: "Заместитель министра финансов Инна Голубева" is in
  // the nominative (not "По словам заместителя министра …")
  if (NOMINATIVE_ROLE.test(before)) return name
  const asBody = body(words)
  if (asBody) return asBody.join(' ')
  // a woman's first name in the genitive ends in -ы/-и/-ой: her surname then keeps its -а form
  const feminine = words.length > 1 && /(?:[^аеиоуыэюя]ы|[гкхжшчщ]и|ьи|ии|ой)$/u.test(words[0])
  return words.map((w) => (/^\p{Lu}/u.test(w) ? nameWord(w, feminine) : w)).join(' ')
}

/** "Федеральной антимонопольной службы" → "Федеральная антимонопольная служба", if `name` is a body's name. */
export const ruBodyNominative = (name: string): string | undefined => body(name.split(' '))?.join(' ')
