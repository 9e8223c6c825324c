// Runs in tests: Ukrainian detection rules written after the third held-out set (test/fixtures/figures-holdout-2/uk)
// was scored; each case here was missed or misread before them.
import { describe, expect, it } from 'vitest'
import { detectFigures } from '../detect'
import { uk } from './uk'

const found = (text: string) =>
  detectFigures(text, uk).map(({ text, value, max, unit }) => ({ text, value, max, unit }))

describe('Ukrainian halves and lengths written as words', () => {
  it.each([
    ['У прифронтових громадах черга сягає пів року.', 'пів року', 0.5],
    ['Розгляд заяви триває півроку.', 'півроку', 0.5],
    ['Науковці оприлюднили результати трирічного моніторингу.', 'трирічного', 3],
    ['Уряд оголосив тридцятиденний строк подання.', 'тридцятиденний', 30],
  ])('%s', (text, span, value) => {
    expect(found(text)[0]).toMatchObject({ text: span, value })
  })

  it('an age written into an adjective is not a length', () => {
    expect(found('Трирічна дитина отримала поранення.')).toEqual([])
  })
})

describe('a change from one number to another is not a range', () => {
  it('"збільшити … з 60 до 80 кв. м" is two figures, the first with the unit of the second', () => {
    const text = 'Вона запропонувала збільшити граничну площу, за яку платять компенсацію, з 60 до 80 кв. м.'
    expect(found(text)).toEqual([
      { text: '60', value: 60, max: undefined, unit: 'm²' },
      { text: '80 кв. м', value: 80, max: undefined, unit: 'm²' },
    ])
  })

  it('the first number of a change shares the scale of the second: "з 9 до 15 тис. га"', () => {
    const text = 'До 2027 року площу зрошуваних земель планують збільшити з 9 до 15 тис. га.'
    expect(found(text).map((f) => f.value)).toEqual([9000, 15000])
  })

  it('"від 3 до 5" stays a range', () => {
    expect(found('Температура становитиме від 3 до 5 градусів.')[0]).toMatchObject({ value: 3, max: 5 })
  })
})

describe('what is not a Ukrainian figure', () => {
  it.each([
    'Команда опустилася на 13-те місце.',
    'Результати опубліковано в журналі (т. 21, № 4).',
    'Справу слухали за ч. 5 ст. 191 Кримінального кодексу.',
    'Ще один обвинувачений уклав угоду зі слідством.',
  ])('%s', (text) => {
    expect(found(text)).toEqual([])
  })
})
