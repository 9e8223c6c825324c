// The article's table of entities: a speaker's name read against the names the article gives in full.
import { describe, expect, it } from 'vitest'
import { entityTable } from './entities'
import { lexiconFor } from './lang'
import { attributeSpeaker } from './speaker-model'

const canonical = (lang: string, text: string, name: string): string =>
  entityTable(text, lexiconFor(lang)).canonical(name)

describe('entity table', () => {
  it('names a Russian or Ukrainian body by its whole name from its first words or its head noun', () => {
    const ru =
      'Главное управление МЧС России по Алтынской области сообщило о подтоплении. Избирательная комиссия Староозёрска подвела итоги.'
    expect(canonical('ru', ru, 'Главное')).toBe('Главное управление МЧС России по Алтынской области')
    expect(canonical('ru', ru, 'комиссия')).toBe('Избирательная комиссия Староозёрска')
    const uk = 'Державна служба з надзвичайних ситуацій повідомила про пожежі.'
    expect(canonical('uk', uk, 'Державна служба')).toBe('Державна служба з надзвичайних ситуацій')
  })

  it('does not run a body name on over words after it', () => {
    const uk = 'Національний банк України свого часу оцінював втрати. Так вважає Національний банк України.'
    expect(canonical('uk', uk, 'Національний банк України')).toBe('Національний банк України')
  })

  it('reads a body named by what it is: облизбирком', () => {
    const ru =
      'Избирательная комиссия Приозёрской области начала подсчёт. По данным облизбиркома, явка составила 41%.'
    expect(canonical('ru', ru, 'облизбиркома')).toBe('Избирательная комиссия Приозёрской области')
  })

  it('names a person by first name and surname when the text gives both', () => {
    const ru = 'Ирина Сомова работала на комбинате. Сомова говорит, что платят 95 тыс. руб.'
    expect(canonical('ru', ru, 'Сомова')).toBe('Ирина Сомова')
  })

  it('leaves out a title, a body or a workplace before or after a person', () => {
    expect(canonical('uk', '', 'Адвокатка Олена Мірошник')).toBe('Олена Мірошник')
    expect(canonical('uk', '', 'ОВА Василь Гордійчук')).toBe('Василь Гордійчук')
    expect(canonical('uk', '', 'Трейдерка Ганна Левицька з компанії «Агроекспорт-Південь»')).toBe(
      'Ганна Левицька',
    )
    expect(canonical('ru', '', 'облизбиркома Елена Шарова')).toBe('Елена Шарова')
  })

  it('takes a quoted name out of a lower-case frame, not out of a name', () => {
    expect(canonical('uk', '', 'національний оператор енергосистеми «Енергомережа»')).toBe('Енергомережа')
    expect(canonical('uk', '', 'Соціологічна група «Соціовимір»')).toBe('Соціологічна група «Соціовимір»')
  })

  it('leaves out lower-case descriptors before a capitalised name', () => {
    expect(canonical('en', '', 'campaign group Better Buses Kelmouth')).toBe('Better Buses Kelmouth')
    expect(canonical('en', '', 'Ministry of Finance')).toBe('Ministry of Finance')
  })
})

describe('speaker model', () => {
  it('gives a title line figure no speaker', () => {
    const text =
      'date 2026-11-19 Acme recalls 214,000 kettles\n\nAcme is recalling 214,000 kettles, the company said on Wednesday.'
    const first = text.indexOf('214,000')
    const second = text.indexOf('214,000', first + 1)
    const lex = lexiconFor('en')
    expect(attributeSpeaker({ text, start: first, end: first + 7, lex })).toBeUndefined()
    expect(attributeSpeaker({ text, start: second, end: second + 7, lex })).toBeDefined()
  })

  const speak = (lang: string, text: string, figure: string): string | undefined => {
    const start = text.indexOf(figure)
    return attributeSpeaker({ text, start, end: start + figure.length, lex: lexiconFor(lang) })
  }

  it('reads a finding or a forecast as the body’s: "data from X showed", "the survey found"', () => {
    expect(
      speak(
        'en',
        'Separately, data from the Norwegian Seafood Council showed exports fell 4% in February.',
        '4%',
      ),
    ).toBe('Norwegian Seafood Council')
    expect(
      speak(
        'en',
        'About 21% of rented homes failed it in 2023, the English Housing Survey found.',
        'About 21%',
      ),
    ).toBe('English Housing Survey')
  })

  it('lets one who says speak before one who expects, in the same sentence', () => {
    const text =
      'The board’s chief executive, Alison Rennick, spoke on Monday. The board expects to spend £42m this year on extra lists, she said.'
    expect(speak('en', text, '£42m')).toBe('Alison Rennick')
  })

  it('does not lend a speaker of a later clause to a figure before it', () => {
    const text =
      'Kestria welcomed 10mn visitors in 2024, and the Kestria Tourism Board expects 10.6mn this year.'
    expect(speak('en', text, '10mn')).toBeUndefined()
    expect(speak('en', text, '10.6mn')).toBe('Kestria Tourism Board')
    // a list goes on after ", y": the source at its end speaks for all of it
    const es =
      'Reino Unido fue el principal emisor, con 1,5 millones de turistas, y Alemania, con 986.000, según la Xunta de Galicia.'
    expect(speak('es', es, '1,5 millones')).toBe('Xunta de Galicia')
  })

  it('names a short body by the longer name the article writes, opening with it or after a link', () => {
    const en = 'The Ministry of the Interior said 30 people died. Interior officials said more.'
    expect(canonical('en', en, 'Interior')).toBe('Ministry of the Interior')
    const fr = 'Le ministère des Comptes publics table sur 12,5 milliards. Selon les Comptes, …'
    expect(canonical('fr', fr, 'Comptes')).toBe('ministère des Comptes publics')
    const de = 'Das Bauamt der Stadt Hallstedt rechnet mit 3.000 Wohnungen. Die Hanna-Lechner-Stiftung hilft.'
    expect(canonical('de', de, 'Bauamt')).toBe('Bauamt der Stadt Hallstedt')
    expect(canonical('de', de, 'Stiftung')).toBe('Hanna-Lechner-Stiftung')
    // not through a descriptor, a determiner, a title or a source phrase
    expect(canonical('fr', 'Selon l’opérateur DTEK, 2 300 foyers.', 'DTEK')).toBe('DTEK')
    expect(canonical('de', 'Nach Angaben der Polizei gab es 12 Unfälle.', 'Polizei')).toBe('Polizei')
  })

  it('reads "Claim:" and "Verdict:" in a fact check as labels, not interview turns', () => {
    const text =
      'date 2026-11-19 Fact check\n\nClaim: fares rose 40%.\n\nVerdict: False. Buses ran 4.1 million miles, the partnership’s annual report shows.\n\nClaim: 33% fewer buses.\n\nVerdict: Partly true.'
    expect(speak('en', text, '40%')).toBeUndefined()
  })

  it('names a company "the company" stands for, as its apposition introduces it', () => {
    const text =
      'date 2026-11-19 Recall\n\nBrenmoor Home, the kitchen appliance maker, is recalling 214,000 air fryers, the company said. Its director said the company had acted “as soon as the pattern was clear”.'
    expect(speak('en', text, '214,000')).toBe('Brenmoor Home')
  })
})
