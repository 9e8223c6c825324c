// Runs in tests: the Spanish profile: numbers as written, number words, qualifiers, vague quantities,
// what is not a figure (dates, times, ages, ordinals, phone numbers), periods and speakers.
import { describe, expect, it } from 'vitest'
import { suggestAttribution } from '../attribution'
import { detectFigures } from '../detect'
import { suggestPeriod } from '../period'
import { es } from './es'
import { parseSpanishNumberWords } from './es-numbers'

const figures = (text: string) =>
  detectFigures(text, es).map(({ text, value, max, unit, qualifier }) => ({
    text,
    value,
    max,
    unit,
    qualifier,
  }))

describe('Spanish numbers as written', () => {
  it.each([
    ['Llegaron 10.456 turistas.', '10.456', 10456],
    ['Costará 6.750.000 euros.', '6.750.000 euros', 6750000],
    ['Creció un 10,3 % en abril.', '10,3 %', 10.3],
    ['Son 8.437,5 miles de euros.', '8.437,5 miles de euros', 8437500],
    ['Recibió 8,2 millones de turistas.', '8,2 millones', 8200000],
    ['Un presupuesto de 512,4 M€.', '512,4 M€', 512400000],
    ['Pagaron 5 mil millones de euros.', '5 mil millones de euros', 5e9],
    ['Hay 12\u202f500 socios.', '12\u202f500', 12500],
    ['Hay 12\u00a0500 socios.', '12\u00a0500', 12500],
  ])('%s', (text, span, value) => {
    expect(figures(text)[0]).toMatchObject({ text: span, value })
  })
})

describe('Spanish number words', () => {
  it.each([
    ['veintitrés', 23],
    ['treinta y cinco', 35],
    ['doscientas', 200],
    ['ciento veinte', 120],
    ['dos mil', 2000],
    ['tres millones doscientos mil', 3200000],
    ['dos mil millones', 2e9],
    ['un millón y medio', 1.5e6],
    ['medio millón', 5e5],
    ['una docena', 12],
    ['dos tercios', 2 / 3],
    ['una tercera parte', 1 / 3],
    ['la mitad', 0.5],
    ['el triple', 3],
  ])('%s = %d', (words, value) => {
    expect(parseSpanishNumberWords(words.split(' '))?.value).toBeCloseTo(value, 9)
  })

  it.each([['un'], ['una'], ['uno'], ['medio']])('"%s" alone is no number', (word) => {
    expect(parseSpanishNumberWords([word, 'de', 'ellos'])).toBeUndefined()
  })

  it.each([
    ['Otras cuatro personas resultaron heridas.', { text: 'cuatro', value: 4, unit: 'personas' }],
    ['Tras media hora de juego.', { text: 'media hora', value: 0.5, unit: 'hours' }],
    [
      'Casi uno de cada tres euros.',
      { text: 'Casi uno de cada tres euros', value: 1 / 3, qualifier: 'casi' },
    ],
    ['Viaja tres o cuatro veces al año.', { text: 'tres o cuatro', value: 3, max: 4, unit: 'veces' }],
  ])('%s', (text, expected) => {
    expect(figures(text)[0]).toMatchObject(expected)
  })
})

describe('Spanish qualifiers, units and vague quantities', () => {
  it.each([
    ['Hay más de 1.300 agentes.', { text: 'más de 1.300', qualifier: 'más de', unit: 'agentes' }],
    [
      'Supone alrededor del 12,8 % del PIB.',
      { text: 'alrededor del 12,8 %', qualifier: 'alrededor del', unit: '%' },
    ],
    ['Sitúa por encima del 60 % la cifra.', { qualifier: 'por encima del', value: 60 }],
    ['Unos 481.000 cántabros votaron.', { qualifier: 'unos', unit: 'cántabros' }],
    ['Rachas de hasta 60 km/h.', { text: 'hasta 60 km/h', qualifier: 'hasta', unit: 'km/h' }],
    ['Ha arrasado 9.500 hectáreas.', { unit: 'hectares', value: 9500 }],
    ['No bajaron de 30 grados.', { unit: '°C', value: 30 }],
    ['Quedó 2,4 puntos por debajo.', { unit: 'percentage points', value: 2.4 }],
    ['Duraron 14 meses.', { unit: 'months', value: 14 }],
    [
      'Entre 300 y 2.000 euros cada uno.',
      { text: 'Entre 300 y 2.000 euros', value: 300, max: 2000, unit: 'EUR' },
    ],
    ['Decenas de naves agrícolas.', { text: 'Decenas', value: 24, unit: 'naves' }],
    ['Cientos de vecinos pasaron la noche.', { text: 'Cientos', value: 200, unit: 'vecinos' }],
    ['Atraer a cientos de miles de inmigrantes.', { text: 'cientos de miles', value: 200000 }],
  ])('%s', (text, expected) => {
    expect(figures(text)[0]).toMatchObject(expected)
  })
})

