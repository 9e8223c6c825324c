// Tests (Node): the crash verdict itself, so a lenient checker cannot make the crash test pass vacuously.
import { describe, expect, it } from 'vitest'
import { checkRun } from './crash-check'

const before = new Map([['aaaa', 'c0-1']])

describe('checkRun', () => {
  it.each([
    ['nothing happened', [], [['aaaa', 'c0-1']], 0],
    [
      'an acknowledged create is stored',
      ['send create c1-2', 'ack create bbbb c1-2'],
      [
        ['aaaa', 'c0-1'],
        ['bbbb', 'c1-2'],
      ],
      0,
    ],
    [
      'an unacknowledged create is stored',
      ['send create c1-2'],
      [
        ['aaaa', 'c0-1'],
        ['bbbb', 'c1-2'],
      ],
      0,
    ],
    ['an unacknowledged create is lost', ['send create c1-2'], [['aaaa', 'c0-1']], 0],
    ['an acknowledged create is lost', ['send create c1-2', 'ack create bbbb c1-2'], [['aaaa', 'c0-1']], 1],
    [
      'an unknown annotation appears',
      [],
      [
        ['aaaa', 'c0-1'],
        ['zzzz', 'c9-9'],
      ],
      1,
    ],
    [
      'one unacknowledged create appears twice',
      ['send create c1-2'],
      [
        ['aaaa', 'c0-1'],
        ['b1', 'c1-2'],
        ['b2', 'c1-2'],
      ],
      1,
    ],
    ['an acknowledged delete', ['send delete aaaa', 'ack delete aaaa'], [], 0],
    ['an acknowledged delete comes back', ['send delete aaaa', 'ack delete aaaa'], [['aaaa', 'c0-1']], 1],
    ['an unacknowledged delete is lost', ['send delete aaaa'], [['aaaa', 'c0-1']], 0],
    ['an unacknowledged delete lands', ['send delete aaaa'], [], 0],
    ['an annotation vanishes without a delete', [], [], 1],
    [
      'the last acknowledged update',
      ['send update aaaa u1-1', 'ack update aaaa u1-1'],
      [['aaaa', 'u1-1']],
      0,
    ],
    [
      'a later unacknowledged update',
      ['send update aaaa u1-1', 'ack update aaaa u1-1', 'send update aaaa u1-2'],
      [['aaaa', 'u1-2']],
      0,
    ],
    [
      'an acknowledged update is rolled back',
      ['send update aaaa u1-1', 'ack update aaaa u1-1'],
      [['aaaa', 'c0-1']],
      1,
    ],
    [
      'an older acknowledged update wins',
      ['send update aaaa u1-1', 'send update aaaa u1-2', 'ack update aaaa u1-1', 'ack update aaaa u1-2'],
      [['aaaa', 'u1-1']],
      1,
    ],
    ['an unacknowledged update lands or not', ['send update aaaa u1-1'], [['aaaa', 'c0-1']], 0],
    ['a note nobody sent', [], [['aaaa', 'u7-7']], 1],
    ['the child reports a failed call', ['fail step - internal boom'], [['aaaa', 'c0-1']], 1],
  ])('%s', (_name, lines, after, problems) => {
    const verdict = checkRun(before, lines, new Map(after as [string, string][]))
    expect(verdict.problems).toHaveLength(problems)
  })
})
