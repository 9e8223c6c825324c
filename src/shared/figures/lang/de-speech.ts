// Runs everywhere: the German words that tell who is speaking ("sagte", "laut", "nach Angaben"), with
// titles and bodies matched as the last part of a compound ("Vorstandschef", "Innenministerium").
import type { SpeechWords } from './types'

const words = (list: string): string[] => list.split(' ')

/** A word set that also holds every compound ending in one of `heads`: "Finanzvorsteherin" ends in "vorsteherin". */
class CompoundSet extends Set<string> {
  constructor(
    list: string[],
    private readonly heads: readonly string[],
  ) {
    super(list)
  }
  override has(word: string): boolean {
    return super.has(word) || this.heads.some((h) => word.length > h.length + 2 && word.endsWith(h))
  }
}

const VERBS = new Set(
  words(
    'sagte sagt sagten sagen erklärte erklärt erklärten mitteilte mitteilt mitteilten betonte betont ' +
      'warnte warnt schätzte schätzt bezifferte beziffert berichtete berichtet meldete meldet bestätigte ' +
      'bestätigt schrieb schreibt ankündigte ankündigt kündigte kündigt hieß heißt rechnete rechnet ' +
      'verwies verweist fordert forderte sprach spricht erwartet erwartete gesagt erklärt mitgeteilt ' +
      'angekündigt bestätigt gemeldet berichtet geschätzt beziffert ergänzte ergänzt räumte räumt ' +
      'zufolge',
  ),
)
/** Verbs the speaker follows in German's usual order: „…“, sagte Vorstandschef Markus Lindner. */
const INVERTED = new Set(
  words(
    'sagte sagt sagten erklärte erklärt betonte betont warnte warnt teilte teilt kündigte kündigt ' +
      'schätzte schätzt bezifferte beziffert berichtete berichtet meldete meldet bestätigte bestätigt ' +
      'schrieb schreibt rechnete rechnet verwies verweist ergänzte ergänzt räumte räumt fordert forderte ' +
      'gibt gab',
  ),
)

const TITLE_HEADS = words(
  'chef chefin vorsitzende vorsitzender sprecher sprecherin minister ministerin präsident präsidentin ' +
    'direktor direktorin leiter leiterin vorsteher vorsteherin führer führerin geschäftsführer ' +
    'geschäftsführerin experte expertin ökonom ökonomin analyst analystin kanzler kanzlerin ' +
    'bürgermeister bürgermeisterin landrat landrätin brandrat meister meisterin kommissar kommissarin ' +
    'beauftragte beauftragter forscher forscherin vorstand',
)
const TITLES = new CompoundSet(
  words(
    'herr frau dr prof professor professorin chef chefin sprecher sprecherin vorstand minister ministerin ' +
      'kanzler kanzlerin präsident präsidentin bürgermeister bürgermeisterin landrat landrätin ' +
      'direktor direktorin leiter leiterin geschäftsführer geschäftsführerin ökonom ökonomin analyst ' +
      'analystin experte expertin trainer trainerin anwohner anwohnerin kapitän schiffer',
  ),
  TITLE_HEADS,
)

const ORG_HEADS = words(
  'ministerium amt verband konzern gewerkschaft institut anstalt behörde verwaltung inspektion bank ' +
    'kasse partei fraktion regierung polizei feuerwehr dienst werk unternehmen gesellschaft agentur ' +
    'kammer gericht rat bund verein stiftung hochschule universität klinik zentrum büro kommission ' +
    'hersteller betreiber reederei bahn wetterdienst',
)
const ORGS = new CompoundSet(
  words(
    'ministerium amt verband konzern gewerkschaft institut anstalt behörde verwaltung bank partei ' +
      'fraktion regierung polizei feuerwehr unternehmen gesellschaft agentur kammer gericht stadtrat ' +
      'hochschule universität kommission hersteller betreiber bahn freistaat stadt gemeinde land landkreis ' +
      'bundesregierung bundeswehr',
  ),
  ORG_HEADS,
)