describe('not figures in Spanish', () => {
  it.each([
    'Las elecciones del 28 de mayo de 2023 fueron reñidas.',
    'Madrid, 3 jun (EFE).- El acto terminó.',
    'El autobús sale a las 9.15 y vuelve a las 14.30.',
    'El incendio se declaró a las 21.40 horas del domingo.',
    'A las 7h30 ya trabajaban.',
    'Andrés Lobera, 64 años, es el alcalde.',
    'Un brigadista de 52 años murió.',
    'Quien hoy tiene 45 se jubilará tarde.',
    'Se mudó hace tres años.',
    'Dentro de veinte años será distinto.',
    'Fue el 1º de la lista y la 2ª en llegar.',
    'Puede llamar al 942 208 400.',
    'La sede está en la calle Vargas, 12, en Santander.',
    'Cortada entre los kilómetros 182 y 205.',
    'El Racing ganó 3-1 al Eldense.',
    'Lo regula la Ley 12/2023 y el artículo 135.',
    'Quedamos cuatro gatos.',
    'Dos más dos siguen siendo cuatro.',
    'Se vació en los años sesenta.',
    'Llega con la capa OrbeOS 2.4.1 instalada.',
  ])('%s', (text) => {
    expect(figures(text)).toEqual([])
  })
})

describe('Spanish periods', () => {
  const periodOf = (text: string, figure: string, date: string) => {
    const start = text.indexOf(figure)
    return suggestPeriod({ text, start, end: start + figure.length, articleDate: date, lex: es })
  }
  it.each([
    [
      'España recibió en abril 8,2 millones de turistas.',
      '8,2 millones',
      '2024-06-03',
      ['2024-04-01', '2024-04-30'],
    ],
    [
      'Entre enero y abril llegaron 25,6 millones.',
      '25,6 millones',
      '2024-06-03',
      ['2024-01-01', '2024-04-30'],
    ],
    ['A finales de marzo había 40 heridos.', '40', '2024-06-03', ['2024-03-21', '2024-03-31']],
    ['A mediados de mayo había 40 heridos.', '40', '2024-06-03', ['2024-05-11', '2024-05-20']],
    ['En la primera semana de enero hubo 40 heridos.', '40', '2024-06-03', ['2024-01-01', '2024-01-07']],
    ['Desde 2014 han llegado 500 familias.', '500', '2024-06-03', ['2014-01-01', '2024-06-03']],
    ['El año pasado hubo 500 incendios.', '500', '2024-06-03', ['2023-01-01', '2023-12-31']],
    ['En 2023 hubo 500 incendios.', '500', '2024-06-03', ['2023-01-01', '2023-12-31']],
    ['En los últimos tres meses hubo 500 incendios.', '500', '2024-06-03', ['2024-03-03', '2024-06-03']],
    ['En lo que va de año hay 312 incendios.', '312', '2025-08-12', ['2025-01-01', '2025-08-12']],
    ['Este invierno hubo 500 incendios.', '500', '2025-01-26', ['2024-12-01', '2025-01-26']],
    ['Durante la noche hubo 500 incendios.', '500', '2025-08-12', ['2025-08-11', '2025-08-12']],
    ['El martes hubo 12 heridos.', '12', '2025-08-14', ['2025-08-12', '2025-08-12']],
    // a change measured against "el mismo mes de 2023" keeps its own period (conventions v2, point 9)
    [
      'Creció un 10,3 % más que en el mismo mes de 2023 en abril.',
      '10,3 %',
      '2024-06-03',
      ['2024-04-01', '2024-04-30'],
    ],
  ])('%s', (text, figure, date, [start, end]) => {
    expect(periodOf(text, figure, date)).toMatchObject({ start, end })
  })
})

describe('Spanish speakers', () => {
  const speakerOf = (text: string, figure: string) => {
    const start = text.indexOf(figure)
    return suggestAttribution({ text, start, end: start + figure.length, lex: es })
  }
  it.each([
    [
      'La patronal Hostelería Unida estimó que aportará unos 202.000 millones.',
      '202.000',
      'Hostelería Unida',
    ],
    [
      '"Ha ardido más de 6 kilómetros", declaró el director técnico, Xosé Manuel Vidal.',
      '6 kilómetros',
      'Xosé Manuel Vidal',
    ],
    ['Hay 23.000 pisos turísticos, según la Xunta de Galicia.', '23.000', 'Xunta de Galicia'],
    ['El Gobierno anuncia una subida del 2,8 %.', '2,8 %', 'Gobierno'],
    ['Hay 23.000 pisos, afirmó Tovar.', '23.000', 'Tovar'],
    ['Hay 23.000 pisos turísticos en la isla.', '23.000', undefined],
  ])('%s', (text, figure, speaker) => {
    expect(speakerOf(text, figure)).toBe(speaker)
  })
})
