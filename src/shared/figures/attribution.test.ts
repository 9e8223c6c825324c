import { describe, expect, it } from 'vitest'
import { suggestAttribution } from './index'

function attributionOf(text: string, figure: string): string | undefined {
  const start = text.indexOf(figure)
  if (start < 0) throw new Error(`"${figure}" is not in the text`)
  return suggestAttribution({ text, start, end: start + figure.length })
}

describe('suggestAttribution', () => {
  it.each<[string, string, string | undefined]>([
    [
      'Ukraine repulsed 70% of the strikes, President Volodymyr Zelenskyy said.',
      '70%',
      'Volodymyr Zelenskyy',
    ],
    ['President Volodymyr Zelenskyy said Ukraine repulsed 70% of the strikes.', '70%', 'Volodymyr Zelenskyy'],
    [
      'There are more than 50 state and private manufacturers, Minister for Strategic Industries Alexander Kamyshin stated.',
      '50',
      'Alexander Kamyshin',
    ],
    ['"We restored 80% of capacity," Energy Minister Oksana Zhuk told reporters.', '80%', 'Oksana Zhuk'],
    ['At least 39 people were killed, according to the Interior Ministry.', '39', 'Interior Ministry'],
    ['At least 39 people were killed, according to Ihor Klymenko.', '39', 'Ihor Klymenko'],
    [
      'Growth will slow to 3.6%, said Iryna Kovalska, chief economist at Harbour Capital.',
      '3.6%',
      'Iryna Kovalska',
    ],
    ['Demand hit 5.1 GW, said its chief executive, Helen Marsh-Taylor.', '5.1 GW', 'Helen Marsh-Taylor'],
    ['Ihor Klymenko, the interior minister, said 11 people were injured.', '11', 'Ihor Klymenko'],
    [
      'Colonel Mykola Hrytsenko, a spokesman for the air force, said 30 drones were downed.',
      '30',
      'Mykola Hrytsenko',
    ],
    [
      'The target was raised from $180 to $215 by Marcus Lee of Pembroke Securities, who noted a 9% rise.',
      '9%',
      'Marcus Lee',
    ],
    ['Kyiv’s military administration said dozens were killed.', 'dozens', 'Kyiv’s military administration'],
    [
      'Exports fell 8%, according to estimates by the research firm Tidewater Analytics.',
      '8%',
      'Tidewater Analytics',
    ],
    ['The Treasury said the figures showed 4% inflation.', '4%', 'Treasury'],
    ['Nobody saw the 300 drones coming.', '300', undefined],
  ])('%s', (text, figure, expected) => {
    expect(attributionOf(text, figure)).toBe(expected)
  })

  it('resolves "says the president" to the president named earlier', () => {
    const text =
      'President Volodymyr Zelenskyy visited the front.\n\nUkraine shot down 70% of the drones, says the president.'
    expect(attributionOf(text, '70%')).toBe('Volodymyr Zelenskyy')
  })

  it('resolves a pronoun and a bare surname to the full name', () => {
    const text =
      'Energy Minister Oksana Zhuk spoke on Monday. "We are ready," she said.\n\nZhuk said 14.5 billion cubic metres of gas were stored. She added that 2.2 million tonnes of coal had arrived.'
    expect(attributionOf(text, '14.5 billion')).toBe('Oksana Zhuk')
    expect(attributionOf(text, '2.2 million')).toBe('Oksana Zhuk')
  })

  it('reads the attribution after a quote that spans sentences', () => {
    const text =
      'The match ended late. "We had 64% of the ball and 18 shots. But football is about goals," de Vries said.'
    expect(attributionOf(text, '64%')).toBe('de Vries')
  })

  it('carries a speaker through its paragraph, not into the next one (conventions v2)', () => {
    const text =
      'The ministry said exports would recover.\n\nFarmer Ivan Tkachuk said costs had soared. Moving a tonne now costs $70.'
    expect(attributionOf(text, '$70')).toBe('Ivan Tkachuk')
    expect(
      attributionOf(
        'Energy Minister Oksana Zhuk briefed reporters.\n\nStocks reached 14.5 billion cubic metres.',
        '14.5',
      ),
    ).toBeUndefined()
  })

  it('carries a quote to its speaker across sentences, before or after', () => {
    const after =
      '"Stocks reached 14.5 billion cubic metres. We are ready," Energy Minister Oksana Zhuk said.'
    expect(attributionOf(after, '14.5')).toBe('Oksana Zhuk')
    const before = 'Oksana Zhuk said: "We are ready. Stocks reached 14.5 billion cubic metres."'
    expect(attributionOf(before, '14.5')).toBe('Oksana Zhuk')
  })

  it('names the body a spokesperson speaks for, and the person between commas', () => {
    expect(attributionOf('About 20 trains were cancelled, a Peninsula Rail spokesperson said.', '20')).toBe(
      'Peninsula Rail',
    )
    expect(
      attributionOf("Dalmiran's president, Aurel Vasko, said he had ordered 1500 troops north.", '1500'),
    ).toBe('Aurel Vasko')
  })

  it('spells out an acronym the article introduced, and drops a possessive', () => {
    const text =
      'The Office for National Statistics (ONS) publishes rents monthly.\n\nRents rose 7.4%, the ONS said. ' +
      "About 60 homes are at risk, according to the Environment Agency's survey."
    expect(attributionOf(text, '7.4%')).toBe('Office for National Statistics')
    expect(attributionOf(text, '60')).toBe('Environment Agency')
  })
})