/** Descriptors before a body's own name: "die Gewerkschaft Verdi", "der Betreiber Fraport". */
const DESCRIPTOR =
  /^(?:\p{L}*(?:gewerkschaft|konzern|betreiber|hersteller|unternehmen|firma|partei)|\p{L}*verband(?= \p{Lu}{2,}))$/iu

/** Undoes the genitive and dative of a body's name: "Deutschen Wetterdienstes" → "Deutscher Wetterdienst". */
function nominative(words: string[], before: string): string[] {
  const genitive = /\b(?:des|eines)\s+$/i.test(before)
  const feminine = /\b(?:der|einer)\s+$/i.test(before)
  if (!genitive && !feminine) return words
  const out = [...words]
  for (let i = 0; i < out.length; i++) {
    const w = out[i]
    if (!/^\p{Lu}/u.test(w)) break
    const adjective = /en$/.test(w) && /^\p{Lu}/u.test(out[i + 1] ?? '')
    if (adjective) {
      out[i] = w.replace(/en$/, genitive ? 'er' : 'e')
      continue
    }
    if (genitive && !/^\p{Lu}+$/u.test(w))
      // ("Arbeitskreises" → "Arbeitskreis": a genitive in -ses is a stem in -s with -es)
      out[i] = /(?:st|sch|ss|ß|z|[^s]s)es$/.test(w) ? w.slice(0, -2) : /[^s]s$/.test(w) ? w.slice(0, -1) : w
    break
  }
  return out
}

function normalizeName(name: string, before: string): string {
  let words = name.split(' ')
  let context = before
  // "Sprecher des Flughafens Hamburg", "Angaben des DWD": the body after the role speaks
  const at = words.findIndex((w, i) => i > 0 && /^(?:des|der)$/.test(w))
  if (at === 1 && (TITLES.has(words[0].toLowerCase()) || words[0] === 'Angaben')) {
    context = `${words[0]} ${words[1]} `
    words = words.slice(2)
  }
  words = nominative(words, context)
  if (words.length > 1 && DESCRIPTOR.test(words[0]) && /^\p{Lu}/u.test(words[1])) words = words.slice(1)
  return words.join(' ')
}

export const deSpeech: SpeechWords = {
  verbs: VERBS,
  inverted: INVERTED,
  titles: TITLES,
  orgs: ORGS,
  pronouns: new Set(words('er sie')),
  functionWords: new Set(
    words(
      'er sie es wir ich du man das dies dieser diese dieses der die den dem des ein eine in im an am auf ' +
        'aus bei mit nach seit von vor zu zum zur über unter um für und oder aber doch als wie wenn dass ' +
        'auch so da dann nun noch schon laut allein bereits zuletzt insgesamt',
    ),
  ),
  phraseBreaks: new Set(
    words('und oder aber als wie wenn dass der die das in im an am auf aus bei mit nach von vor zu für'),
  ),
  connectors: new Set(words('für von der des')),
  particles: new Set(words('von van de der zu den')),
  determiners: new Set(
    words('der die das den dem des ein eine einen einem einer eines sein seine ihr ihre dessen deren'),
  ),
  according: [['laut'], ['nach', 'angaben'], ['zufolge'], ['gemäß'], ['gemäss']],
  // indirect speech in the Konjunktiv ("Rund 2.300 Haushalte seien noch ohne Strom") and "nach seinen
  // Angaben" go on with the speaker of the sentence before
  reported:
    /(?<![\p{L}])(?:sei|seien|habe|hätten|hätte|werde|würden|würde|könne|könnten|müsse|müssten|liege|lägen|gebe|nach (?:seinen|ihren) Angaben|(?:seinen|ihren) Worten)(?![\p{L}])/u,
  by: ['von'],
  who: ['der', 'die'],
  normalizeName,
}
