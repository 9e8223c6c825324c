// Anchoring after the article text changed: the highlight must land on the same (or corrected) words.
// Expected ranges are found in the edited text by locating known strings, never by asking the code under test.
import { describe as group, expect, it } from 'vitest'
import type { Edit } from '../../../test/fixtures/anchoring/edits'
import {
  NEW_PARAGRAPH,
  atTop,
  both,
  fixtures,
  insertBefore,
  locate,
  remove,
  replace,
} from '../../../test/fixtures/anchoring/edits'
import { selector } from '../../../test/fixtures/anchoring/fixtures'
import { anchor, describe } from './index'

type Row = {
  name: string
  fixture: keyof typeof fixtures
  selector: string
  edit: Edit
  /** The string the highlight must now cover, found after `after` when it is not unique. */
  expected: { find: string; after?: string; method: 'position' | 'quote' | 'fuzzy' }
}

const rows: Row[] = [
  // A paragraph inserted before the passage.
  {
    name: 'paragraph inserted above the opening words',
    fixture: 'battery',
    selector: 'start of text, em dash',
    edit: atTop,
    expected: { find: 'KAUNAS — Lithuania switched on the largest grid battery', method: 'quote' },
  },
  {
    name: 'paragraph inserted right before the passage’s paragraph',
    fixture: 'battery',
    selector: 'euro amount',
    edit: insertBefore('The facility, built'),
    expected: { find: 'cost €143 million and took just under two years to complete', method: 'quote' },
  },
  {
    name: 'paragraph inserted before a whole-paragraph passage',
    fixture: 'glacier',
    selector: 'whole paragraph',
    edit: insertBefore('“What we can still'),
    expected: {
      find: '“What we can still influence is the end of the century, not the next twenty years,” Hürlimann said. “The next twenty years are already written in the ice.”',
      method: 'quote',
    },
  },
  {
    name: 'paragraph inserted before the table',
    fixture: 'tram',
    selector: 'table row',
    edit: insertBefore("The mayor's office"),
    expected: { find: 'Trams (8 vehicles)\t32.0\t25%', method: 'quote' },
  },
  {
    name: 'paragraph inserted above the closing words',
    fixture: 'glacier',
    selector: 'end of text',
    edit: atTop,
    expected: { find: 'I will go up anyway.”', method: 'quote' },
  },
  {
    name: 'paragraph appended after the closing words',
    fixture: 'glacier',
    selector: 'end of text',
    edit: (t) => `${t}\n\n${NEW_PARAGRAPH}`,
    expected: { find: 'I will go up anyway.”', method: 'position' },
  },
  {
    name: 'paragraph inserted across a two-paragraph passage’s neighbour',
    fixture: 'tram',
    selector: 'spans two paragraphs',
    edit: atTop,
    expected: {
      find: 'signatures in support of the line last year.\n\n"I have two children and no car,"',
      method: 'quote',
    },
  },

  // Repeated text: prefix and suffix say which copy.
  {
    name: 'repeated sentence, second copy, after a paragraph above',
    fixture: 'tram',
    selector: 'repeated sentence, second copy',
    edit: atTop,
    expected: {
      find: 'We cannot build a tram line on promises',
      after: 'told the chamber: "',
      method: 'quote',
    },
  },
  {
    name: 'repeated sentence, first copy, after a paragraph right before it',
    fixture: 'tram',
    selector: 'repeated sentence, first copy',
    edit: insertBefore('"We cannot build a tram line on promises,"'),
    expected: { find: 'We cannot build a tram line on promises', after: NEW_PARAGRAPH, method: 'quote' },
  },
  {
    name: 'repeated sentence, second copy, first copy edited',
    fixture: 'battery',
    selector: 'repeated sentence, second copy',
    edit: both(atTop, replace('"It is insurance. You hope', '"It is insurance, really. You hope')),
    expected: { find: 'It is insurance.', after: 'gesturing at the rows of containers. "', method: 'quote' },
  },
  {
    name: 'repeated word, second copy, after a paragraph above',
    fixture: 'battery',
    selector: 'repeated one word, second copy',
    edit: atTop,
    expected: { find: 'cheaper', after: 'Insurance is ', method: 'quote' },
  },
  {
    name: 'repeated phrase inside one sentence',
    fixture: 'glacier',
    selector: 'repeated phrase, second copy',
    edit: atTop,
    expected: { find: 'it is gone', after: 'Once it is gone, ', method: 'quote' },
  },

  // A typo fixed inside the passage: placed on the corrected passage.
  {
    name: 'typo fixed',
    fixture: 'battery',
    selector: 'typo inside the passage',
    edit: replace('econmy', 'economy'),
    expected: { find: 'The economy of storage is simple', method: 'fuzzy' },
  },
  {
    name: 'typo fixed and a paragraph inserted above',
    fixture: 'battery',
    selector: 'typo inside the passage',
    edit: both(atTop, replace('econmy', 'economy')),
    expected: { find: 'The economy of storage is simple', method: 'fuzzy' },
  },
  {
    name: 'typo fixed in a long passage',
    fixture: 'glacier',
    selector: 'typo inside the passage',
    edit: replace('temporay', 'temporary'),
    expected: { find: 'the extra meltwater produced in hot summers was a temporary effect', method: 'fuzzy' },
  },
  {
    name: 'diacritic dropped from a one-word passage',
    fixture: 'battery',
    selector: 'one word, non-ASCII',
    edit: replace('Elektrėnai', 'Elektrenai'),
    expected: { find: 'Elektrenai', method: 'fuzzy' },
  },

  // A sentence removed nearby.
  {
    name: 'sentence removed right before a one-word passage',
    fixture: 'glacier',
    selector: 'one word',
    edit: remove(
      '“In a normal year the snow protects the ice until the middle of July,” said Dr. Lea Hürlimann, a glaciologist at ETH Zürich who helped compile the figures. “This year the ice was exposed by the end of June. After that, every sunny day was a loss.”\n\n',
    ),
    expected: { find: 'Morteratsch', method: 'quote' },
  },
  {
    name: 'sentence removed right before the passage',
    fixture: 'glacier',
    selector: 'sentence',
    edit: remove(
      'The Morteratsch glacier in Graubünden, one of the most visited in the Alps, retreated by 68 metres, according to the report. ',
    ),
    expected: { find: 'Smaller glaciers fared worse:', method: 'quote' },
  },
  {
    name: 'sentence removed right after the passage, text shifted',
    fixture: 'tram',
    selector: 'em dash clause',
    edit: both(
      remove('Business owners along the route were more divided. '),
      remove(' even though they voted against the line itself'),
    ),
    expected: { find: '— a measure that several opposition councillors supported', method: 'quote' },
  },
  {
    name: 'sentence removed two sentences before',
    fixture: 'battery',
    selector: 'repeated sentence, second copy',
    edit: remove('For Nausėda, the two technologies are partners rather than rivals. '),
    expected: { find: 'It is insurance.', after: 'containers. "', method: 'quote' },
  },
  {
    name: 'sentence removed before a passage spanning paragraphs',
    fixture: 'battery',
    selector: 'spans two paragraphs',
    edit: remove('The project has not been without critics. '),
    expected: {
      find: 'An audit published in March found no wrongdoing but noted that the cost estimates had been "optimistic from the outset".\n\nNausėda rejected the criticism on Thursday. "Every battery project in Europe got more expensive between 2021 and 2023," she said. "We paid the market price.',
      method: 'quote',
    },
  },
]

group('anchor after edits', () => {
  it.each(rows)('$name', ({ fixture, selector: name, edit, expected }) => {
    const { text } = fixtures[fixture]
    const { start, end } = selector(fixtures[fixture], name)
    const edited = edit(text)
    const found = anchor(edited, describe(text, start, end))
    expect(found).toMatchObject({ ...locate(edited, expected.find, expected.after), method: expected.method })
  })
})
