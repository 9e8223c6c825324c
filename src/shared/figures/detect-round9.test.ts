// Kinds of figures read in issue #13 round 9, in every language where the form exists: multipliers
// (conventions §16) and units of measure or currency that carry to a number written without them (§15).
// Sentences written for these tests (none taken from a labelled set).
import { describe } from 'vitest'
import { detectCases } from '../../../test/figures/detect-cases'

/** Each figure as [text, value, unit?]. */
const cases = detectCases()
/** Each figure as [text, value, unit?, "q:" + qualifier?]. */
const qualified = detectCases({ qualifier: true })

describe('a multiplier that states a ratio is a figure with no unit (§16)', () => {
  qualified([
    ['en', 'Sales were twice as high as in 2019.', [['twice', 2]]],
    [
      'en',
      'Fares rose 9%, more than double the rate of inflation.',
      [
        ['9%', 9, '%'],
        ['more than double', 2, 'q:more than'],
      ],
    ],
    ['en', 'Ozone reached four times the safe limit.', [['four', 4]]],
    ['en', 'The shares trade at 22 times expected earnings.', [['22', 22]]],
    ['en', 'Output grew threefold.', [['threefold', 3]]],
    [
      'fr',
      'Les ventes ont atteint 40 %, deux fois plus qu’en 2023.',
      [
        ['40 %', 40, '%'],
        ['deux', 2],
      ],
    ],
    ['fr', 'La dette représente le triple du budget.', [['le triple', 3]]],
    ['es', 'Las lluvias fueron tres veces más intensas que en mayo.', [['tres', 3]]],
    ['es', 'La factura subió casi el doble.', [['casi el doble', 2, 'q:casi']]],
    ['de', 'Es kamen doppelt so viele Besucher wie 2024.', [['doppelt', 2]]],
    [
      'de',
      'Der Preis lag bei mehr als dem Dreifachen der Schätzung.',
      [['mehr als dem Dreifachen', 3, 'q:mehr als']],
    ],
    ['de', 'Die Miete ist dreimal so hoch wie vor zehn Jahren.', [['dreimal', 3]]],
    ['uk', 'Врожай зріс майже вдвічі.', [['майже вдвічі', 2, 'q:майже']]],
    ['uk', 'Опадів випало у 2,5 раза більше за норму.', [['2,5', 2.5]]],
    ['ru', 'Расходы выросли втрое.', [['втрое', 3]]],
    ['ru', 'Изъяли в 1,5 раза больше товара.', [['1,5', 1.5]]],
  ])
})

describe('a verb of change or a count of occasions is no multiplier (§16)', () => {
  cases([
    ['en', 'The fire more than doubled in size.', []],
    ['en', 'He scored twice in the space of 11 minutes.', [['11 minutes', 11, 'minutes']]],
    ['en', 'The post was shared 12,000 times since Monday.', [['12,000', 12000, 'times']]],
    ['en', 'Demand is forecast to double by 2030.', []],
    ['es', 'Viaja allí tres o cuatro veces al año.', [['tres o cuatro', 3, 'veces']]],
    ['es', 'La cifra se duplicó en 2025.', []],
    ['de', 'Sie fährt nur zweimal im Monat.', []],
    ['de', 'Die Zahl hat sich verdoppelt.', []],
    ['uk', 'Кількість пожеж подвоїлася.', []],
    ['ru', 'Число заявок удвоилось.', []],
  ])
})

