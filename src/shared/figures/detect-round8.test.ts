// Kinds of figures and non-figures read in issue #13 round 8, in every language where the kind exists: ages of
// a named person or of a group, two days of one month, terms of loans and bonds, the same number twice ("one-on-
// one"), container sizes, a name written at a sentence's start, "more than a year", a change that shares its
// unit. Sentences written for these tests (none taken from a labelled set).
import { describe, expect, it } from 'vitest'
import { detectCases, found } from '../../../test/figures/detect-cases'
import { detectFigures, lexiconFor } from './index'

/** Each figure as [text, value, unit?]. */
const cases = detectCases()

describe('ages after a name, and of a group of people, are no figures', () => {
  cases([
    ['fr', 'Paul et Inès Garnier, 41 et 38 ans, ont acheté 2 maisons.', [['2', 2, 'maisons']]],
    ['fr', 'Chez les salariés de plus de 50 ans, 12 % sont au chômage.', [['12 %', 12, '%']]],
    ['es', 'Marta Ruiz, 47 años, cría 300 ovejas.', [['300', 300, 'ovejas']]],
    ['es', 'Se siguió a 5.000 personas de entre 30 y 60 años.', [['5.000', 5000, 'personas']]],
    [
      'de',
      'Der Bund fördert Firmen, die Arbeitslose über 55 einstellen, mit 400 Euro.',
      [['400 Euro', 400, 'EUR']],
    ],
    ['de', 'Jonas Weber (34) trainiert 20 Kinder.', [['20', 20, 'Kinder']]],
    ['uk', 'Олена Шевчук, 52 роки, доглядає 40 корів.', [['40', 40, 'корів']]],
    [
      'uk',
      'Серед працівників до 25 років таких 18%, серед тих, кому за 60, — 7%.',
      [
        ['18%', 18, '%'],
        ['7%', 7, '%'],
      ],
    ],
    ['ru', 'Ирина Смирнова, 44 года, ведёт 12 групп.', [['12', 12, 'групп']]],
    ['ru', 'Среди учителей старше 60 лет таких 22%.', [['22%', 22, '%']]],
  ])
  it('keeps a count after a group of people: "Beschäftigte über 50 Mitarbeiter", "до 30 тысяч"', () => {
    expect(found('de', 'Betriebe mit über 50 Mitarbeitern.')).toEqual([['über 50', 50, 'Mitarbeitern']])
    expect(found('ru', 'Зарплаты работников до 30 тысяч.')).toEqual([['до 30 тысяч', 30000]])
  })
})

describe('two days of one month are dates', () => {
  cases([
    ['en', 'Strikes are planned on 3 and 10 December, with 200 drivers out.', [['200', 200, 'drivers']]],
    ['fr', 'Les grèves du 4 au 9 mars ont touché 60 lignes.', [['60', 60, 'lignes']]],
    ['es', 'Habrá paros el 3 y el 10 de diciembre en 14 líneas.', [['14', 14, 'líneas']]],
    ['de', 'Vom 2. bis 6. Mai fahren 12 Busse weniger.', [['12', 12, 'Busse']]],
    ['uk', 'Опитування тривало з 2 по 23 вересня серед 900 лікарів.', [['900', 900, 'лікарів']]],
    ['ru', 'Выборы прошли 8 и 9 сентября на 40 участках.', [['40', 40, 'участках']]],
  ])
})

describe('the term of a loan, a bond or a metal contract is no quantity', () => {
  cases([
    ['en', 'The 10-year gilt yield rose to 4.2%.', [['4.2%', 4.2, '%']]],
    ['en', 'Three-month copper gained 1.5%.', [['1.5%', 1.5, '%']]],
    ['en', 'A 30-day ceasefire began.', [['30-day', 30, 'days']]],
    ['fr', "Le taux de l'OAT à 10 ans atteint 3,2 %.", [['3,2 %', 3.2, '%']]],
    ['es', 'El bono a diez años rinde un 3,1 %.', [['3,1 %', 3.1, '%']]],
    ['uk', 'Дохідність 10-річних облігацій зросла на 2%.', [['2%', 2, '%']]],
    ['ru', 'Доходность 10-летних облигаций выросла на 2%.', [['2%', 2, '%']]],
  ])
})

