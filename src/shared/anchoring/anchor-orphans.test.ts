// Anchoring after the passage itself was deleted or rewritten: an orphan, never a place elsewhere,
// even where the same words remain in another sentence.
import { describe as group, expect, it } from 'vitest'
import type { Edit } from '../../../test/fixtures/anchoring/edits'
import { fixtures, remove, replace } from '../../../test/fixtures/anchoring/edits'
import { selector } from '../../../test/fixtures/anchoring/fixtures'
import { anchor, describe } from './index'

type Row = { name: string; fixture: keyof typeof fixtures; selector: string; edit: Edit }

const rows: Row[] = [
  // The passage itself deleted: an orphan, even where the same words remain elsewhere.
  {
    name: 'deleted one-word passage',
    fixture: 'battery',
    selector: 'one word, non-ASCII',
    edit: remove(
      ' In the most demanding test, the installation responded to a sudden loss of 400 megawatts of imported power in less than a second, holding the grid frequency within its permitted band until gas turbines in Elektrėnai could take over.',
    ),
  },
  {
    name: 'deleted repeated sentence, other copy remains',
    fixture: 'battery',
    selector: 'repeated sentence, second copy',
    edit: remove('It is insurance. A grid'),
  },
  {
    name: 'deleted one word, same word remains elsewhere',
    fixture: 'tram',
    selector: 'one word, non-ASCII, second copy',
    edit: remove('Wiśniewska was not persuaded. '),
  },
  {
    name: 'deleted second copy of a repeated sentence',
    fixture: 'tram',
    selector: 'repeated sentence, second copy',
    edit: remove('We cannot build a tram line on promises. We'),
  },
  {
    name: 'deleted first copy of a repeated sentence',
    fixture: 'tram',
    selector: 'repeated sentence, first copy',
    edit: remove(
      '"We cannot build a tram line on promises," said Marta Wiśniewska, who leads the opposition group on the council. "Show us the signed grant agreement and we will vote for it tomorrow."\n\n',
    ),
  },
  {
    name: 'deleted repeated phrase, first copy remains',
    fixture: 'glacier',
    selector: 'repeated phrase, second copy',
    edit: replace('Once it is gone, it is gone.', 'Once it is gone, nothing brings it back.'),
  },
  {
    name: 'deleted sentence',
    fixture: 'glacier',
    selector: 'sentence',
    edit: remove(
      'Smaller glaciers fared worse: several in the Valais lost so much thickness that they are expected to break up into separate patches of dead ice within a decade. ',
    ),
  },
  {
    name: 'deleted closing paragraph',
    fixture: 'battery',
    selector: 'end of text',
    edit: (t) => t.slice(0, t.lastIndexOf('\n\n')),
  },

  // The passage heavily rewritten: an orphan.
  {
    name: 'rewritten clause',
    fixture: 'battery',
    selector: 'euro amount',
    edit: replace(
      'cost €143 million and took just under two years to complete',
      'was finished in twenty-three months at a price of €143 million',
    ),
  },
  {
    name: 'rewritten closing words',
    fixture: 'tram',
    selector: 'end of text',
    edit: replace('a banner that read simply: "Finally."', 'a long banner thanking the council.'),
  },
  {
    name: 'rewritten sentence',
    fixture: 'glacier',
    selector: 'typo inside the passage',
    edit: replace(
      'the extra meltwater produced in hot summers was a temporay effect',
      'warm years bring more water only for a short while',
    ),
  },
  {
    name: 'one-word passage replaced',
    fixture: 'glacier',
    selector: 'one word',
    edit: replace('Morteratsch', 'Tschierva'),
  },
  {
    name: 'table row rewritten',
    fixture: 'tram',
    selector: 'table row',
    edit: replace('Trams (8 vehicles)\t32.0\t25%', 'Rolling stock\t35.5\t27%'),
  },
]

group('orphans', () => {
  it.each(rows)('$name', ({ fixture, selector: name, edit }) => {
    const { text } = fixtures[fixture]
    const { start, end } = selector(fixtures[fixture], name)
    expect(anchor(edit(text), describe(text, start, end))).toBeNull()
  })
})
