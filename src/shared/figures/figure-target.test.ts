import { describe as suite, expect, it } from 'vitest'
import { anchor, describe } from '../anchoring'
import { quoteSentence } from '../export/quote-sentence'
import { SENTENCE_CONTEXT_MAX, describeFigureTarget } from './figure-target'

const LONG =
  'According to the air force command, which released its nightly summary shortly after dawn on Tuesday, ' +
  'air defence units destroyed 412 of the 520 attack drones launched across the country overnight, ' +
  'most of them over the capital region and the southern ports.'
const TEXT = `Drones over the capital\n\nThe night was loud. ${LONG} Repairs began at once.\n\nCrews worked into the evening.`

const at = (text: string, exact: string) => {
  const start = text.indexOf(exact)
  return [start, start + exact.length] as const
}

suite('a figure keeps its whole sentence as context', () => {
  it('quotes a sentence longer than the 32 characters a highlight keeps each side, without a cut', () => {
    const [start, end] = at(TEXT, '412')
    // What a highlight's selector keeps: the sentence is cut both sides.
    expect(quoteSentence(describe(TEXT, start, end).quote)).toMatch(/^….*…$/)
    const target = describeFigureTarget(TEXT, start, end)
    expect(quoteSentence(target.quote)).toBe(LONG)
    expect(target.position).toEqual({ type: 'TextPositionSelector', start, end })
    expect(target.quote.exact).toBe('412')
  })

  it('quotes the article’s first sentence and a paragraph’s last without marking a cut', () => {
    const first = `Officials said on Monday evening that about 1,800 people had left the district. ${LONG}`
    const [s1, e1] = at(first, '1,800')
    expect(quoteSentence(describeFigureTarget(first, s1, e1).quote)).toBe(
      'Officials said on Monday evening that about 1,800 people had left the district.',
    )
    const [s2, e2] = at(TEXT, 'into the evening')
    expect(quoteSentence(describeFigureTarget(TEXT, s2, e2).quote)).toBe('Crews worked into the evening.')
  })

  it(`cuts a sentence longer than ${SENTENCE_CONTEXT_MAX} characters each side, and says so`, () => {
    const padding = 'and then the crews moved on to the next street '.repeat(20)
    const text = `Start here. Some ${padding}counted 70 drones ${padding}before dawn. End here.`
    const [start, end] = at(text, '70')
    const target = describeFigureTarget(text, start, end)
    expect(target.quote.prefix).toHaveLength(SENTENCE_CONTEXT_MAX)
    expect(target.quote.suffix).toHaveLength(SENTENCE_CONTEXT_MAX)
    const quote = quoteSentence(target.quote)
    expect(quote).toMatch(/^….* counted 70 drones .*…$/)
  })

  it('anchors where a highlight would, before and after the text around it is edited', () => {
    const [start, end] = at(TEXT, '412')
    const target = describeFigureTarget(TEXT, start, end)
    expect(anchor(TEXT, target)).toMatchObject({ start, end })
    const edited = TEXT.replace('The night was loud.', 'The night was very loud indeed.')
    const shift = edited.length - TEXT.length
    expect(anchor(edited, target)).toMatchObject({ start: start + shift, end: end + shift })
    const inSentence = edited.replace('shortly after dawn', 'soon after dawn')
    const moved = inSentence.indexOf('412')
    expect(anchor(inSentence, target)).toMatchObject({ start: moved, end: moved + 3 })
  })
})
