import { describe, expect, it } from 'vitest'
import { describe as describeTarget } from '../anchoring'
import { quoteSentence } from './quote-sentence'

/** The selector Glossa stores for `needle` in `text` (32 characters of context each side). */
function selectorOf(text: string, needle: string) {
  const start = text.indexOf(needle)
  return describeTarget(text, start, start + needle.length).quote
}

const AIR =
  "Ukraine's air defences destroyed 412 of the 520 attack drones that Russia launched in the first week of " +
  'January, the air force said on Tuesday.'

describe('quoteSentence: the sentence a figure stands in, from its quote selector', () => {
  it.each([
    [
      'a long sentence, cut at words where the context stops',
      AIR,
      '520',
      '…defences destroyed 412 of the 520 attack drones that Russia…',
    ],
    [
      'a short sentence between two others, whole',
      'It rained. Prices rose 3% in May. Then fell.',
      '3%',
      'Prices rose 3% in May.',
    ],
    [
      'the first sentence of the text, not cut at its start',
      'About 480 drones came. Then more.',
      'About 480',
      'About 480 drones came.',
    ],
    [
      'the last sentence, not cut at its end',
      'Quiet night. Crews fixed 12 lines',
      '12',
      'Crews fixed 12 lines',
    ],
    [
      'an abbreviation ends no sentence',
      'We spoke. Mr. Hale said 40 homes burned.',
      '40',
      'Mr. Hale said 40 homes burned.',
    ],
    [
      'a line break ends one',
      'Heading\nThe fund paid $2 million to 90 towns.\nNext',
      '$2 million',
      'The fund paid $2 million to 90 towns.',
    ],
    [
      'runs of spaces read as one',
      'Output rose to  1,200   units. Next.',
      '1,200',
      'Output rose to 1,200 units.',
    ],
  ])('%s', (_, text, needle, sentence) => {
    expect(quoteSentence(selectorOf(text, needle))).toBe(sentence)
  })

  it('is never just the number again when there is context', () => {
    expect(quoteSentence(selectorOf(AIR, '412'))).not.toBe('412')
  })
})
