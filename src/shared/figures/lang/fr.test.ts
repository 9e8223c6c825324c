import { describe, expect, it } from 'vitest'
import { detectFigures, suggestAttribution, suggestPeriod } from '../index'
import { parseFrenchNumberWords } from './fr-numbers'
import { fr } from './fr'

const figures = (text: string) =>
  detectFigures(text, fr).map((f) => ({
    text: f.text,
    value: f.value,
    ...(f.max !== undefined ? { max: f.max } : {}),
    ...(f.unit !== undefined ? { unit: f.unit } : {}),
    ...(f.qualifier !== undefined ? { qualifier: f.qualifier } : {}),
  }))

const items = (text: string): string[] => text.toLowerCase().match(/[\p{L}'’]+|-/gu) ?? []

describe('French number words', () => {
  it.each([
    ['sept', 7, 1],
    ['dix-sept', 17, 3],
    ['vingt et un', 21, 3],
    ['vingt-deux', 22, 3],
    ['soixante-dix', 70, 3],
    ['soixante et onze', 71, 3],
    ['quatre-vingts', 80, 3],
    ['quatre-vingt-dix-neuf', 99, 7],
    ['deux cents', 200, 2],
    ['trois cent mille', 300_000, 3],
    ['deux mille vingt-quatre', 2024, 5],
    ['un million', 1e6, 2],
    ['deux millions et demi', 2.5e6, 4],
    ['une vingtaine', 20, 2],
    ['un tiers', 1 / 3, 2],
    ['deux tiers', 2 / 3, 2],
    ['trois quarts', 0.75, 2],
    ["d'un quart", 0.25, 2],
  ])('%s = %d', (text, value, used) => {
    const parsed = parseFrenchNumberWords(items(text))
    expect(parsed?.value).toBeCloseTo(value, 9)
    expect(parsed?.used).toBe(used)
  })

  it.each(['un', 'une', 'le', 'neuvième'])('"%s" alone is no number', (text) => {
    expect(parseFrenchNumberWords(items(text))).toBeUndefined()
  })
})

describe('French figures', () => {
  it.each<[string, ReturnType<typeof figures>]>([
    [
      'Quelque 4\u202f300 salariés.',
      [{ text: 'Quelque 4\u202f300', value: 4300, unit: 'salariés', qualifier: 'quelque' }],
    ],
    ['Il reste 1\u00a0234,5 tonnes.', [{ text: '1\u00a0234,5 tonnes', value: 1234.5, unit: 'tonnes' }]],
    ['Un déficit de 5,6 % du PIB.', [{ text: '5,6 %', value: 5.6, unit: '%' }]],
    ['Il coûte 2,1 milliards d’euros.', [{ text: '2,1 milliards d’euros', value: 2.1e9, unit: 'EUR' }]],
    ['Un effort de 31 Md€.', [{ text: '31 Md€', value: 31e9, unit: 'EUR' }]],
    ['Un chantier de 12 M€.', [{ text: '12 M€', value: 12e6, unit: 'EUR' }]],
    ['Des dégâts de 150 000 €.', [{ text: '150 000 €', value: 150_000, unit: 'EUR' }]],
    ['Vendue 549 euros.', [{ text: '549 euros', value: 549, unit: 'EUR' }]],
    ['Des rafales à 187 km/h.', [{ text: '187 km/h', value: 187, unit: 'km/h' }]],
    ["Jusqu'à 95 mm de pluie.", [{ text: "Jusqu'à 95 mm", value: 95, unit: 'mm', qualifier: "jusqu'à" }]],
    [
      'Il faut au moins dix ans.',
      [{ text: 'au moins dix ans', value: 10, unit: 'years', qualifier: 'au moins' }],
    ],
    [
      'Entre 300 et 500 millions d’euros.',
      [{ text: 'Entre 300 et 500 millions d’euros', value: 3e8, max: 5e8, unit: 'EUR' }],
    ],
    [
      'Ils ont progressé de 3 à 4 kilomètres.',
      [{ text: 'de 3 à 4 kilomètres', value: 3, max: 4, unit: 'km' }],
    ],
    ['Une hausse de 0,5 point.', [{ text: '0,5 point', value: 0.5, unit: 'percentage points' }]],
    ['Environ un tiers du réseau.', [{ text: 'Environ un tiers', value: 1 / 3, qualifier: 'environ' }]],
    ['Des centaines de communes.', [{ text: 'Des centaines', value: 200, unit: 'communes' }]],
    [
      'Des dizaines de milliers de manifestants.',
      [{ text: 'Des dizaines de milliers', value: 20_000, unit: 'manifestants' }],
    ],
    ['Plusieurs centaines de personnes.', [{ text: 'Plusieurs centaines', value: 300, unit: 'personnes' }]],
  ])('%s', (text, expected) => {
    expect(figures(text)).toEqual(expected)
  })

  it.each([
    'Le cabinet ouvre à 8 h 30, dès 7h45 et jusqu’à 18H05.',
    'La grève est prévue les 5 et 6 décembre, puis le 1er janvier 2025.',
    'Une femme de 54 ans et Marc Delaunay, 61 ans, sont là; la retraite à 67 ans.',
    'Pour les moins de 26 ans et les 18-25 ans.',
    'Il y a trente ans, la ligne a fermé.',
    'Le 2e arrondissement, la 3ème fois, au XXe siècle.',
    'Appelez le 3635 ou le 0 800 940 211 ou le 04 72 18 55 90.',
    "L'article 49.3 et l'annexe 3, la mise à jour 2.4.1.",
    'Sur PlayStation 5 et Windows 11, hors du CAC 40.',
    'Les Trente Glorieuses et les Deux-Sèvres.',
    '1. Une mesure.',
    'Un garçon et une fille.',
    'Un Français sur cinq.',
  ])('finds nothing in %s', (text) => {
    expect(figures(text)).toEqual([])
  })
})

describe('French periods', () => {
  const periodOf = (text: string, figure: string, articleDate: string) => {
    const start = text.indexOf(figure)
    const found = suggestPeriod({ text, start, end: start + figure.length, articleDate, lex: fr })
    return found && [found.start, found.end]
  }
  it.each<[string, string, string, [string, string]]>([
    ['Fin décembre, 40 drones ont frappé.', '40', '2024-01-10', ['2023-12-21', '2023-12-31']],
    ['À la mi-mars, 40 drones ont frappé.', '40', '2024-04-02', ['2024-03-11', '2024-03-20']],
    ['Dans la première semaine de janvier, 30 drones.', '30', '2024-01-20', ['2024-01-01', '2024-01-07']],
    [
      'Depuis 2014, 6 millions de personnes ont fui.',
      '6 millions',
      '2024-01-10',
      ['2014-01-01', '2024-01-10'],
    ],
    [
      "Le bénéfice a atteint 112 millions d'euros l'an dernier.",
      '112',
      '2024-11-14',
      ['2023-01-01', '2023-12-31'],
    ],
    ['Une croissance de 1,1 % en 2025.', '1,1 %', '2024-10-10', ['2025-01-01', '2025-12-31']],
    [
      'Les prix ont bondi de 9 % au cours des trois derniers mois.',
      '9 %',
      '2024-06-18',
      ['2024-03-18', '2024-06-18'],
    ],
    ['Entre mars et mai, 300 incendies.', '300', '2024-06-18', ['2024-03-01', '2024-05-31']],
    // README conventions: "this winter" begins on 1 December and ends by the article's date (round 9)
    ['Cet hiver, 300 sans-abri sont morts.', '300', '2024-01-15', ['2023-12-01', '2024-01-15']],
    ['Dans la nuit, 38 drones ont été lancés.', '38', '2024-06-18', ['2024-06-17', '2024-06-18']],
    ['Mardi, 12 personnes ont été blessées.', '12', '2024-01-10', ['2024-01-09', '2024-01-09']],
    ['La dette atteindra 115,3 % fin 2025.', '115,3 %', '2024-10-10', ['2025-12-31', '2025-12-31']],
    ['Elle supprime 350 postes d’ici fin 2025.', '350', '2024-11-14', ['2024-11-14', '2025-12-31']],
    ['Le titre a reculé de 6 % depuis le 1er janvier.', '6 %', '2024-11-14', ['2024-01-01', '2024-11-14']],
    ['Ma voisine attend depuis huit mois.', 'huit mois', '2024-09-21', ['2024-01-21', '2024-09-21']],
  ])('%s', (text, figure, date, expected) => {
    expect(periodOf(text, figure, date)).toEqual(expected)
  })

  it.each<[string, string, string, [string, string] | undefined]>([
    // a period carries to the next sentences of its paragraph, a year as well as a night (conventions v2)
    [
      'Dans la nuit, 38 drones ont été lancés. La défense en a abattu 31.',
      '31',
      '2024-06-18',
      ['2024-06-17', '2024-06-18'],
    ],
    [
      'La ligne a rouvert en 2022. Elle mesure 47 kilomètres.',
      '47',
      '2025-01-15',
      ['2022-01-01', '2022-12-31'],
    ],
    // a list item's sentence is the one before the list, not its marker
    [
      'Tempête Ingrid\n\nLe point ce mardi soir :\n\n1. Environ 610 000 foyers sont privés de courant.',
      '610 000',
      '2024-12-03',
      ['2024-12-03', '2024-12-03'],
    ],
  ])('the sentence before: %s', (text, figure, date, expected) => {
    expect(periodOf(text, figure, date)).toEqual(expected)
  })
})

describe('French speakers', () => {
  const speakerOf = (text: string, figure: string) => {
    const start = text.indexOf(figure)
    return suggestAttribution({ text, start, end: start + figure.length, lex: fr })
  }
  it.each([
    ['« Il faut 7 systèmes », a déclaré le président, Volodymyr Zelensky.', '7', 'Volodymyr Zelensky'],
    ['Selon Enedis, 610 000 foyers sont privés de courant.', '610 000', 'Enedis'],
    ["D'après l'armée de l'air ukrainienne, 38 drones ont été abattus.", '38', "armée de l'air ukrainienne"],
    [
      'Le ministère russe de la Défense a affirmé avoir abattu 87 drones.',
      '87',
      'ministère russe de la Défense',
    ],
    ['La compagnie aérienne Air Azur a annoncé la commande de 40 avions.', '40', 'Air Azur'],
    [
      'Il faudra 10 ans, prévient la Conférence des doyens de médecine.',
      '10 ans',
      'Conférence des doyens de médecine',
    ],
    [
      'Le préfet, Thierry Lemaire, a annoncé 212 fermetures. « Plus de 40 000 élèves », a-t-il déclaré.',
      '40 000',
      'Thierry Lemaire',
    ],
    [
      'Selon le Haut Conseil des finances publiques (HCFP), rien. Selon le HCFP, 7 milliards manquent.',
      '7 milliards',
      'Haut Conseil des finances publiques',
    ],
    ['La compagnie emploie 4 300 salariés.', '4 300', undefined],
    [
      "Selon l'armée de l'air, 38 drones ont été lancés. La défense en a abattu 31, a-t-elle affirmé.",
      '31',
      "armée de l'air",
    ],
    [
      "Selon le ministre de l'Intérieur, Laurent Vasseur, 3 000 secouristes sont mobilisés.",
      '3 000',
      'Laurent Vasseur',
    ],
    [
      'Selon la Direction de la recherche, des études, de l’évaluation et des statistiques (Drees), rien. La part recule à 42 %, précise la Drees.',
      '42 %',
      'Direction de la recherche, des études, de l’évaluation et des statistiques',
    ],
  ])('%s', (text, figure, expected) => {
    expect(speakerOf(text, figure)).toBe(expected)
  })
})
