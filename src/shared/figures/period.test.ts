import { describe, expect, it } from 'vitest'
import { suggestPeriod } from './index'

/** Suggests a period for the first occurrence of `figure` in `text`. */
function periodOf(text: string, figure: string, articleDate?: string) {
  const start = text.indexOf(figure)
  if (start < 0) throw new Error(`"${figure}" is not in the text`)
  return suggestPeriod({ text, start, end: start + figure.length, articleDate })
}

describe('suggestPeriod', () => {
  it.each<[string, string, string | undefined, [string, string, string] | undefined]>([
    [
      'In total there were 500 strikes between late December and early January, of which 70% were repulsed.',
      '500',
      '2024-01-10',
      ['2023-12-21', '2024-01-10', 'late December and early January'],
    ],
    [
      'At the end of December, 40 drones hit the city.',
      '40',
      '2024-01-10',
      ['2023-12-21', '2023-12-31', 'the end of December'],
    ],
    ['In mid-March, 40 drones hit the city.', '40', '2024-04-02', ['2024-03-11', '2024-03-20', 'mid-March']],
    ['On Tuesday, 12 people were injured.', '12', '2024-01-10', ['2024-01-09', '2024-01-09', 'On Tuesday']],
    [
      'On December 29, 158 missiles were launched.',
      '158',
      '2024-01-10',
      ['2023-12-29', '2023-12-29', 'December 29'],
    ],
    ['In December, prices rose 5%.', '5%', '2024-01-10', ['2023-12-01', '2023-12-31', 'December']],
    ['Yesterday 5 drones were shot down.', '5', '2024-01-10', ['2024-01-09', '2024-01-09', 'Yesterday']],
    [
      'Over the past 24 hours, 30 drones were downed.',
      '30',
      '2024-01-10',
      ['2024-01-09', '2024-01-10', 'the past 24 hours'],
    ],
    [
      'In the past seven days, 30 drones were downed.',
      '30',
      '2024-01-10',
      ['2024-01-03', '2024-01-10', 'the past seven days'],
    ],
    ['Last week 30 drones were downed.', '30', '2024-01-10', ['2024-01-01', '2024-01-07', 'Last week']],
    ['Prices rose 3% last month.', '3%', '2024-01-10', ['2023-12-01', '2023-12-31', 'last month']],
    ['The economy grew 5.3% in 2023.', '5.3%', undefined, ['2023-01-01', '2023-12-31', '2023']],
    ['The economy grew 5.3% last year.', '5.3%', '2024-01-26', ['2023-01-01', '2023-12-31', 'last year']],
    [
      'Since February 2022, 6 million people have fled.',
      '6 million',
      '2024-01-10',
      ['2022-02-01', '2024-01-10', 'February 2022'],
    ],
    [
      'The budget for 2024-2027 is €50 billion.',
      '€50 billion',
      '2023-11-09',
      ['2024-01-01', '2027-12-31', '2024-2027'],
    ],
    [
      'In the third quarter, revenue was $8.4bn.',
      '$8.4bn',
      '2024-10-31',
      ['2024-07-01', '2024-09-30', 'third quarter'],
    ],
    ['Revenue was $8.4bn in Q1 2023.', '$8.4bn', undefined, ['2023-01-01', '2023-03-31', 'Q1 2023']],
    [
      'The poll was carried out between April 15 and April 19. It found 41 percent support.',
      '41 percent',
      '2024-04-22',
      ['2024-04-15', '2024-04-19', 'April 15 and April 19'],
    ],
    [
      'Exports reached $40 billion on 5 January 2024.',
      '$40 billion',
      undefined,
      ['2024-01-05', '2024-01-05', 'on 5 January 2024'],
    ],
    [
      'From late November to mid-December, 300 strikes hit.',
      '300',
      '2024-01-10',
      ['2023-11-21', '2023-12-20', 'late November to mid-December'],
    ],
  ])('%s (%s)', (text, figure, date, expected) => {
    const period = periodOf(text, figure, date)
    expect(period && [period.start, period.end, period.text]).toEqual(expected)
  })

  it.each([
    ['no date at all', 'Prices rose 3%.', '3%', '2024-01-10'],
    ['a weekday without the article date', 'On Tuesday, 12 people were injured.', '12', undefined],
    ['a month without a year or article date', 'In December, prices rose 5%.', '5%', undefined],
    [
      'a duration, not a period',
      'The shelters will stay open for several days for 300 people.',
      '300',
      '2024-01-10',
    ],
  ])('suggests nothing for %s', (_name, text, figure, date) => {
    expect(periodOf(text, figure, date)).toBeUndefined()
  })

  it('reads the previous sentence when the figure’s own has no date', () => {
    const text = 'Russia attacked on December 29. The air force said it shot down 87 missiles.'
    expect(periodOf(text, '87', '2024-01-10')).toEqual({
      start: '2023-12-29',
      end: '2023-12-29',
      text: 'December 29',
    })
  })

  it('takes no period from the title line of a news story (conventions v2), nor from a dateline', () => {
    const text = 'Strikes in December\n\nThe air force said it shot down 87 missiles.'
    expect(periodOf(text, '87', '2024-01-10')).toBeUndefined()
    const dateline = 'date 2024-01-10 Air defence holds\n\nThe air force said it shot down 87 missiles.'
    expect(periodOf(dateline, '87', '2024-01-10')).toBeUndefined()
  })
})
