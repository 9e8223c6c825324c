// Kinds of figures and non-figures that every language writes in its own words (issue #13, round 7):
// negative numbers, half a scale word, currency signs glued to the number, shares and multiples named with
// their article, numbers that look like years, fixed terms, articles that are no counts, emergency and
// numbered references, clock times as spans, ages, "до" after a verb of change. Sentences written for these
// tests (none taken from a labelled set).
import { describe } from 'vitest'
import { detectCases } from '../../../test/figures/detect-cases'

/** Each figure as [text, value, unit?, "q:" + qualifier?]. */
const cases = detectCases({ qualifier: true })

describe('negative numbers: a minus word or sign, not "au moins" or "al menos"', () => {
  cases([
    ['en', 'Overnight the thermometer showed minus 4 and the lake froze.', [['minus 4', -4]]],
    [
      'fr',
      'Il a fait moins 6 degrés à Gap, au moins 20 communes sont touchées.',
      [
        ['moins 6 degrés', -6, '°C'],
        ['au moins 20', 20, 'communes', 'q:au moins'],
      ],
    ],
    [
      'es',
      'En Teruel se registraron menos 3 grados; al menos 15 carreteras cerraron.',
      [
        ['menos 3 grados', -3, '°C'],
        ['al menos 15', 15, 'carreteras', 'q:al menos'],
      ],
    ],
    ['de', 'In Oberstdorf wurden minus 9 Grad gemessen.', [['minus 9 Grad', -9, '°C']]],
    ['uk', 'У Харкові вночі було мінус 14 градусів.', [['мінус 14 градусів', -14, '°C']]],
    ['ru', 'В Томске ночью было минус 20 градусов.', [['минус 20 градусов', -20, '°C']]],
  ])
})

describe('half a scale word', () => {
  cases([
    ['en', 'The refit will cost half a billion dollars.', [['half a billion dollars', 500000000, 'USD']]],
    ['fr', 'Le plan coûtera un demi-milliard d’euros.', [['un demi-milliard d’euros', 500000000, 'EUR']]],
    ['de', 'Der Umbau kostet eine halbe Milliarde Euro.', [['eine halbe Milliarde Euro', 500000000, 'EUR']]],
    [
      'uk',
      'Ремонт коштуватиме півмільйона гривень, а міст — пів мільярда.',
      [
        ['півмільйона гривень', 500000, 'UAH'],
        ['пів мільярда', 500000000],
      ],
    ],
    ['ru', 'Завод потерял полмиллиона рублей.', [['полмиллиона рублей', 500000, 'RUB']]],
  ])
})

describe('currency signs glued before or after the number', () => {
  cases([
    ['en', 'Day passes now cost 12€ at the gate.', [['12€', 12, 'EUR']]],
    ['fr', 'Le menu est à 19€ le midi.', [['19€', 19, 'EUR']]],
    ['es', 'La entrada cuesta 8€ por persona.', [['8€', 8, 'EUR']]],
    ['uk', 'Квиток коштує 250₴ в один бік.', [['250₴', 250, 'UAH']]],
    [
      'ru',
      'Обед стоит 450₽, а ужин — ₽900.',
      [
        ['450₽', 450, 'RUB'],
        ['₽900', 900, 'RUB'],
      ],
    ],
  ])
})

describe('shares and multiples named with their article (not "le quart nord-est", a region)', () => {
  cases([
    [
      'fr',
      'Le tiers des parcelles a gelé; les ventes font plus du double de 2024. Dans le quart nord-est du pays, rien.',
      [
        ['Le tiers', 0.3333333333333333],
        ['plus du double', 2, 'q:plus du'],
      ],
    ],
    ['es', 'Las lluvias suman más del doble de lo normal.', [['más del doble', 2, 'q:más del']]],
  ])
})

describe('a number that looks like a year counts only a plural noun after it', () => {
  cases([
    [
      'fr',
      'La saison 2025 devrait attirer 300 000 visiteurs, contre plus de 1800 arrestations.',
      [
        ['300 000', 300000, 'visiteurs'],
        ['plus de 1800', 1800, 'arrestations', 'q:plus de'],
      ],
    ],
    ['fr', 'Le budget 2027 prévoit 300 postes.', [['300', 300, 'postes']]],
    [
      'es',
      'La cosecha 2026 rondará las 40.000 toneladas y llegaron 1500 soldados.',
      [
        ['40.000 toneladas', 40000, 'tonnes'],
        ['1500', 1500, 'soldados'],
      ],
    ],
  ])
})

