// Runs everywhere: the grammatical GENDER OF A BODY'S NAME (issue #13, round 15), where a pronoun may stand for a
// body as well as a person ("la commission … elle", "компанія … вона"): its determiner in French, Spanish and
// German, the last part of a German compound, the ending of the first word in Ukrainian and Russian.
import { escapeRegExp as escape } from './regex'

export type Gender = 'f' | 'm'

/**
 * The grammatical gender of a body's name, where a pronoun may stand for a body: its determiner in French,
 * Spanish and German ("la Tablée", "el Ayuntamiento", "das Umweltamt"), the ending of its first word in Ukrainian
 * and Russian ("Незалежна профспілка", "Державна служба", "Центр"); `n` for a neuter, undefined when not shown.
 */
export function bodyGender(name: string, text: string, code: string): Gender | 'n' | undefined {
  const first = name.replace(/^[«"“„]/u, '').split(/\s+/)[0] ?? ''
  if (first === '' || /^[«"“„]/u.test(name)) return undefined
  if (code === 'uk' || code === 'ru') {
    const w = first.toLowerCase()
    // (a one-word name takes its kind noun's gender, not its own: "сервис «Кинометрика»")
    if (/^\p{Lu}{2,}$/u.test(first) || !/\s/u.test(name.trim())) return undefined
    if (/(?:а|я)$/u.test(w)) return 'f'
    if (/(?:о|е|є)$/u.test(w)) return 'n'
    if (/(?:ий|ій|ый|ой|[бвгджзклмнпрстфхцчшщ])$/u.test(w)) return 'm'
    return undefined
  }
  if (code === 'de') {
    // a German compound takes the gender of its last part: "Umweltamt" (das Amt), "Stadtverwaltung",
    // "Mieterbund"
    const last =
      name
        .split(/\s+/)
        .find((w) => /^\p{Lu}\p{Ll}/u.test(w))
        ?.toLowerCase() ?? ''
    const head = GERMAN_HEADS.find(([re]) => re.test(last))
    if (head) return head[1]
  }
  const dets: Readonly<Record<string, Readonly<Record<string, Gender | 'n'>>>> = {
    fr: { la: 'f', le: 'm', du: 'm', au: 'm', une: 'f' },
    es: { la: 'f', el: 'm', del: 'm', al: 'm' },
    de: { die: 'f', das: 'n', dem: 'm', den: 'm' },
  }
  const table = dets[code]
  if (table === undefined) return undefined
  const seen = new Set<Gender | 'n'>()
  const re = new RegExp(
    `(?<![\\p{L}])(${Object.keys(table).join('|')})\\s+(?:\\p{Ll}+\\s+)?${escape(first)}(?:e?s)?(?![\\p{L}])`,
    'giu',
  )
  for (const m of text.matchAll(re)) {
    const g = table[m[1].toLowerCase()]
    if (g) seen.add(g)
  }
  // (German "dem"/"den" are masculine or neuter: "das" decides)
  if (code === 'de' && seen.has('n')) return 'n'
  return seen.size === 1 ? [...seen][0] : undefined
}

/** German heads of compound names of bodies, by gender: "-amt" (das Amt), "-verwaltung", "-verband". */
const GERMAN_HEADS: readonly [RegExp, Gender | 'n'][] = [
  [
    /(?:amt|ministerium|unternehmen|institut|büro|zentrum|werk|gericht|haus|referat|kollegium|präsidium)$/u,
    'n',
  ],
  [
    /(?:ung|heit|keit|schaft|ei|ion|tät|behörde|stadt|agentur|kammer|zentrale|bank|bahn|firma|partei|kommission|gemeinde|regierung|kasse|börse|klinik|kette)$/u,
    'f',
  ],
  [
    /(?:verband|konzern|bund|verein|rat|senat|dienst|betrieb|hersteller|betreiber|anbieter|versorger|club|klub|kreis|landkreis|ausschuss)$/u,
    'm',
  ],
]
