import { describe, expect, it } from 'vitest'
import { detectFigures } from './index'
import type { FigureCandidate } from './index'

type Expected = Omit<FigureCandidate, 'start' | 'end'>

const found = (text: string): Expected[] => detectFigures(text).map(({ start: _s, end: _e, ...rest }) => rest)

describe('detectFigures finds', () => {
  it.each<[string, Expected[]]>([
    // digits, separators and scales
    ['Some 18,000 troops moved.', [{ text: 'Some 18,000', value: 18000, qualifier: 'some', unit: 'troops' }]],
    ['A crowd of 1 203 fans.', [{ text: '1 203', value: 1203, unit: 'fans' }]],
    ['Output grew 4.2 percent.', [{ text: '4.2 percent', value: 4.2, unit: '%' }]],
    ['It affects 2.3 million people.', [{ text: '2.3 million', value: 2_300_000, unit: 'people' }]],
    ['The fund holds UAH 40 billion.', [{ text: 'UAH 40 billion', value: 40e9, unit: 'UAH' }]],
    ['A 1.5bn loan.', [{ text: '1.5bn', value: 1.5e9, unit: 'loan' }]],
    ['It cost £1.5bn.', [{ text: '£1.5bn', value: 1.5e9, unit: 'GBP' }]],
    ['A $300m deal.', [{ text: '$300m', value: 3e8, unit: 'USD' }]],
    ['A 300m bridge.', [{ text: '300m', value: 300, unit: 'm' }]],
    ['Sales hit $5k.', [{ text: '$5k', value: 5000, unit: 'USD' }]],
    // number words
    ['seven soldiers died', [{ text: 'seven', value: 7, unit: 'soldiers' }]],
    ['five hundred drones', [{ text: 'five hundred', value: 500, unit: 'drones' }]],
    ['twenty-three villages', [{ text: 'twenty-three', value: 23, unit: 'villages' }]],
    ['two hundred and fifty homes', [{ text: 'two hundred and fifty', value: 250, unit: 'homes' }]],
    ['a quarter of the budget', [{ text: 'a quarter', value: 0.25 }]],
    ['two-thirds of voters', [{ text: 'two-thirds', value: 2 / 3 }]],
    ['half of the staff left', [{ text: 'half', value: 0.5 }]],
    ['a dozen drones', [{ text: 'a dozen', value: 12, unit: 'drones' }]],
    ['one and a half million people', [{ text: 'one and a half million', value: 1.5e6, unit: 'people' }]],
    ['one in five adults', [{ text: 'one in five', value: 0.2 }]],
    ['3 out of 10 voters', [{ text: '3 out of 10', value: 0.3 }]],
    ['One person was killed.', [{ text: 'One', value: 1, unit: 'person' }]],
    // percentages and currencies
    ['It fell 70%.', [{ text: '70%', value: 70, unit: '%' }]],
    ['It fell 22 per cent.', [{ text: '22 per cent', value: 22, unit: '%' }]],
    ['It fell 2 percentage points.', [{ text: '2 percentage points', value: 2, unit: 'percentage points' }]],
    ['A ticket costs $38.', [{ text: '$38', value: 38, unit: 'USD' }]],
    ['A loan of €1.1 billion.', [{ text: '€1.1 billion', value: 1.1e9, unit: 'EUR' }]],
    ['Tea costs £5.', [{ text: '£5', value: 5, unit: 'GBP' }]],
    ['They paid 40 billion hryvnias.', [{ text: '40 billion hryvnias', value: 40e9, unit: 'UAH' }]],
    ['They paid USD 3 million.', [{ text: 'USD 3 million', value: 3e6, unit: 'USD' }]],
    ['It raised US$5 million.', [{ text: 'US$5 million', value: 5e6, unit: 'USD' }]],
    ['A fine of 3 million dollars.', [{ text: '3 million dollars', value: 3e6, unit: 'USD' }]],
    // measurements
    ['A 40 km queue.', [{ text: '40 km', value: 40, unit: 'km' }]],
    ['It is 35C today.', [{ text: '35C', value: 35, unit: '°C' }]],
    ['It reached 35 °C.', [{ text: '35 °C', value: 35, unit: '°C' }]],
    ['Solar added 2.5 GW.', [{ text: '2.5 GW', value: 2.5, unit: 'GW' }]],
    ['They burned 400 hectares.', [{ text: '400 hectares', value: 400, unit: 'hectares' }]],
    ['It exported 15 bcm of gas.', [{ text: '15 bcm', value: 15e9, unit: 'cubic metres' }]],
    ['a 24-hour ceasefire', [{ text: '24-hour', value: 24, unit: 'hours' }]],
    ['a five-year plan', [{ text: 'five-year', value: 5, unit: 'years' }]],
    // ranges
    ['between 400 and 500 people', [{ text: 'between 400 and 500', value: 400, max: 500, unit: 'people' }]],
    ['inflation of 1–1.5%', [{ text: '1–1.5%', value: 1, max: 1.5, unit: '%' }]],
    ['from 10 to 20 drones', [{ text: 'from 10 to 20', value: 10, max: 20, unit: 'drones' }]],
    ['400-500 soldiers', [{ text: '400-500', value: 400, max: 500, unit: 'soldiers' }]],
    ['two or three days', [{ text: 'two or three days', value: 2, max: 3, unit: 'days' }]],
    ['$3-5 million', [{ text: '$3-5 million', value: 3e6, max: 5e6, unit: 'USD' }]],
    [
      'Prices rose from 10% to 20%.',
      [
        { text: '10%', value: 10, unit: '%' },
        { text: '20%', value: 20, unit: '%' },
      ],
    ],
    [
      'They voted 38 to 11.',
      [
        { text: '38', value: 38 },
        { text: '11', value: 11 },
      ],
    ],
    // signs
    ['It was minus 10 degrees.', [{ text: 'minus 10 degrees', value: -10, unit: 'degrees' }]],
    ['GDP shrank by -3.5%.', [{ text: '-3.5%', value: -3.5, unit: '%' }]],
    // vague quantities
    ['dozens were killed and injured', [{ text: 'dozens', value: 24, vague: true }]],
    ['hundreds of drones', [{ text: 'hundreds', value: 200, vague: true, unit: 'drones' }]],
    ['Thousands fled.', [{ text: 'Thousands', value: 2000, vague: true }]],
    [
      'tens of thousands of people',
      [{ text: 'tens of thousands', value: 20000, vague: true, unit: 'people' }],
    ],
    ['It took decades.', [{ text: 'decades', value: 20, vague: true, unit: 'years' }]],
    ['scores of homes burned', [{ text: 'scores', value: 40, vague: true, unit: 'homes' }]],
    [
      'about 480 drones and dozens of missiles were aimed',
      [
        { text: 'about 480', value: 480, qualifier: 'about', unit: 'drones' },
        { text: 'dozens', value: 24, vague: true, unit: 'missiles' },
      ],
    ],
    // the two sample sentences
    [
      'In total there were 500 missile and drone strikes by the aggressor state, of which Ukraine was able to repulse 70% on average.',
      [
        { text: '500', value: 500, unit: 'strikes' },
        { text: '70%', value: 70, unit: '%' },
      ],
    ],
    [
      'There are more than 50 state and private manufacturers.',
      [{ text: 'more than 50', value: 50, qualifier: 'more than', unit: 'manufacturers' }],
    ],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected)
  })
})

