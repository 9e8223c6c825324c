// Runs everywhere: the WORDS THAT SHOW A GENDER, per language (issue #13, round 15; speaker-gender.ts reads the
// article with them): titles, subject pronouns and the possessives of "according to her", role nouns written beside
// a name, and the Slavic past tense that agrees with its subject.
import type { Gender } from './body-gender'

export const TITLE_F =
  /^(?:mrs|ms|miss|lady|dame|mme|madame|mlle|mademoiselle|sra|señora|doña|frau|пані|госпожа|г-жа)$/u
export const TITLE_M = /^(?:mr|sir|m|monsieur|sr|señor|don|herr|herrn|пан|пана|пану|господин|г-н)$/u

/** Subject pronouns (and the possessives of "according to her") that point back to a person, by language. */
export const PRONOUNS: Readonly<Record<string, readonly [RegExp, Gender][]>> = {
  en: [
    [/(?<![\p{L}'’])she(?![\p{L}'’])|(?<=\bto )her(?![\p{L}'’])/iu, 'f'],
    [/(?<![\p{L}'’])he(?![\p{L}'’])|(?<=\bto )him(?![\p{L}'’])/iu, 'm'],
  ],
  fr: [
    [/(?<![\p{L}'’])elle(?![\p{L}'’])/iu, 'f'],
    // (not the impersonal "il y a", "il faut", "il s'agit", "il est")
    [
      /(?<![\p{L}'’])il(?![\p{L}'’])(?!\s+(?:y|faut|fallait|faudra|s['’]agit|est|était|reste|restait|semble|manque|suffit|existe|n['’]y)(?![\p{L}]))|(?<=selon )lui(?![\p{L}])/iu,
      'm',
    ],
  ],
  es: [
    [/(?<![\p{L}])ella(?![\p{L}])/iu, 'f'],
    [/(?<![\p{L}])él(?![\p{L}])/iu, 'm'],
  ],
  // (German "sie" is "she" only beside a verb in the singular: "sagt sie", "sie verlangt", not "sagen sie")
  de: [
    [
      /(?<![\p{L}])(?:sie(?=\s+\p{Ll}+t(?:e)?(?![\p{L}]))|(?<=\p{Ll}t(?:e)?\s)sie(?![\p{L}])|ihr(?=\s+zufolge))/iu,
      'f',
    ],
    [/(?<![\p{L}])(?:er|ihm(?=\s+zufolge))(?![\p{L}])/iu, 'm'],
  ],
  uk: [
    [/(?<![\p{L}])(?:вона|її)(?![\p{L}])/iu, 'f'],
    [/(?<![\p{L}])(?:він|його)(?![\p{L}])/iu, 'm'],
  ],
  ru: [
    [/(?<![\p{L}])(?:она|её|ее)(?![\p{L}])/iu, 'f'],
    [/(?<![\p{L}])(?:он|его)(?![\p{L}])/iu, 'm'],
  ],
}

/** Subject pronouns only, which give a person just introduced its gender (not "her figure", "його слова"). */
export const SUBJECTS: Readonly<Record<string, readonly [RegExp, Gender][]>> = {
  en: [
    [/^she$/iu, 'f'],
    [/^he$/iu, 'm'],
  ],
  fr: [
    [/^elle$/iu, 'f'],
    [/^il$/iu, 'm'],
  ],
  es: [
    [/^ella$/iu, 'f'],
    [/^él$/iu, 'm'],
  ],
  de: [[/^er$/iu, 'm']],
  uk: [
    [/^вона$/iu, 'f'],
    [/^він$/iu, 'm'],
  ],
  ru: [
    [/^она$/iu, 'f'],
    [/^он$/iu, 'm'],
  ],
}

/** A role noun that shows a woman or a man, written beside the name. */
export function roleGender(
  word: string,
  before: string | undefined,
  code: string,
  titles: ReadonlySet<string>,
): Gender | undefined {
  const w = word.toLowerCase()
  if (code === 'en') {
    if (/(?:woman|wife|mother|ess)$/u.test(w)) return 'f'
    if (/(?:man|husband|father)$/u.test(w) && !/^(?:human|german|roman|norman)$/u.test(w)) return 'm'
    return undefined
  }
  if (code === 'de') {
    if (/^\p{Lu}\p{Ll}{3,}(?:erin|orin|istin|entin|antin|eurin|ärin|iterin)$/u.test(word)) return 'f'
    if (/^\p{Lu}\p{Ll}{3,}(?:er|or|ist|ent|eur|är)$/u.test(word) && /^(?:der|ein)$/iu.test(before ?? 'der'))
      return /^(?:der|ein)$/iu.test(before ?? '') ? 'm' : undefined
    return undefined
  }
  if (code === 'fr' || code === 'es') {
    // a role noun of the language's list, by its determiner: "la présidente", "el consejero", "une adjointe"
    // (or its feminine: "directrice", "présidente", "consejera", "ministra")
    const masculine = [
      w.replace(/rice$/u, 'eur'),
      w.replace(/e$/u, ''),
      w.replace(/a$/u, 'o'),
      w.replace(/a$/u, ''),
    ]
    if (!titles.has(w) && !masculine.some((m) => titles.has(m))) return undefined
    const det = (before ?? '').toLowerCase()
    if (/^(?:la|una|une|esta|cette)$/u.test(det)) return 'f'
    if (/^(?:le|el|un|este|ce|del|au|du)$/u.test(det)) return 'm'
    if (code === 'fr' && /(?:rice|euse|ière|esse|ienne)$/u.test(w)) return 'f'
    // (Spanish roles show it in their ending, after "su": "su directora", "su director")
    if (code === 'es' && /(?:ora|era|ada|ana|ica|a)$/u.test(w) && !/(?:ista|eta|ta|ia)$/u.test(w)) return 'f'
    if (code === 'es' && /(?:or|ero|ado|ano|ico|o)$/u.test(w)) return 'm'
    return undefined
  }
  // Ukrainian and Russian: feminine role nouns ("речниця", "адвокатка", "представительница", "депутатка")
  if (/\p{Ll}{3,}(?:иця|ниця|ица|ница|ка|иня|ыня)$/u.test(w) && !/(?:ика|іка|ока)$/u.test(w)) return 'f'
  return undefined
}

/** A Slavic verb in the past tense agreeing with its subject: "заявила", "сказав", "сообщил", "добавила". */
export function verbGender(word: string | undefined): Gender | undefined {
  if (word === undefined) return undefined
  const w = word.toLowerCase()
  if (/^\p{Ll}{3,}(?:ла|лась|лася)$/u.test(w)) return 'f'
  if (/^\p{Ll}{3,}(?:ав|ив|ів|ув|ал|ил|ел|ял|вся|лся)$/u.test(w)) return 'm'
  return undefined
}