describe('fixed terms are no figures', () => {
  cases([
    [
      'en',
      'The call centre is staffed 24 hours a day, seven days a week by 40 agents.',
      [['40', 40, 'agents']],
    ],
    [
      'fr',
      'Le service fonctionne 7 jours sur 7 avec 12 agents; ils ont joué à 11 contre 11.',
      [['12', 12, 'agents']],
    ],
    ['es', 'El centro atiende 24 horas al día con 30 voluntarios.', [['30', 30, 'voluntarios']]],
    ['de', 'Die Hotline ist 24 Stunden am Tag mit 15 Kräften besetzt.', [['15', 15, 'Kräften']]],
    ['uk', 'Пункт працює 24 години на добу, там чергують 6 лікарів.', [['6', 6, 'лікарів']]],
    ['ru', 'Штаб работает 24 часа в сутки, в нём 9 волонтёров.', [['9', 9, 'волонтёров']]],
  ])
})

describe('an article before an ordinal is no count', () => {
  cases([
    ['fr', 'Une troisième réunion aura lieu mardi.', []],
    ['es', 'Una quinta reunión está prevista el lunes.', []],
  ])
})

describe('emergency numbers and numbered references are no figures', () => {
  cases([
    ['en', 'Residents were told to dial 999 if water rose; 300 homes were flooded.', [['300', 300, 'homes']]],
    ['fr', 'Appelez le 15 en cas de malaise; 48 personnes ont été soignées.', [['48', 48, 'personnes']]],
    ['es', 'Se pidió llamar al 112 y 70 personas fueron rescatadas.', [['70', 70, 'personas']]],
    ['de', 'Der Notruf 110 wurde 85 Mal gewählt.', [['85', 85, 'Mal']]],
    ['uk', 'Телефонуйте на номер 102, повідомили 40 разів.', [['40', 40, 'разів']]],
    ['ru', 'Позвоните по номеру 112: поступило 65 вызовов.', [['65', 65, 'вызовов']]],
    ['fr', 'Réunion en salle n° 4 pour 30 délégués.', [['30', 30, 'délégués']]],
    ['es', 'El boletín n.º 12 cifra en 900 los evacuados.', [['900', 900]]],
    ['de', 'Nach Art. 14 der Satzung stimmten 31 Mitglieder zu.', [['31', 31, 'Mitglieder']]],
    ['fr', 'Selon l’article L. 1234-9 du Code, 25 salariés sont concernés.', [['25', 25, 'salariés']]],
  ])
})

describe('clock times as spans and in words are no figures', () => {
  cases([
    [
      'de',
      'Zwischen 22 und 6 Uhr landeten 17 Maschinen, um halb vier eine weitere.',
      [['17', 17, 'Maschinen']],
    ],
    ['fr', 'Entre 22 h et 6 h, 17 avions ont atterri.', [['17', 17, 'avions']]],
    ['es', 'Entre las 22 y las 6 horas aterrizaron 17 aviones.', [['17', 17, 'aviones']]],
    ['uk', 'З 22 до 6 години приземлилися 17 літаків.', [['17', 17, 'літаків']]],
    ['ru', 'С 22 до 6 часов приземлились 17 самолётов.', [['17', 17, 'самолётов']]],
    ['en', 'From 9 to 10 o’clock 17 planes landed, and one more at half past four.', [['17', 17, 'planes']]],
  ])
})

describe('ages after a person are no figures', () => {
  cases([
    ['es', 'Un albañil de 47 años de Vigo resultó herido junto a 3 compañeros.', [['3', 3, 'compañeros']]],
    ['ru', 'Пострадали мужчина 45 лет и 3 ребёнка.', [['3', 3, 'ребёнка']]],
    ['uk', 'Постраждали чоловік 52 років і 4 дитини.', [['4', 4, 'дитини']]],
  ])
})

describe('"до" after a verb of change is no qualifier', () => {
  cases([
    ['uk', 'До кінця місяця кількість боржників скоротиться до 50 тисяч.', [['50 тисяч', 50000]]],
    ['ru', 'На трассе скорость ограничат до 60 км/ч.', [['60 км/ч', 60, 'km/h']]],
  ])
})

