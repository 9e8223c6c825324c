// Kinds of false positives and misses read on held-out set 12 after it was scored first (issue #13, detection
// round 14), in every language where the form exists. Sentences written for these tests (none taken from a set).
import { describe } from 'vitest'
import { detectCases } from '../../../test/figures/detect-cases'

/** Each figure as [text, value, unit?]. */
const cases = detectCases()

describe('numbers that name a hotel class, a road junction, a platform, an emergency line or a house', () => {
  cases([
    ['en', 'A four-star hotel charges guests £3 a night.', [['£3', 3, 'GBP']]],
    ['en', 'Traffic queued between junctions 9 and 12 for 40 minutes.', [['40 minutes', 40, 'minutes']]],
    [
      'en',
      'The big four banks cut 2,000 jobs; trains to platform 6 were cancelled.',
      [['2,000', 2000, 'jobs']],
    ],
    ['fr', 'Un hôtel trois étoiles paiera 1,20 euro par nuit.', [['1,20 euro', 1.2, 'EUR']]],
    [
      'fr',
      'Les bouchons commencent à la sortie 14 ; 800 véhicules attendaient.',
      [['800', 800, 'véhicules']],
    ],
    ['es', 'Un hotel de dos o tres estrellas cobrará 1 euro.', [['1 euro', 1, 'EUR']]],
    ['es', 'Recuerda que el 112 atiende 4.000 llamadas al día.', [['4.000', 4000, 'llamadas']]],
    [
      'de',
      'Am Gleis 7 warteten 250 Reisende, die Notrufnummer 112 war überlastet.',
      [['250', 250, 'Reisende']],
    ],
    ['ru', 'Офис компании — на Садовой улице, 14; в нём работают 60 человек.', [['60', 60, 'человек']]],
    ['uk', 'Склад на вул. Франка, 9, вмістить 500 тонн зерна.', [['500 тонн', 500, 'tonnes']]],
    // a hotel with more rooms than stars
    ['es', 'El hotel tiene 120 habitaciones.', [['120', 120, 'habitaciones']]],
  ])
})

describe('a span of years, a year after "in", a day range with weekdays are not figures', () => {
  cases([
    ['ru', 'Между 2018 и 2023 годами область потратила 4 млрд рублей.', [['4 млрд рублей', 4e9, 'RUB']]],
    ['uk', 'Між 2020 і 2024 роками місто втратило 3 тисячі мешканців.', [['3 тисячі', 3000, 'мешканців']]],
    [
      'en',
      'Flooding hit 31 villages this year, against seven in 2021.',
      [
        ['31', 31, 'villages'],
        ['seven', 7],
      ],
    ],
    ['en', 'The disease affects one in 1500 newborns.', [['one in 1500', 1 / 1500]]],
    [
      'fr',
      'Le salon, du jeudi 12 au dimanche 15 mars, attend 9 000 visiteurs.',
      [['9 000', 9000, 'visiteurs']],
    ],
    [
      'es',
      'La feria, del viernes 3 al domingo 5 de mayo, espera 700 expositores.',
      [['700', 700, 'expositores']],
    ],
  ])
})

describe('a number after an opening quote begins a sentence; a scale word makes an amount, never a name', () => {
  cases([
    ['es', 'Lo dijo claro. «Vendimos 14 millones de botellas», afirmó.', [['14 millones', 14e6, 'botellas']]],
    ['fr', 'Il l’a dit : « Quarante salariés partiront. »', [['Quarante', 40, 'salariés']]],
    ['de', 'Laut Angaben des Zoos 2,4 Millionen, ein Rekord.', [['2,4 Millionen', 2.4e6]]],
    [
      'de',
      'Sie sprach nicht von einem „Defizit von 12 Millionen“, sondern von weniger.',
      [['12 Millionen', 12e6]],
    ],
    // a short name in quotes holding a number is still a name: тариф «Дім 100»
    ['uk', 'Абоненти тарифу «Дім 100» платитимуть 250 гривень.', [['250 гривень', 250, 'UAH']]],
  ])
})

describe('anaphoric counts after a demonstrative, even of days; a fraction before an elided "de"', () => {
  cases([
    ['fr', 'Pendant ces trois jours, 2 000 bénévoles ont aidé.', [['2 000', 2000, 'bénévoles']]],
    ['en', 'Over these four days, 900 cars broke down.', [['900', 900, 'cars']]],
    ['es', 'Durante estos dos meses llegaron 300 barcos.', [['300', 300, 'barcos']]],
    ['ru', 'За эти три дня выпало 40 мм осадков.', [['40 мм', 40, 'mm']]],
    // "the" is no demonstrative: "over the past four days" is a span of four days
    [
      'en',
      'Rain fell for four days and 60 homes flooded.',
      [
        ['four days', 4, 'days'],
        ['60', 60, 'homes'],
      ],
    ],
    ['fr', "La moitié d'entre eux ont plus de 60 ans.", [['moitié', 0.5]]],
  ])
})