describe('an elided unit of measure or currency carries, an elided counted noun does not (§15)', () => {
  cases([
    [
      'en',
      'Tickets cost 12 euros, up from 9.',
      [
        ['12 euros', 12, 'EUR'],
        ['9', 9, 'EUR'],
      ],
    ],
    [
      'en',
      'Farmers expect 59 million tonnes this year, down from 67 million.',
      [
        ['59 million tonnes', 59000000, 'tonnes'],
        ['67 million', 67000000, 'tonnes'],
      ],
    ],
    [
      'en',
      'The club counted 15.3 million visitors, up 4% on 14.7 million.',
      [
        ['15.3 million', 15300000, 'visitors'],
        ['4%', 4, '%'],
        ['14.7 million', 14700000],
      ],
    ],
    [
      'fr',
      'Le jeu tourne à 60 images par seconde, contre 40 sur la console.',
      [
        ['60 images par seconde', 60, 'FPS'],
        ['40', 40, 'FPS'],
      ],
    ],
    [
      'fr',
      'Le coût atteint 9,8 milliards d’euros, dont 6,1 milliards pour l’État.',
      [
        ['9,8 milliards d’euros', 9800000000, 'EUR'],
        ['6,1 milliards', 6100000000, 'EUR'],
      ],
    ],
    [
      'es',
      'La deuda cerrará en 98,4 millones de euros, frente a los 251 millones de 2012.',
      [
        ['98,4 millones de euros', 98400000, 'EUR'],
        ['251 millones', 251000000, 'EUR'],
      ],
    ],
    [
      'es',
      'Llegaron 4,8 millones de turistas y gastaron 5.340 millones de euros; un año antes fueron 4,5 millones.',
      [
        ['4,8 millones', 4800000, 'turistas'],
        ['5.340 millones de euros', 5340000000, 'EUR'],
        ['4,5 millones', 4500000],
      ],
    ],
    [
      'de',
      'Gebilligt wurden 184 Millionen Franken. «Wir haben 184 Millionen bewilligt, nicht 247 Millionen», sagte er.',
      [
        ['184 Millionen Franken', 184000000, 'CHF'],
        ['184 Millionen', 184000000, 'CHF'],
        ['247 Millionen', 247000000, 'CHF'],
      ],
    ],
    [
      'uk',
      'Потреба становить 46 млн гривень: 29 млн піде на дах.',
      [
        ['46 млн гривень', 46000000, 'UAH'],
        ['29 млн', 29000000, 'UAH'],
      ],
    ],
    [
      'ru',
      'Открыто 9 612 вакансий, из них на заводах — порядка 1,3 тыс., а зарплата там 60 тыс. рублей.',
      [
        ['9 612', 9612, 'вакансий'],
        ['порядка 1,3 тыс.', 1300],
        ['60 тыс. рублей', 60000, 'RUB'],
      ],
    ],
    [
      'ru',
      'Бюджет фильма составил 690 млн рублей, ещё около 150 млн ушло на рекламу.',
      [
        ['690 млн рублей', 690000000, 'RUB'],
        ['около 150 млн', 150000000, 'RUB'],
      ],
    ],
  ])
})

describe('a reference to a part of a text is no figure: article, part, volume, page', () => {
  cases([
    ['en', 'The study (vol. 12, pp. 4–19) followed 900 patients.', [['900', 900, 'patients']]],
    ['fr', 'Selon l’art. 5 et la p. 12 du rapport, 300 postes sont menacés.', [['300', 300, 'postes']]],
    ['es', 'El art. 135 y la pág. 8 citan 40 municipios.', [['40', 40, 'municipios']]],
    ['de', 'Laut S. 14 des Berichts fehlen 300 Lehrkräfte.', [['300', 300, 'Lehrkräfte']]],
    [
      'uk',
      'Статтю опубліковано в журналі, т. 12, с. 4–19; у дослідженні 900 пацієнтів.',
      [['900', 900, 'пацієнтів']],
    ],
    [
      'ru',
      'Возбуждено дело по ч. 4 ст. 159 УК РФ, ущерб — 12 млн рублей.',
      [['12 млн рублей', 12000000, 'RUB']],
    ],
  ])
})

describe('a half after the unit or between the number and its unit', () => {
  cases([
    ['en', 'He served 3 years and a half in prison.', [['3 years and a half', 3.5, 'years']]],
    ['fr', 'Il faudra cotiser 43 ans et demi.', [['43 ans et demi', 43.5, 'years']]],
    ['es', 'Tardó 3 horas y media en llegar.', [['3 horas y media', 3.5, 'hours']]],
    ['uk', 'Будівництво тривало 2 з половиною роки.', [['2 з половиною роки', 2.5, 'years']]],
    ['ru', 'Стройка заняла 2 с половиной года.', [['2 с половиной года', 2.5, 'years']]],
  ])
})

describe('half a scale word glued to "полу", and a German fraction in the dative', () => {
  qualified([
    [
      'ru',
      'Разница — больше полумиллиарда рублей.',
      [['больше полумиллиарда рублей', 500000000, 'RUB', 'q:больше']],
    ],
    [
      'de',
      'Den Rest tragen zu zwei Dritteln die Stadt und zu einem Drittel der Kanton.',
      [
        ['zwei Dritteln', 2 / 3],
        ['einem Drittel', 1 / 3],
      ],
    ],
  ])
})

