import { describe, expect, it } from 'vitest'
import { tooLargeToSend } from './import-limits'

describe('files too large to send from the Import dialog or a drop', () => {
  it('sends files up to 20 MB, and names the way to import a larger PDF', () => {
    expect(tooLargeToSend({ name: 'report.pdf', size: 20 * 2 ** 20 })).toBeUndefined()
    expect(tooLargeToSend({ name: 'annex.pdf', size: 54 * 2 ** 20 })).toBe(
      '“annex.pdf” is 54 MB; the Import dialog and drops take files of up to 20 MB. Import a larger PDF (up to 100 MB) with `glossa import`, or by opening it with Glossa.',
    )
    expect(tooLargeToSend({ name: 'page.html', size: 21 * 2 ** 20 })).toMatch(
      /^“page\.html” is 21 MB; Glossa imports files of up to 20 MB\./,
    )
  })
})
