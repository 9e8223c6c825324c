import { describe, expect, it } from 'vitest'
import { blocks } from '../../../test/fixtures/export/markdown-tokens'
import { fitNote } from './markdown-note'

describe('fitNote', () => {
  it.each([
    ['plain *note*', 1, 'plain *note*'],
    ['# Title\ntext', 1, '## Title\ntext'],
    ['# Title', 2, '### Title'],
    ['##### Deep\n###### Deepest', 2, '###### Deep\n###### Deepest'],
    ['   ## indented', 1, '   ### indented'],
    ['#tag is not a heading', 1, '#tag is not a heading'],
    ['#', 1, '##'],
    ['```\n# comment in code\n```\n# After', 1, '```\n# comment in code\n```\n## After'],
    ['```js\nopen fence', 1, '```js\nopen fence\n```'],
    ['````\n```\nstill open', 1, '````\n```\nstill open\n````'],
    ['~~~\nx\n``` not a close', 1, '~~~\nx\n``` not a close\n~~~'],
    ['```\ncode\n``` info is not a close', 1, '```\ncode\n``` info is not a close\n```'],
    ['line\r\nwindows\rmac', 1, 'line\nwindows\nmac'],
    ['\n \n  padded  \n\n', 1, '  padded'],
    ['    indented code', 1, '    indented code'],
  ])('%j at level %i → %j', (note, level, fitted) => {
    expect(fitNote(note, level)).toBe(fitted)
  })

  it.each(['```\nunclosed', '~~~~\nunclosed', '# Heading', '- list\n- items', '> quote'])(
    'keeps what follows %j out of the note',
    (note) => {
      const tokens = blocks(`${fitNote(note, 2)}\n\n#tag\ncolour:: green\n\n## Next article`)
      const last = tokens[tokens.length - 1]
      expect(last).toMatchObject({ type: 'heading', depth: 2, text: 'Next article' })
      expect(tokens[tokens.length - 2]).toMatchObject({ type: 'paragraph', text: '#tag\ncolour:: green' })
      for (const token of tokens.slice(0, -1))
        if (token.type === 'heading') expect(token.depth).toBeGreaterThan(2)
    },
  )
})
