// German speakers read clause by clause: the subject of the reporting verb wherever it stands.
import { describe, expect, it } from 'vitest'
import { deClauseSpeakers, deCommonNoun } from './de-clauses'
import { lexiconFor } from '.'
import { attributeSpeaker } from '../speaker-model'

const names = (sentence: string): string[] => deClauseSpeakers(sentence).map((s) => s.name)

describe('German clause speakers', () => {
  it('finds the body that is the subject, wherever the verb puts it', () => {
    expect(names('Das teilte die Autobahn GmbH des Bundes am Dienstag in Düsseldorf mit.')).toEqual([
      'Autobahn GmbH des Bundes',
    ])
    expect(
      names(
        'Die Zahl ist auf mindestens neun gestiegen, wie das Innenministerium in München am Mittwochmittag mitteilte.',
      ),
    ).toEqual(['Innenministerium'])
    expect(names('Den Sachschaden schätzt die Polizei auf rund 35.000 Euro.')).toEqual(['Polizei'])
  })

  it('reads a role of a body as the body, a title before a name as the person, a pronoun as a pronoun', () => {
    expect(names('Die Züge seien voll, sagte eine Sprecherin der Deutschen Bahn.')).toEqual(['Deutsche Bahn'])
    expect(
      names('Über den Winter rechne er mit 12.000 Arbeitslosen, sagte ihr Leiter Anselm Kröning.'),
    ).toEqual(['Anselm Kröning'])
    expect(names('Die Schäden schätzte sie am Mittwoch auf 250 Millionen Euro.')).toEqual(['sie'])
    expect(names('Es bleibe dabei, sagte er.')).toEqual(['er'])
  })

  it('reads a source after "nach Zählungen des …" in the nominative', () => {
    expect(
      names('Nach Zählungen des Landesbetriebs Straßenbau NRW überqueren sie täglich 68.000 Fahrzeuge.'),
    ).toEqual(['Landesbetrieb Straßenbau NRW'])
  })

  it('tells a noun or a place from a name', () => {
    const text =
      'Wie das Amt am Mittwochmittag mitteilte, stiegen die Kosten in Ludwigshafen. Verdi fordert mehr.'
    expect(deCommonNoun('Mittwochmittag', text)).toBe(true)
    expect(deCommonNoun('Kosten', text)).toBe(true)
    expect(deCommonNoun('Ludwigshafen', text)).toBe(true)
    expect(deCommonNoun('Verdi', text)).toBe(false)
  })

  it('gives the prefill the clause subject where the word before the verb is a noun', () => {
    const text =
      'date 2025-07-02 Unwetter\n\nNach schweren Unwettern ist die Zahl der Todesopfer auf mindestens neun gestiegen, wie das Innenministerium in München am Mittwochmittag mitteilte.'
    const start = text.indexOf('mindestens neun')
    expect(attributeSpeaker({ text, start, end: start + 15, lex: lexiconFor('de') })).toBe('Innenministerium')
  })
})
