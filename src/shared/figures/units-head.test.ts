// A figure's unit, when no measure, currency or % applies, is the counted noun's head as the text writes it
// (conventions §13, issue #13 round 8): no adjectives, complements or model names; a verb, an adverb or a
// preposition where the noun was elided is no unit. Sentences written for these tests (none taken from a
// labelled set).
import { describe, expect, it } from 'vitest'
import { detectFigures, lexiconFor } from './index'

/** The unit of the figure whose text is `figure`. */
const unitOf = (lang: string, text: string, figure: string): string | undefined =>
  detectFigures(text, lexiconFor(lang)).find((f) => f.text === figure)?.unit

const cases = (list: [string, string, string, string | undefined][]) =>
  it.each(list)('%s: %s → %s', (lang, text, figure, unit) => {
    expect(unitOf(lang, text, figure)).toBe(unit)
  })

describe('English: the first plural noun, past adjectives, noun modifiers and model names', () => {
  cases([
    ['en', 'The navy received 12 Harrow 3 patrol boats last spring.', '12', 'boats'],
    ['en', 'Crews fought 80 grass and scrub fires on the moor.', '80', 'fires'],
    ['en', 'The carrier will lease 9 Boeing 787 aircraft from next year.', '9', 'aircraft'],
    ['en', 'The club signed 4 young Brazilian players in June.', '4', 'players'],
    ['en', 'Only 212 members present voted for the motion.', '212', 'members'],
    ['en', 'The yard delivered 300 buses and trams to the city.', '300', 'buses and trams'],
    ['en', 'The council bought 6 K-450 units.', '6', 'units'],
    ['en', 'The operator ordered 15 T100neo for its regional routes.', '15', undefined],
    ['en', 'Thousands of their members marched to the square.', 'Thousands', 'members'],
  ])
})

describe('French and Spanish: the noun comes first, its complements after', () => {
  cases([
    ['fr', 'La région a commandé 14 rames régionales Régiolis pour la ligne.', '14', 'rames'],
    ['fr', 'Le ministère recrute 300 nouveaux agents de contrôle.', '300', 'agents'],
    ['fr', 'La compagnie prend livraison de 20 Embraer E195, dit-elle.', '20', undefined],
    ['fr', 'On compte 2 millions d’adhérents cette année.', '2 millions', 'adhérents'],
    ['fr', 'Des milliers d’électeurs se sont abstenus.', 'Des milliers', 'électeurs'],
    ['fr', 'Neuf personnes ont été blessées, dont quatre grièvement.', 'quatre', undefined],
    ['fr', 'Elle vise 15 millions d’ici 2030.', '15 millions', undefined],
    ['es', 'El ayuntamiento instaló 48 paradas cubiertas de autobús.', '48', 'paradas'],
    ['es', 'Se contrataron 120 nuevos médicos de familia.', '120', 'médicos'],
    ['es', 'La flota suma 31 aviones Airbus A321neo.', '31', 'aviones'],
    ['es', 'Del total, 9 millones proceden de la Unión Europea.', '9 millones', undefined],
  ])
})

describe('German: the capitalised noun, past lower-case adjectives and a maker before a model', () => {
  cases([
    ['de', 'Die Stadt stellt 40 zusätzliche Erzieherinnen ein.', '40', 'Erzieherinnen'],
    ['de', 'Der Verband meldete 12 neue Mitgliedsbetriebe.', '12', 'Mitgliedsbetriebe'],
    ['de', 'Gekauft wurden 30 Leopard 2 Panzer.', '30', 'Panzer'],
    ['de', 'Es kamen 900 Besucherinnen und Besucher.', '900', 'Besucherinnen und Besucher'],
  ])
})

describe('Ukrainian and Russian: the noun after its adjectives, before its complements', () => {
  cases([
    ['uk', 'Місто отримає 12 нових низькопідлогових тролейбусів.', '12', 'тролейбусів'],
    ['uk', 'Уночі ворог запустив 40 ударних дронів типу «Шахед».', '40', 'дронів'],
    ['uk', 'Підтоплено 17 населені пункти області.', '17', 'пункти'],
    ['uk', 'Загинули двоє людей, ще 11 дістали поранень.', '11', undefined],
    ['uk', 'За проголосували 40 депутатів, ще п’ятеро утрималися.', 'п’ятеро', undefined],
    ['ru', 'Завод выпустил 25 пассажирских вагонов метро.', '25', 'вагонов'],
    ['ru', 'Снесли 12 частных жилых домов на окраине.', '12', 'домов'],
    ['ru', 'В регионе открыли 300 рабочих мест.', '300', 'мест'],
    ['ru', 'Сборная набрала 17 очков, соперник отстаёт на 5 против 3.', '17', 'очков'],
    ['ru', 'На оборону выделено 92,5 млрд. Расходы на дороги сократят.', '92,5 млрд.', undefined],
  ])
})
