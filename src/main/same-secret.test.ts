// Tests: the one constant-time comparison browser mode's token and the connector's HMACs go through.
import { describe, expect, it } from 'vitest'
import { sameSecret } from './same-secret'

describe('sameSecret', () => {
  it.each([
    ['Bearer abc', 'Bearer abc', true],
    ['Bearer abd', 'Bearer abc', false],
    ['Bearer ab', 'Bearer abc', false],
    ['', 'Bearer abc', false],
    ['é', Buffer.from('é'), true],
    // Same length in characters, not in bytes: compared as bytes, so refused rather than thrown.
    ['é', 'e', false],
  ])('%j against %j: %s', (sent, expected, same) => {
    expect(sameSecret(sent, expected)).toBe(same)
  })
})
