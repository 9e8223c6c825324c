// Tests (Node): an article's address is only ever what import accepts (http: or https:), whichever method sets it.
import { describe, expect, it } from 'vitest'
import { serviceHarness } from '../service-harness'

const HOSTILE = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'vbscript:msgbox(1)',
  'https://user:pass@example.org/',
  'not a url',
]

describe('article addresses', () => {
  it.each(HOSTILE)('articles.create, articles.update and import.text refuse %j', async (url) => {
    const h = await serviceHarness()
    await expect(
      h.call('articles.create', { title: 'T', text: 'Some 12 words.', url }),
    ).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringMatching(/url: must be an http\(s\) address/),
    })
    const made = await h.call('articles.create', { title: 'T', text: 'Some 12 words.' })
    await expect(h.call('articles.update', { id: made.id, url })).rejects.toMatchObject({
      code: 'invalid_argument',
    })
    await expect(h.call('import.text', { text: 'Other 13 words.', url })).rejects.toMatchObject({
      code: 'invalid_argument',
    })
    expect(h.archive.meta(made.id).url).toBeUndefined()
  })

  it('accepts http and https addresses', async () => {
    const h = await serviceHarness()
    const made = await h.call('articles.create', {
      title: 'T',
      text: 'Some 12 words.',
      url: 'https://example.org/a',
    })
    expect(made.url).toBe('https://example.org/a')
    const updated = await h.call('articles.update', {
      id: made.id,
      url: 'http://example.org/b',
    })
    expect(updated.url).toBe('http://example.org/b')
  })
})