describe('a unit after the first number only makes no range; a clock time counts nothing', () => {
  cases([
    [
      'es',
      'Repartió víveres para 10 días a 8.000 familias.',
      [
        ['10 días', 10, 'days'],
        ['8.000', 8000, 'familias'],
      ],
    ],
    ['de', 'Am Montag fielen zwischen 7.10 Uhr und 8.20 Uhr 14 Züge aus.', [['14', 14, 'Züge']]],
  ])
})

describe('the elided "d’" belongs to the qualifier', () => {
  cases([['fr', 'Le taux atteint près d’un quart des ménages.', [['près d’un quart', 0.25, 'q:près d’']]]])
})

describe('a length written into an adjective carries its unit', () => {
  cases([
    [
      'de',
      'Nach einer gut dreistündigen Sitzung und einer zweitägigen Pause ging es weiter.',
      [
        ['gut dreistündigen', 3, 'hours', 'q:gut'],
        ['zweitägigen', 2, 'days'],
      ],
    ],
    [
      'uk',
      "Рада ухвалила дворічну програму та п'ятиденний графік.",
      [
        ['дворічну', 2, 'years'],
        ["п'ятиденний", 5, 'days'],
      ],
    ],
  ])
})

describe('a verb ends the counted noun (by its ending in French, Ukrainian, Russian)', () => {
  cases([
    [
      'uk',
      'На склад надійшло 300 тонн, а 12 бригад працювали всю ніч.',
      [
        ['300 тонн', 300, 'tonnes'],
        ['12', 12, 'бригад'],
      ],
    ],
    [
      'ru',
      'В город 15 тысяч доз поступят в марте, 40 врачей работали без выходных.',
      [
        ['15 тысяч', 15000, 'доз'],
        ['40', 40, 'врачей'],
      ],
    ],
    ['fr', 'Au total, 140 ouvriers travaillaient sur le chantier.', [['140', 140, 'ouvriers']]],
  ])
})

describe('a yield per hectare is one unit', () => {
  cases([
    [
      'fr',
      'Les parcelles ont donné 55 hectolitres à l’hectare, contre 9 tonnes par hectare pour le blé.',
      [
        ['55 hectolitres à l’hectare', 55, 'hectolitres per hectare'],
        ['9 tonnes par hectare', 9, 'tonnes per hectare'],
      ],
    ],
    ['uk', 'Урожайність сягнула 52 ц/га.', [['52 ц/га', 52, 'ц/га']]],
    [
      'es',
      'El olivar rindió 3.100 kilos por hectárea.',
      [['3.100 kilos por hectárea', 3100, 'kg per hectare']],
    ],
  ])
})

describe('after a scale word, the noun after "de" is what is counted', () => {
  cases([
    ['es', 'La región recibió 2,3 millones de visitantes.', [['2,3 millones', 2300000, 'visitantes']]],
    ['fr', 'Le salon a attiré 1,2 million de visiteurs.', [['1,2 million', 1200000, 'visiteurs']]],
  ])
})

describe('a share read from "every" and an ordinal is a ratio, without a unit; "solcher" is skipped', () => {
  cases([
    [
      'de',
      'Jede dritte Schule meldet Engpässe, 40 solcher Fälle sind bekannt.',
      [
        ['Jede dritte', 0.3333333333333333],
        ['40', 40, 'Fälle'],
      ],
    ],
    ['ru', 'Каждый пятый пассажир опоздал.', [['Каждый пятый', 0.2]]],
  ])
})

describe('no minus sign after a number, a number word or "плюс-"; no minus as a counted noun', () => {
  cases([
    ['es', 'Llegó a las ocho menos diez con 30 heridos.', [['30', 30, 'heridos']]],
    [
      'ru',
      'Погрешность плюс-минус 5 минут, опрошены 20 человек.',
      [
        ['5 минут', 5, 'minutes'],
        ['20', 20, 'человек'],
      ],
    ],
    [
      'en',
      'The rate rose to 7 minus 2 in the model.',
      [
        ['7', 7],
        ['2', 2],
      ],
    ],
  ])
})

describe("a capitalised function word after a live blog's time names nothing", () => {
  cases([
    ['en', '09:40 — Only 52% of flights have left on time.', [['52%', 52, '%']]],
    ['es', '09.40 — Solo 52 vuelos han salido a su hora.', [['52', 52, 'vuelos']]],
  ])
})