describe('detectFigures reads what real articles write', () => {
  it.each<[string, Partial<Expected>[]]>([
    ['It has 8GB of memory.', [{ text: '8GB', value: 8, unit: 'GB' }]],
    ['A chip at up to 3.2GHz.', [{ text: 'up to 3.2GHz', value: 3.2, unit: 'GHz', qualifier: 'up to' }]],
    ['Games run at 120FPS.', [{ text: '120FPS', value: 120, unit: 'FPS' }]],
    [
      'A 5,000mAh battery and an 80W charger.',
      [
        { value: 5000, unit: 'mAh' },
        { value: 80, unit: 'W' },
      ],
    ],
    ['It weighs 203g.', [{ text: '203g', value: 203, unit: 'g' }]],
    ['A 6.7in screen.', [{ text: '6.7in', value: 6.7, unit: 'inches' }]],
    ['The flight took 2 ½ hours.', [{ text: '2 ½ hours', value: 2.5, unit: 'hours' }]],
    ['Almost ¾ of the budget.', [{ text: 'Almost ¾', value: 0.75, qualifier: 'almost' }]],
    [
      'Police made over 1800 arrests.',
      [{ text: 'over 1800', value: 1800, qualifier: 'over', unit: 'arrests' }],
    ],
    ['He ordered 1500 troops to the border.', [{ text: '1500', value: 1500, unit: 'troops' }]],
    [
      'It cost $4bn and €1.2m.',
      [
        { value: 4e9, unit: 'USD' },
        { value: 1.2e6, unit: 'EUR' },
      ],
    ],
  ])('%s', (text, expected) => {
    expect(found(text)).toMatchObject(expected)
  })

  it('keeps years as dates when a preposition or determiner makes them one', () => {
    expect(found('In 2014 troops were sent, and the 2024 elections followed.')).toEqual([])
  })
})

