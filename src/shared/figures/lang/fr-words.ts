// Runs everywhere: the French word tables figure detection reads: qualifiers, currencies, units, vague
// quantities and the closed word classes that end a counted noun phrase.
import { CURRENCY_PREFIXES } from '../lexicon'
import type { VagueEntry } from './types'

const words = (list: string): ReadonlySet<string> => new Set(list.split(' '))

/** Every phrase with both apostrophes: "jusqu'à" and "jusqu’à". */
const bothApostrophes = (phrases: readonly string[]): string[] =>
  phrases.flatMap((p) => (/['’]/.test(p) ? [p.replace(/’/g, "'"), p.replace(/'/g, '’')] : [p]))

/** Longest first, so `un peu plus de` wins over `plus de`. */
export const FR_QUALIFIERS = bothApostrophes([
  'un peu plus de',
  'un peu moins de',
  'légèrement plus de',
  'légèrement moins de',
  'bien plus de',
  'bien moins de',
  'pas moins de',
  'pas plus de',
  'aux alentours de',
  "de l'ordre de",
  'tout au plus',
  'au bas mot',
  'au-delà de',
  'au-dessus de',
  'au-dessous de',
  'en dessous de',
  'autour de',
  'au moins',
  'au plus',
  'au minimum',
  'au maximum',
  'plus de',
  'moins de',
  'près de',
  // before a multiple or a share named with its article: "plus du double", "près du tiers"
  'plus du',
  'moins du',
  'près du',
  "jusqu'à",
  'environ',
  // "d'environ 1,5 point": the elided "de" is glued to the qualifier
  "d'environ",
  'd’environ',
  'quelque',
  'approximativement',
  'presque',
  'quasiment',
  'pratiquement',
  'à peine',
  // "près d'un quart": the elided "d'un" is read with the number
  'près',
])

export const FR_CURRENCY_PREFIXES: Readonly<Record<string, string>> = { ...CURRENCY_PREFIXES, chf: 'CHF' }

const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  euros: 'EUR',
  euro: 'EUR',
  dollars: 'USD',
  dollar: 'USD',
  'dollars américains': 'USD',
  'dollars canadiens': 'CAD',
  'dollars australiens': 'AUD',
  'livres sterling': 'GBP',
  'francs suisses': 'CHF',
  'francs cfa': 'XOF',
  yens: 'JPY',
  yen: 'JPY',
  yuans: 'CNY',
  yuan: 'CNY',
  roubles: 'RUB',
  rouble: 'RUB',
  hryvnias: 'UAH',
  hryvnia: 'UAH',
  zlotys: 'PLN',
  roupies: 'INR',
}

/** After the number, with or without "de": "18,45 euros", "4,4 milliards de dollars", "700 millions d'euros". */
export const FR_CURRENCY_SUFFIXES: Readonly<Record<string, string>> = Object.fromEntries([
  ...Object.entries(CURRENCY_WORDS).flatMap(([word, code]) => {
    const elided = /^[aeiouy]/.test(word) ? [`d'${word}`, `d’${word}`] : [`de ${word}`]
    return [[word, code], ...elided.map((w) => [w, code])]
  }),
  ...['usd', 'eur', 'gbp', 'chf', 'uah', 'rub', 'jpy', 'cny'].map((c) => [c, c.toUpperCase()]),
  // signs after the number: "549 €", and "12 M€", where the sign makes M a million
  ['€', 'EUR'],
  ['$', 'USD'],
  ['£', 'GBP'],
])

export const FR_SCALE_WORDS: Readonly<Record<string, number>> = {
  mille: 1e3,
  million: 1e6,
  millions: 1e6,
  milliard: 1e9,
  milliards: 1e9,
  billion: 1e12,
  billions: 1e12,
  md: 1e9,
  mds: 1e9,
  mrd: 1e9,
  mrds: 1e9,
  mln: 1e6,
}

export const FR_MONEY_SCALES: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, md: 1e9 }

/** Lower bounds of vague quantities (the same convention as English: "des centaines" → 200). */
export const FR_VAGUE: Readonly<Record<string, VagueEntry>> = Object.fromEntries(
  (
    [
      ['dizaines de milliers', 2e4],
      ['centaines de milliers', 2e5],
      ['dizaines de millions', 2e7],
      ['centaines de millions', 2e8],
      ['dizaines', 24],
      ['centaines', 200],
      ['milliers', 2000],
      ['millions', 2e6],
      ['milliards', 2e9],
    ] as const
  ).flatMap(([phrase, value]) => [
    [`des ${phrase}`, { value }],
    [`par ${phrase}`, { value }],
    // "plusieurs" is three to the English "a few" two: plusieurs dizaines → 36, plusieurs centaines → 300
    [`plusieurs ${phrase}`, { value: value * 1.5 }],
    [`quelques ${phrase}`, { value }],
  ]),
)

/** Prepositions, determiners, pronouns, conjunctions and auxiliaries: a counted noun phrase stops here. */
export const FR_STOP_WORDS = words(
  "de du des d d' d’ la le les l l' l’ un une et ou à au aux en dans par pour sur sous avec sans chez " +
    'entre vers contre depuis pendant durant avant après selon que qui dont où ce cet cette ces son sa ses ' +
    'leur leurs notre nos votre vos mon ma mes il elle ils elles on nous vous je se ne pas plus moins très ' +
    'aussi déjà encore seulement environ soit est sont était étaient a ont avait avaient été être sera ' +
    'seront serait fait font y comme mais donc or ni car si lorsque quand alors tout tous toute toutes ' +
    'chaque aucun aucune certains plusieurs quelques cela ça ceci celui celle ceux celles hier demain ' +
    'aujourd’hui dernier dernière derniers dernières prochain prochaine lors parmi malgré hors près ici là ' +
    'désormais toujours jamais puis ensuite enfin notamment respectivement contre dès via supplémentaires ' +
    "chacun chacune seul seule seuls seules environ quelque jusqu’à jusqu'à lui leur eux même mêmes",
)

export const FR_COMMON_VERBS = words(
  'reste restent compte comptent devrait devraient doit doivent peut peuvent va vont vient viennent ' +
    'représente représentent concerne concernent coûte coûtent atteint atteignent dépasse dépassent ' +
    'touche touchent vit vivent travaillent travaille manque manquent nécessitent nécessite',
)

/** Words before a number that make it a name or a reference rather than a quantity. */
export const FR_DESIGNATION_KEYWORDS: ReadonlySet<string> = new Set(
  (
    'article articles alinéa chapitre page pages paragraphe annexe ligne lignes numéro n° route autoroute ' +
    'départementale nationale vol salle chambre porte quai voie bâtiment bloc niveau catégorie phase étape ' +
    'zone saison épisode série tome volume chaîne canal bus tram tramway protocole ' +
    'amendement décret loi code section titre réacteur unité secteur circonscription arrondissement ' +
    'division brigade régiment acte hangar sortie sorties terminal'
  )
    .split(' ')
    .flatMap((w) => (/^[aeiouyéh]/.test(w) ? [w, `l'${w}`, `l’${w}`, `d'${w}`, `d’${w}`] : [w])),
)

export const FR_CASUALTY_WORDS = words(
  'tué tués tuée tuées blessé blessés blessée blessées mort morts morte mortes disparu disparus ' +
    'arrêté arrêtés interpellé interpellés hospitalisé hospitalisés évacué évacués secouru secourus',
)

/** Verbs that make `de A à B` a change between two figures rather than a range. */
export const FR_CHANGE_WORDS = words(
  'passé passe passer passant passera passait passés passée passées évolué évoluer ramené ramener ' +
    'ramène ramenée porté porter porte portée relevé relever abaissé abaisser',
)

export const FR_COMPARATIVES = words('plus moins supplémentaires')