describe('a word after the number that cannot be its counted noun gives no unit', () => {
  cases([
    ['fr', 'Les vols sont tombés à 1 980 l’an dernier.', [['1 980', 1980]]],
    [
      'fr',
      'Ils ont dressé 37 procès-verbaux, dont 11 visant des golfs.',
      [
        ['37', 37, 'procès-verbaux'],
        ['11', 11],
      ],
    ],
    ['es', 'Se vendieron 4.200 online este verano.', [['4.200', 4200]]],
    [
      'uk',
      'Потрібно 46 млн гривень; з них 29 млн піде на дах.',
      [
        ['46 млн гривень', 46000000, 'UAH'],
        ['29 млн', 29000000, 'UAH'],
      ],
    ],
    [
      'ru',
      'Мост обойдётся в 4,7 млрд рублей, из них 3,2 млрд выделит бюджет.',
      [
        ['4,7 млрд рублей', 4700000000, 'RUB'],
        ['3,2 млрд', 3200000000, 'RUB'],
      ],
    ],
  ])
})

describe('a range widened by "or even", or two number words written with a comma', () => {
  cases([
    [
      'en',
      'Tenants were asked for six or even 12 months in advance.',
      [['six or even 12 months', 6, 'months']],
    ],
    ['fr', 'On leur demande six, voire douze mois d’avance.', [['six, voire douze mois', 6, 'months']]],
    ['es', 'Piden seis o incluso doce meses por adelantado.', [['seis o incluso doce meses', 6, 'months']]],
    [
      'de',
      'Wir sehen wieder zwanzig, dreißig Interessenten pro Objekt.',
      [['zwanzig, dreißig', 20, 'Interessenten']],
    ],
    [
      'uk',
      'Просять шість чи навіть дванадцять місяців наперед.',
      [['шість чи навіть дванадцять місяців', 6, 'months']],
    ],
    [
      'ru',
      'Просят шесть или даже двенадцать месяцев вперёд.',
      [['шесть или даже двенадцать месяцев', 6, 'months']],
    ],
    [
      'en',
      'He named two, three and four as options.',
      [
        ['two', 2],
        ['three', 3],
        ['four', 4],
      ],
    ],
  ])
})

describe('ages of a person, titles in quotes and model numbers are no figures', () => {
  cases([
    ['fr', 'Une retraitée de 78 ans a perdu 46 000 euros.', [['46 000 euros', 46000, 'EUR']]],
    ['es', 'Un hombre de 45 años resultó herido; 12 personas fueron evacuadas.', [['12', 12, 'personas']]],
    ['uk', 'Наймолодшому учасникові було 41 рік, найстаршому — 87 років; пацієнтів 900.', [['900', 900]]],
    ['ru', 'Ему было 45 лет, младшему — 12 лет; ущерб 3 млн рублей.', [['3 млн рублей', 3000000, 'RUB']]],
    ['ru', 'Комедия «Пять енотов и ёлка» заработала 118 млн рублей.', [['118 млн рублей', 118000000, 'RUB']]],
    [
      'fr',
      'Le roman « Trois femmes puissantes » s’est vendu à 500 000 exemplaires.',
      [['500 000', 500000, 'exemplaires']],
    ],
    ['ru', 'По линии пойдут 38 трамваев 71-911EM.', [['38', 38, 'трамваев']]],
    ['en', 'Phones come with 8-16GB of memory.', [['8-16GB', 8, 'GB']]],
    ['ru', '«Пять человек погибли», — сказал он.', [['Пять', 5, 'человек']]],
  ])
})

describe('"to" after the amount of a change gives the level reached, not "up to"', () => {
  qualified([
    [
      'es',
      'Los heridos graves subieron un 2,4 %, hasta 4.612.',
      [
        ['2,4 %', 2.4, '%'],
        ['4.612', 4612],
      ],
    ],
    [
      'uk',
      'Виручка зросла на 9% — до 8,4 млрд грн.',
      [
        ['9%', 9, '%'],
        ['8,4 млрд грн', 8400000000, 'UAH'],
      ],
    ],
    [
      'ru',
      'Средняя зарплата снизилась на 6,2%, до 48 300 рублей.',
      [
        ['6,2%', 6.2, '%'],
        ['48 300 рублей', 48300, 'RUB'],
      ],
    ],
    ['ru', 'Лимит кредита — до 6 млн рублей.', [['до 6 млн рублей', 6000000, 'RUB', 'q:до']]],
  ])
})