describe('detectFigures keeps qualifiers inside the span', () => {
  it.each([
    'more than',
    'over',
    'nearly',
    'almost',
    'about',
    'around',
    'roughly',
    'approximately',
    'up to',
    'at least',
    'no more than',
    'less than',
    'fewer than',
    'some',
    'an estimated',
    'at most',
    'as many as',
    'close to',
    'plus or minus',
  ])('%s', (qualifier) => {
    const text = `Officials counted ${qualifier} 300 shelters.`
    expect(found(text)).toEqual([{ text: `${qualifier} 300`, value: 300, qualifier, unit: 'shelters' }])
  })

  it('lower-cases a qualifier that opens a sentence', () => {
    expect(found('More than 50 died.')).toEqual([{ text: 'More than 50', value: 50, qualifier: 'more than' }])
  })
})

describe('detectFigures ignores', () => {
  it.each([
    ['years', 'In 1991 and again in 2024 the plan changed, as in the 1990s.'],
    ['dates', 'On December 29 and January 2, and on 29 December 2023, and on 2024-01-10.'],
    ['numeric dates', 'Filed on 10/01/2024 and 10.01.2024.'],
    ['times', 'At 10:30, then 5 p.m., 7pm and 11 a.m.'],
    ['ordinals', 'The 47th brigade came 2nd, the first and third time.'],
    [
      'aircraft and weapons',
      'F-16 jets, S-300 and PAC-3 missiles, Su-34 and Mi-8 aircraft, a Patriot PAC-3.',
    ],
    ['groups and treaties', 'The G7 and the G20 invoked Article 5 and Resolution 2231.'],
    ['products', 'A Boeing 737 running Windows 11 and a Leopard 2 tank.'],
    ['diseases and codes', 'COVID-19 and 5G and Title IX.'],
    ['phone numbers', 'Call 0800 300 114 or +380 44 123 4567 or (044) 238 32 32.'],
    ['page references', 'See page 14, p. 12 and section 3.'],
    ['one as a pronoun', 'One of them said no one knew which one of the two was the one.'],
    ['one as a determiner', 'In one hospital, one day, at one point.'],
    ['ages', 'A 46-year-old man and children under five.'],
    ['scores', 'Riverside beat Ashford 3-1 after a 2-2 draw.'],
    ['addresses', 'Write to 1 Market Square or 10 Downing Street.'],
    ['time references', 'It happened three years ago, a 41-year high.'],
    ['fraction-like ordinals', 'For a third time in the fourth quarter and the second half.'],
    ['hyphenated idioms', 'A one-off, two-way, one-sided deal.'],
    ['numbered-list markers', '1. Norway\n\n2. Sweden\n\n10. Canada'],
    [
      'versions and model names',
      'The update 2.4.1 is out for owners of the PlayStation 5 in most markets. Fans of the old Half-Life 2 ' +
        'are happy, and so are those who own an iPhone 15 or fly on an A320. The army still uses the T-72.',
    ],
    [
      'times by zone and in other notations',
      'Trading opened at 0930 GMT, closed 14:51, resumed at 7h30 and at 9.15pm.',
    ],
    ['fixed terms', 'A 30-year mortgage and a two-year fixed deal after one-on-one talks.'],
    ['dotted clock times', 'The 8.05 train left at about 7.15.'],
  ])('%s', (_name, text) => {
    expect(found(text)).toEqual([])
  })
})

describe('detectFigures output', () => {
  it('is sorted, non-overlapping and sliced from the input', () => {
    const text =
      'About 1.2 million people fled; 40 km away, between $3 and $5 million was spent on 12 shelters. ' +
      'Dozens were hurt. Nearly half of the 300 homes lost power for 18 hours.'
    const figures = detectFigures(text)
    expect(figures.length).toBeGreaterThanOrEqual(7)
    for (const [i, f] of figures.entries()) {
      expect(text.slice(f.start, f.end)).toBe(f.text)
      if (i > 0) expect(f.start).toBeGreaterThanOrEqual(figures[i - 1].end)
    }
  })

  it('returns nothing for empty text', () => {
    expect(detectFigures('')).toEqual([])
  })
})