describe('the same number twice, container sizes, a street named after a date, a phone number, a score', () => {
  cases([
    ['en', 'The leaders held one-on-one talks for 40 minutes.', [['40 minutes', 40, 'minutes']]],
    ['fr', 'Ils sont entrés un à un, 30 au total.', [['30', 30]]],
    ['es', 'Los vecinos salieron uno a uno.', []],
    ['de', 'Das Tor fiel eins zu eins, vor 3.000 Fans.', [['3.000', 3000, 'Fans']]],
    ['uk', 'Вони зустрілися один на один.', []],
    ['ru', 'Они говорили один на один.', []],
    ['en', 'The port handled 40-foot containers for 12 lines.', [['12', 12, 'lines']]],
    ['es', 'Llegaron contenedores de 20 pies a 9 muelles.', [['9', 9, 'muelles']]],
    ['fr', 'Une agence de la rue du 4-Septembre vend 30 biens.', [['30', 30, 'biens']]],
    ['fr', 'Le neuf recule, les promoteurs ont vendu 400 logements.', [['400', 400, 'logements']]],
    ['en', 'Call the helpdesk on 01632 960418 about the 12 flats.', [['12', 12, 'flats']]],
    ['en', 'Ortiz made it 2-0 before 31,000 fans.', [['31,000', 31000, 'fans']]],
    ['en', 'It acted under regulation 12 of the code.', []],
  ])
})

describe('a name at a sentence start, and a name in a sentence of few words, name the number', () => {
  cases([
    ['en', 'Harlow 8 ships next month. It is the first Harlow phone with 5G.', []],
    ['en', 'The Aster Nova 3 review is out.', []],
    ['en', 'In Leeds, the Pennine 100 index of small firms rose.', []],
    [
      'en',
      'Police 40 officers? No: police said 40 officers were hurt.',
      [
        ['40', 40, 'officers'],
        ['40', 40, 'officers'],
      ],
    ],
    ['en', 'Russia Fires 500 Drones At Cities', [['500', 500, 'Drones']]],
  ])
})

describe('"more than a year": the article is one, after a qualifier and before a unit of time', () => {
  cases([
    ['en', 'Some had waited more than a year.', [['more than a year', 1, 'years']]],
    ['en', 'Prices were 4% higher than a year earlier.', [['4%', 4, '%']]],
    ['en', 'It took a year.', []],
    ['es', 'Lleva más de un año sin trabajo.', [['más de un año', 1, 'years']]],
    ['de', 'Sie warten seit mehr als einem Jahr.', [['mehr als einem Jahr', 1, 'years']]],
  ])
})

describe('the first number of a change takes the second one’s unit', () => {
  cases([
    [
      'uk',
      'Час очікування скоротився з 38 до 21 години.',
      [
        ['38', 38, 'hours'],
        ['21 години', 21, 'hours'],
      ],
    ],
    [
      'en',
      'The fleet grew from 12 to 16 electric buses.',
      [
        ['12', 12, 'buses'],
        ['16', 16, 'buses'],
      ],
    ],
    [
      'ru',
      'Тариф вырос с 40 до 46 рублей.',
      [
        ['40', 40, 'RUB'],
        ['46 рублей', 46, 'RUB'],
      ],
    ],
  ])
})

describe('French "d’environ": the qualifier is "environ", the elided "de" glued to it', () => {
  it('reads the qualifier and leaves "d’" outside the figure', () => {
    const [a, b] = detectFigures(
      "Le taux a reculé d'environ 0,8 point ; une commande d’environ 2 milliards d'euros.",
      lexiconFor('fr'),
    )
    expect([a.text, a.qualifier, b.text, b.qualifier]).toEqual([
      '0,8 point',
      'environ',
      "2 milliards d'euros",
      'environ',
    ])
  })
})
